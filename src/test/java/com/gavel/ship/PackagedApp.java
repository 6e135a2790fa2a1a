package com.gavel.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (or any Java command) as a child process on loopback: started with a
 * chosen environment, waited for until ready, then stopped, or killed like {@code kill -9}. Used by
 * the shipping tests and the benchmark.
 */
public final class PackagedApp implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> command;

	private final Path workDir;

	private final Map<String, String> env;

	private final Path log;

	private final int port;

	private Process process;

	private PackagedApp(List<String> command, Path workDir, Map<String, String> env, Path log, int port) {
		this.command = command;
		this.workDir = workDir;
		this.env = env;
		this.log = log;
		this.port = port;
	}

	/** The jar that {@code ./mvnw package} built (failsafe passes its path as {@code gavel.jar}). */
	public static Path jar() {
		String configured = System.getProperty("gavel.jar");
		if (configured != null && Files.isRegularFile(Path.of(configured))) {
			return Path.of(configured);
		}
		Path target = basedir().resolve("target");
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "gavel-*.jar")) {
			for (Path jar : jars) {
				return jar;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("no packaged jar under " + target + ": run ./mvnw package first");
	}

	public static Path basedir() {
		return Path.of(System.getProperty("gavel.basedir", ".")).toAbsolutePath().normalize();
	}

	/** The java launcher of the JVM running this code. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Gavel from the packaged jar on a data folder and port; {@code extraEnv} adds settings (its
	 * entries win).
	 */
	public static PackagedApp gavel(Path dataDir, int port, Path log, Map<String, String> extraEnv,
			List<String> jvmOptions) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("GAVEL_DATA_DIR", dataDir.toString());
		env.put("SERVER_PORT", Integer.toString(port));
		env.putAll(extraEnv);
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar().toString());
		return new PackagedApp(command, dataDir, env, log, port);
	}

	/**
	 * Gavel from the packaged jar on a free port, started and ready. A port is free when it is
	 * chosen, not reserved: should another process take it first, Gavel is started again on
	 * another one.
	 */
	public static PackagedApp startGavel(Path dataDir, Path log, Map<String, String> extraEnv, List<String> jvmOptions,
			Duration timeout) {
		for (int attempt = 1;; attempt++) {
			PackagedApp app = gavel(dataDir, freePort(), log, extraEnv, jvmOptions).start();
			try {
				return app.awaitReady(timeout);
			}
			catch (IllegalStateException ex) {
				app.kill();
				if (attempt == 3 || !app.logText().contains("was already in use")) {
					throw ex;
				}
			}
		}
	}

	/** Any command (e.g. the image's ENTRYPOINT) in a working folder with an environment. */
	public static PackagedApp command(List<String> command, Path workDir, Map<String, String> env, Path log,
			int port) {
		return new PackagedApp(List.copyOf(command), workDir, new LinkedHashMap<>(env), log, port);
	}

	public PackagedApp start() {
		ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		Map<String, String> environment = builder.environment();
		// Nothing from the caller's environment may change what is tested.
		environment.keySet()
			.removeIf((name) -> name.startsWith("GAVEL_") || name.startsWith("SPRING_")
					|| name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_") || name.startsWith("LOGGING_")
					|| name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
		environment.putAll(this.env);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Waits until {@code /actuator/health/readiness} says UP; fails with the log's end otherwise. */
	public PackagedApp awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"the application exited with " + this.process.exitValue() + " before it was ready:\n" + logTail());
			}
			try {
				HttpResponse<String> response = get("/actuator/health/readiness", null);
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return this;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			sleep(200);
		}
		throw new IllegalStateException("the application was not ready within " + timeout + ":\n" + logTail());
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public Process process() {
		return this.process;
	}

	public Path log() {
		return this.log;
	}

	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Kills the process at once, as {@code kill -9} does: no shutdown hook runs. */
	public void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			waitFor(Duration.ofSeconds(20));
		}
	}

	/** Asks the process to stop (SIGTERM) and waits for it; returns its exit code. */
	public int stop(Duration timeout) {
		if (this.process == null) {
			return -1;
		}
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!waitFor(timeout)) {
				this.process.destroyForcibly();
				waitFor(Duration.ofSeconds(10));
				throw new IllegalStateException("the application did not stop within " + timeout);
			}
		}
		return this.process.exitValue();
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		kill();
	}

	public String logText() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex + ")";
		}
	}

	public String logTail() {
		String text = logText();
		return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
	}

	// ---- HTTP on loopback ----------------------------------------------------------------

	public HttpResponse<String> get(String path, String basicAuth) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (basicAuth != null) {
			request.header("Authorization", basicAuth);
		}
		return send(request.build());
	}

	public HttpResponse<String> postJson(String path, String json, String basicAuth) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (basicAuth != null) {
			request.header("Authorization", basicAuth);
		}
		return send(request.build());
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
