package com.gavel.ship;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Dockerfile honest where no Docker engine runs: what it copies exists after
 * {@code ./mvnw package}, its port, paths and environment match the application's settings, its
 * build step's layer extraction works on the packaged jar, and the application started exactly as
 * the image's ENTRYPOINT starts it (the image's environment, an empty data folder for the volume,
 * its working folder holding the extracted layers) becomes ready, passes the image's HEALTHCHECK,
 * serves the demo house, tells how to sign in as admin, and shuts down gracefully on SIGTERM.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DockerfileIT {

	@TempDir
	Path temp;

	private PackagedApp app;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.kill();
		}
	}

	/** One instruction of the Dockerfile, continuation lines joined. */
	record Instruction(String stage, String keyword, String args) {
	}

	@Test
	void theImageIsBuiltFromWhatThePackageMakesAndStartsAsTheApplicationExpects() throws Exception {
		Path basedir = PackagedApp.basedir();
		List<Instruction> dockerfile = parse(basedir.resolve("Dockerfile"));
		List<String> ignored = Files.readAllLines(basedir.resolve(".dockerignore"))
			.stream()
			.map(String::trim)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();

		// Build stage: every source it copies from the context exists and is not ignored.
		for (Instruction copy : only(dockerfile, "COPY")) {
			if (copy.args().startsWith("--from=")) {
				continue;
			}
			List<String> parts = words(copy.args());
			for (String source : parts.subList(0, parts.size() - 1)) {
				if (source.startsWith("--")) {
					continue;
				}
				Path path = basedir.resolve(source);
				assertThat(path).as("COPY source " + source).exists();
				String relative = source.replaceAll("/+$", "");
				for (String pattern : ignored) {
					String p = pattern.replaceAll("/+$", "");
					assertThat(relative.equals(p) || relative.startsWith(p + "/"))
						.as(".dockerignore hides COPY source " + source + " (" + pattern + ")")
						.isFalse();
				}
			}
		}

		// The build step's jar glob matches exactly the jar `./mvnw package` made; its extraction works.
		Instruction build = only(dockerfile, "RUN").stream()
			.filter((run) -> run.args().contains("jarmode=tools"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no RUN that extracts the jar's layers"));
		Matcher cp = Pattern.compile("cp (target/\\S+\\.jar) (\\S+)").matcher(build.args());
		assertThat(cp.find()).as("the build copies the packaged jar").isTrue();
		PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + cp.group(1));
		List<Path> jars;
		try (Stream<Path> files = Files.list(basedir.resolve("target"))) {
			jars = files.filter((f) -> glob.matches(basedir.relativize(f))).toList();
		}
		assertThat(jars).as("target/ jars matching " + cp.group(1)).containsExactly(PackagedApp.jar());
		Path workspace = Files.createDirectories(this.temp.resolve("workspace"));
		Files.copy(jars.get(0), workspace.resolve(cp.group(2)));
		Matcher extract = Pattern.compile("java (-Djarmode=tools .*)$").matcher(build.args());
		assertThat(extract.find()).isTrue();
		List<String> extractCommand = new ArrayList<>(List.of(PackagedApp.java()));
		extractCommand.addAll(words(extract.group(1)));
		Process extraction = new ProcessBuilder(extractCommand).directory(workspace.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("extract.log").toFile())
			.start();
		assertThat(extraction.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(extraction.exitValue()).as(Files.readString(this.temp.resolve("extract.log"))).isZero();

		// Run stage: lay out WORKDIR as the COPY --from=build lines do.
		String workdir = only(dockerfile, "WORKDIR").get(only(dockerfile, "WORKDIR").size() - 1).args();
		Path app = Files.createDirectories(this.temp.resolve("image" + workdir));
		int layers = 0;
		for (Instruction copy : only(dockerfile, "COPY")) {
			if (!copy.args().startsWith("--from=build")) {
				continue;
			}
			List<String> parts = words(copy.args());
			String source = parts.get(1);
			assertThat(source).startsWith("/workspace/");
			Path from = workspace.resolve(source.substring("/workspace/".length()));
			assertThat(from).as("layer " + source).isDirectory();
			assertThat(parts.get(2)).isEqualTo("./");
			copyTree(from, app);
			layers++;
		}
		assertThat(layers).as("the four Spring Boot layers").isEqualTo(4);
		assertThat(app.resolve("org/springframework/boot/loader/launch/JarLauncher.class")).exists();
		assertThat(app.resolve("BOOT-INF/classes/application.properties")).exists();
		// The image runs on PostgreSQL by settings alone: the driver and Flyway's support are in it.
		try (Stream<Path> libs = Files.list(app.resolve("BOOT-INF/lib"))) {
			assertThat(libs.map((lib) -> lib.getFileName().toString()).toList())
				.anyMatch((name) -> name.startsWith("postgresql-"))
				.anyMatch((name) -> name.startsWith("flyway-database-postgresql-"));
		}

		// Port, paths, user and environment agree with the application's settings.
		Map<String, String> env = env(dockerfile);
		Properties settings = new Properties();
		try (var in = Files.newInputStream(basedir.resolve("src/main/resources/application.properties"))) {
			settings.load(in);
		}
		assertThat(settings.getProperty("spring.datasource.url")).contains("${gavel.data-dir}");
		assertThat(settings.getProperty("server.port", "8080")).isEqualTo("8080");
		assertThat(only(dockerfile, "VOLUME")).extracting(Instruction::args).containsExactly(env.get("GAVEL_DATA_DIR"));
		assertThat(only(dockerfile, "EXPOSE")).extracting(Instruction::args).containsExactly(env.get("SERVER_PORT"));
		assertThat(env.get("SERVER_PORT")).isEqualTo("8080");
		String user = only(dockerfile, "USER").get(0).args();
		assertThat(user).isNotIn("root", "0", "0:0");
		Instruction from = only(dockerfile, "FROM").get(only(dockerfile, "FROM").size() - 1);
		assertThat(from.args()).isEqualTo("eclipse-temurin:25-jre");
		assertThat(env.get("JDK_JAVA_OPTIONS")).contains("MaxRAMPercentage");

		// Start it as the ENTRYPOINT does: the image's environment, the volume an empty folder, a free port.
		List<String> entrypoint = execForm(only(dockerfile, "ENTRYPOINT").get(0).args());
		assertThat(entrypoint.get(0)).isEqualTo("java");
		List<String> command = new ArrayList<>(entrypoint);
		command.set(0, PackagedApp.java());
		Path volume = Files.createDirectories(this.temp.resolve("volume"));
		int port = PackagedApp.freePort();
		Map<String, String> runEnv = new LinkedHashMap<>(env);
		runEnv.put("GAVEL_DATA_DIR", volume.toString()); // docker run -v gavel-data:/data
		runEnv.put("SERVER_PORT", Integer.toString(port)); // docker run -p PORT:8080
		this.app = PackagedApp.command(command, app, runEnv, this.temp.resolve("app.log"), port)
			.start()
			.awaitReady(Duration.ofSeconds(180));

		// The image's HEALTHCHECK passes now, and fails where nothing listens.
		List<String> healthcheck = execForm(only(dockerfile, "HEALTHCHECK").get(0).args().replaceFirst("^.*CMD\\s+", ""));
		assertThat(healthcheck).containsExactly("gavel-healthcheck");
		Path script = basedir.resolve("docker/healthcheck.sh");
		assertThat(runHealthcheck(script, port)).as("healthcheck on the running app").isZero();
		assertThat(runHealthcheck(script, PackagedApp.freePort())).as("healthcheck where nothing listens").isNotZero();

		// It serves the demo house, its probes and its build info.
		HttpResponse<String> lots = this.app.get("/api/lots", null);
		assertThat(lots.statusCode()).isEqualTo(200);
		assertThat(json(lots.body()).size()).as("demo lots").isPositive();
		assertThat(json(this.app.get("/actuator/health/liveness", null).body()).path("status").asString())
			.isEqualTo("UP");
		assertThat(json(this.app.get("/actuator/info", null).body()).path("build").path("artifact").asString())
			.isEqualTo("gavel");
		assertThat(Files.list(volume).map((p) -> p.getFileName().toString())).as("the database is on the volume")
			.anyMatch((name) -> name.startsWith("gavel") && name.endsWith(".db"));

		// The startup log says where it listens, where data lives and how to sign in as admin...
		String log = this.app.logText();
		assertThat(log).contains("Gavel is ready: listening on 0.0.0.0:" + port)
			.contains("data in " + volume.toAbsolutePath().normalize())
			.contains("sign in at http://localhost:" + port + "/login as admin 'admin'");
		Matcher password = Pattern.compile("as 'admin' with password: (\\S+)").matcher(log);
		assertThat(password.find()).as("the generated admin password is printed once").isTrue();
		// ...and that sign-in works: the admin reads the Prometheus metrics.
		HttpResponse<String> metrics = this.app.get("/actuator/prometheus",
				PackagedApp.basic("admin", password.group(1)));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("gavel_live_sessions");

		// docker stop sends SIGTERM: sockets are told 1001 (reconnect) and the JVM ends gracefully.
		try (SocketClient socket = SocketClient.connect(port, null, null)) {
			socket.await("hello", (n) -> true, Duration.ofSeconds(10));
			this.app.process().destroy();
			assertThat(socket.closeCode(Duration.ofSeconds(30))).isEqualTo(1001);
		}
		assertThat(this.app.process().waitFor(40, TimeUnit.SECONDS)).as("stopped within docker stop -t 40").isTrue();
		assertThat(this.app.logText()).contains("Graceful shutdown complete");
	}

	private int runHealthcheck(Path script, int port) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("healthcheck.log").toFile());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		Process process = builder.start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the healthcheck ends").isTrue();
		return process.exitValue();
	}

	// ---- reading the Dockerfile ----------------------------------------------------------

	static List<Instruction> parse(Path dockerfile) throws IOException {
		List<Instruction> instructions = new ArrayList<>();
		String stage = "";
		StringBuilder current = new StringBuilder();
		for (String raw : Files.readAllLines(dockerfile)) {
			String line = raw.strip();
			if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
				continue;
			}
			if (line.startsWith("#")) {
				continue;
			}
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			current.append(line);
			String text = current.toString().strip().replaceAll("\\s+", " ");
			current.setLength(0);
			int space = text.indexOf(' ');
			String keyword = text.substring(0, space).toUpperCase();
			String args = text.substring(space + 1).strip();
			if (keyword.equals("FROM")) {
				Matcher as = Pattern.compile("(?i)^(\\S+)(?: AS (\\S+))?$").matcher(args);
				assertThat(as.matches()).isTrue();
				stage = as.group(2) == null ? "" : as.group(2);
				args = as.group(1);
			}
			instructions.add(new Instruction(stage, keyword, args));
		}
		return instructions;
	}

	/** The instructions of the final (run) stage with this keyword; COPY and RUN of every stage. */
	static List<Instruction> only(List<Instruction> dockerfile, String keyword) {
		return dockerfile.stream().filter((i) -> i.keyword().equals(keyword)).toList();
	}

	/** ENV of the run stage (the last FROM onwards), quotes removed. */
	static Map<String, String> env(List<Instruction> dockerfile) {
		int lastFrom = 0;
		for (int i = 0; i < dockerfile.size(); i++) {
			if (dockerfile.get(i).keyword().equals("FROM")) {
				lastFrom = i;
			}
		}
		Map<String, String> env = new LinkedHashMap<>();
		Pattern pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
		for (Instruction i : dockerfile.subList(lastFrom, dockerfile.size())) {
			if (i.keyword().equals("ENV")) {
				Matcher m = pair.matcher(i.args());
				while (m.find()) {
					env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
				}
			}
		}
		return env;
	}

	static List<String> execForm(String json) {
		JsonNode array = json(json);
		assertThat(array.isArray()).as("exec form: " + json).isTrue();
		List<String> words = new ArrayList<>();
		array.forEach((n) -> words.add(n.asString()));
		return words;
	}

	private static List<String> words(String text) {
		return List.of(text.strip().split("\\s+"));
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static JsonNode json(String text) {
		return SocketClient.JSON.readTree(text);
	}

}
