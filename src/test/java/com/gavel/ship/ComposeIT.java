package com.gavel.ship;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import com.gavel.support.FormSignIn;
import com.gavel.support.Postgres;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the cluster example honest where no Docker engine runs: {@code deploy/compose.yaml}
 * describes one house (PostgreSQL, three nodes built from this repository's Dockerfile with the
 * same settings, nginx in front, each started once what it needs is healthy), and its
 * {@code deploy/nginx.conf}, run by the real nginx in front of three packaged nodes started with
 * the compose file's settings on a PostgreSQL database, serves pages, signs a bidder in and
 * carries live sockets to different nodes that see each other's bids.
 * <p>
 * The second test needs PostgreSQL (see {@link Postgres}) and Debian's {@code nginx}; without
 * nginx it is skipped, unless {@code GAVEL_REQUIRE_NGINX=true} (CI), where it fails.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ComposeIT {

	static final String REQUIRE_NGINX = "GAVEL_REQUIRE_NGINX";

	private static final List<String> NODES = List.of("gavel-1", "gavel-2", "gavel-3");

	private static final String ADMIN_PASSWORD = "compose-test-admin-pw";

	/** The demo house's bidders (docs/operations.md). */
	private static final String DEMO_PASSWORD = "demo-bidder";

	@TempDir
	Path temp;

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		for (int i = this.open.size() - 1; i >= 0; i--) {
			this.open.get(i).close();
		}
	}

	@Test
	void theComposeFileMakesOneHouseOfThreeNodesBehindNginx() throws Exception {
		Path basedir = PackagedApp.basedir();
		Map<String, Object> services = map(compose().get("services"));
		assertThat(services.keySet()).containsExactlyInAnyOrder("postgres", "gavel-1", "gavel-2", "gavel-3", "nginx");
		List<DockerfileIT.Instruction> dockerfile = DockerfileIT.parse(basedir.resolve("Dockerfile"));

		// The nodes: built from this repository's Dockerfile, alike in every setting, reachable only through nginx.
		Map<String, Object> first = map(services.get(NODES.get(0)));
		for (String name : NODES) {
			Map<String, Object> node = map(services.get(name));
			Object build = node.get("build");
			String context = (build instanceof String text) ? text : (String) map(build).get("context");
			assertThat(composeDir().resolve(context).normalize()).as(name + " build context").isEqualTo(basedir);
			if (build instanceof Map<?, ?> options && options.containsKey("dockerfile")) {
				assertThat(options.get("dockerfile")).isEqualTo("Dockerfile");
			}
			assertThat(node.get("image")).as(name + " image").isEqualTo(first.get("image"));
			assertThat(environment(node)).as(name + " settings").isEqualTo(environment(first));
			assertThat(node).as(name + " is reached through nginx only").doesNotContainKey("ports");
			assertThat(condition(node, "postgres")).as(name + " waits for the database").isEqualTo("service_healthy");
			// The image's probe, as the Dockerfile installs it.
			assertThat(list(map(node.get("healthcheck")).get("test"))).containsExactly("CMD", "gavel-healthcheck");
			assertThat(DockerfileIT.only(dockerfile, "COPY")).extracting(DockerfileIT.Instruction::args)
				.anyMatch((args) -> args.endsWith(" /usr/local/bin/gavel-healthcheck"));
			// docs/operations.md: give a node at least 30 s to stop.
			assertThat(DurationStyle.detectAndParse(String.valueOf(node.get("stop_grace_period"))))
				.isGreaterThanOrEqualTo(Duration.ofSeconds(30));
		}

		// Their database is the postgres service's, with its user and the same password variable.
		Map<String, String> env = environment(first);
		Map<String, Object> postgres = map(services.get("postgres"));
		Map<String, String> postgresEnv = environment(postgres);
		Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(env.get("SPRING_DATASOURCE_URL"));
		assertThat(url.matches()).as(env.get("SPRING_DATASOURCE_URL")).isTrue();
		assertThat(url.group(1)).isEqualTo("postgres");
		assertThat(url.group(2)).isEqualTo("5432");
		assertThat(url.group(3)).isEqualTo(postgresEnv.get("POSTGRES_DB"));
		assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgresEnv.get("POSTGRES_USER"));
		assertThat(variables(env.get("SPRING_DATASOURCE_PASSWORD"))).containsExactly("GAVEL_DB_PASSWORD");
		assertThat(variables(postgresEnv.get("POSTGRES_PASSWORD"))).containsExactly("GAVEL_DB_PASSWORD");
		assertThat(env).containsEntry("SERVER_FORWARDHEADERSSTRATEGY", "native");
		Matcher version = Pattern.compile("postgres:(\\d+).*").matcher(String.valueOf(postgres.get("image")));
		assertThat(version.matches()).isTrue();
		assertThat(Integer.parseInt(version.group(1))).as("PostgreSQL major version").isGreaterThanOrEqualTo(15);
		List<String> probe = list(map(postgres.get("healthcheck")).get("test"));
		assertThat(probe).contains("pg_isready", "--username=" + postgresEnv.get("POSTGRES_USER"),
				"--dbname=" + postgresEnv.get("POSTGRES_DB"));

		// nginx: started once every node is ready, with the configuration next to the compose file,
		// published on the port it listens on.
		Map<String, Object> nginx = map(services.get("nginx"));
		for (String name : NODES) {
			assertThat(condition(nginx, name)).as("nginx waits for " + name).isEqualTo("service_healthy");
		}
		assertThat(list(nginx.get("volumes"))).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
		NginxConf conf = NginxConf.read(composeDir().resolve("nginx.conf"));
		List<String> ports = list(nginx.get("ports"));
		assertThat(ports).hasSize(1);
		String[] published = ports.get(0).split(":");
		assertThat(published[published.length - 1]).as("the port nginx listens on is published")
			.isEqualTo(Integer.toString(conf.listenPort()));

		// The upstream is the three nodes on the port their image listens on.
		String imagePort = DockerfileIT.env(dockerfile).get("SERVER_PORT");
		assertThat(conf.upstreamServers()).containsExactlyInAnyOrderElementsOf(
				NODES.stream().map((name) -> name + ":" + imagePort).toList());

		// A quiet socket is closed by Gavel's idle timeout, not first by nginx; photo uploads fit.
		assertThat(conf.socketReadTimeout()).as("nginx's read timeout on /ws").isGreaterThan(idleTimeout());
		Properties settings = new Properties();
		try (Reader in = Files.newBufferedReader(basedir.resolve("src/main/resources/application.properties"))) {
			settings.load(in);
		}
		assertThat(conf.clientMaxBodySize().toBytes()).as("nginx's client_max_body_size")
			.isGreaterThanOrEqualTo(DataSize.parse(settings.getProperty("spring.servlet.multipart.max-request-size"))
				.toBytes());
	}

	@Test
	void nginxWithTheExampleConfigurationSpreadsOneHouseOverItsNodes() throws Exception {
		String nginx = requireNginx();
		Postgres database = Postgres.freshDatabase();
		this.open.add(database::drop);
		Map<String, Object> services = map(compose().get("services"));

		// The three nodes, each with its compose settings: the test's database stands in for the
		// postgres service (as -v and -p stand in for DockerfileIT), the port is a free one.
		Map<String, String> variables = Map.of("GAVEL_DB_PASSWORD",
				database.password().isEmpty() ? "unused-with-trust-auth" : database.password(), "GAVEL_ADMIN_PASSWORD",
				ADMIN_PASSWORD);
		Path logs = Files.createDirectories(PackagedApp.basedir().resolve("target/compose-it"));
		Map<String, CompletableFuture<PackagedApp>> starting = new LinkedHashMap<>();
		for (String name : NODES) {
			Map<String, String> env = new LinkedHashMap<>();
			environment(map(services.get(name))).forEach((key, value) -> env.put(key, interpolate(value, variables)));
			env.put("SPRING_DATASOURCE_URL", database.url());
			env.put("SPRING_DATASOURCE_USERNAME", database.username());
			Path data = Files.createDirectories(this.temp.resolve(name));
			Path log = logs.resolve(name + ".log");
			Files.deleteIfExists(log);
			starting.put(name, CompletableFuture.supplyAsync(() -> PackagedApp.startGavel(data, log, env,
					List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Duration.ofSeconds(180))));
		}
		Map<String, PackagedApp> nodes = new LinkedHashMap<>();
		Throwable failed = null;
		for (Map.Entry<String, CompletableFuture<PackagedApp>> node : starting.entrySet()) {
			try {
				nodes.put(node.getKey(), track(node.getValue().get(10, TimeUnit.MINUTES)));
			}
			catch (ExecutionException ex) {
				failed = (failed != null) ? failed : ex.getCause();
			}
		}
		if (failed != null) {
			throw new AssertionError("a node did not start", failed);
		}
		for (PackagedApp node : nodes.values()) {
			// What compose asks before it starts nginx: the image's probe passes on every node.
			assertThat(healthcheck(node.port())).as("gavel-healthcheck on port " + node.port()).isZero();
		}

		// nginx with the example's configuration, the node addresses and its own files rewritten.
		Nginx proxy = Nginx.start(nginx, composeDir().resolve("nginx.conf"),
				Files.createDirectories(logs.resolve("nginx")), nodes);
		this.open.add(proxy);
		String base = "http://127.0.0.1:" + proxy.port();
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		// A page through nginx: the demo house, laid out once for the house.
		HttpResponse<String> home = send(browser, HttpRequest.newBuilder(URI.create(base + "/")).GET());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Silver pocket watch, 1890s");
		JsonNode lots = json(send(browser, HttpRequest.newBuilder(URI.create(base + "/api/lots?status=open")).GET()).body());
		long watch = -1;
		for (JsonNode lot : lots) {
			if (lot.path("title").asString().equals("Silver pocket watch, 1890s")) {
				watch = lot.path("id").asLong();
			}
		}
		assertThat(watch).as("the open demo lot").isPositive();

		// A bidder signs in through nginx with the form; the redirect stays on nginx's address.
		HttpResponse<String> form = send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).GET());
		String token = FormSignIn.csrfToken(form.body());
		assertThat(token).as("the sign-in form's CSRF token").isNotNull();
		HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=ada&password=" + DEMO_PASSWORD + "&_csrf=" + FormSignIn.enc(token))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue(base + "/");
		String session = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(HttpCookie::toString)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie after signing in"));

		// Her socket through nginx, as her browser opens it: her session cookie, the page's origin.
		Map<String, String> asBrowser = Map.of("Origin", base, "Cookie", session);
		SocketClient bidder = track(SocketClient.connect(URI.create("ws://127.0.0.1:" + proxy.port() + "/ws"), asBrowser));
		JsonNode hello = bidder.await("hello", (n) -> true, Duration.ofSeconds(10));
		assertThat(hello.path("user").asString()).isEqualTo("ada");
		assertThat(hello.path("canBid").asBoolean()).isTrue();
		String bidderNode = nodeWithSockets(nodes, 1, null);

		// A watcher's socket through nginx lands on another node: nothing sticks a client to one.
		SocketClient watcher = null;
		String watcherNode = null;
		for (int attempt = 0; attempt < 6 && watcherNode == null; attempt++) {
			SocketClient candidate = track(SocketClient.connect(URI.create("ws://127.0.0.1:" + proxy.port() + "/ws"),
					Map.of("Origin", base)));
			candidate.await("hello", (n) -> true, Duration.ofSeconds(10));
			String landed = nodeWithSockets(nodes, 1, bidderNode);
			if (landed != null) {
				watcher = candidate;
				watcherNode = landed;
			}
			else {
				candidate.close();
				awaitSockets(nodes.get(bidderNode), 1);
			}
		}
		assertThat(watcherNode).as("a second socket on another node than " + bidderNode).isNotNull();

		// She bids through her node; the watcher on the other node sees it.
		long lot = watch;
		for (SocketClient socket : List.of(bidder, watcher)) {
			socket.send("{\"type\":\"subscribe\",\"lots\":[{\"id\":" + lot + "}]}");
		}
		JsonNode snapshot = bidder.await("snapshot", (n) -> n.path("lot").path("id").asLong() == lot,
				Duration.ofSeconds(10));
		long seen = watcher.await("snapshot", (n) -> n.path("lot").path("id").asLong() == lot, Duration.ofSeconds(10))
			.path("lot")
			.path("sequence")
			.asLong();
		String ask = snapshot.path("lot").path("ask").asString();
		bidder.send("{\"type\":\"bid\",\"lot\":" + lot + ",\"requestId\":\"compose-1\",\"amount\":\"" + ask + "\"}");
		JsonNode result = bidder.await("bid-result", (n) -> n.path("requestId").asString().equals("compose-1"),
				Duration.ofSeconds(10));
		assertThat(result.path("accepted").asBoolean()).as(result.toString()).isTrue();
		long sequence = result.path("sequence").asLong();
		JsonNode event = watcher.await("event",
				(n) -> n.path("lotId").asLong() == lot && n.path("seq").asLong() == sequence, Duration.ofSeconds(10));
		assertThat(event.path("kind").asString()).isEqualTo("bid");
		assertThat(event.path("detail").path("bidder").asString()).isEqualTo(result.path("alias").asString());
		assertThat(sequence).isGreaterThan(seen);

		// The Origin check still works behind nginx: a browser that reached nginx through another
		// published port (as compose's "8080:8080" may be changed) gets its socket, a foreign page none.
		assertThat(handshake(proxy.port(), "127.0.0.1:18080", "http://127.0.0.1:18080")).isEqualTo(101);
		assertThat(handshake(proxy.port(), "127.0.0.1:" + proxy.port(), "http://evil.example")).isEqualTo(403);

		// nginx stops on SIGTERM.
		assertThat(proxy.stop()).as("nginx stopped").isTrue();
	}

	// ---- the compose file ------------------------------------------------------------------

	private static Path composeDir() {
		return PackagedApp.basedir().resolve("deploy");
	}

	private static Map<String, Object> compose() throws IOException {
		try (Reader in = Files.newBufferedReader(composeDir().resolve("compose.yaml"))) {
			return map(new Yaml().load(in));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object yaml) {
		assertThat(yaml).isInstanceOf(Map.class);
		return (Map<String, Object>) yaml;
	}

	private static List<String> list(Object yaml) {
		assertThat(yaml).isInstanceOf(List.class);
		return ((List<?>) yaml).stream().map(String::valueOf).toList();
	}

	/** A service's environment, as a map whichever form it was written in. */
	private static Map<String, String> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		Map<String, String> env = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> env.put(String.valueOf(key), String.valueOf(value)));
		}
		else {
			for (String entry : list(environment)) {
				int equals = entry.indexOf('=');
				env.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		return env;
	}

	/** The condition under which a service waits for another. */
	private static String condition(Map<String, Object> service, String dependency) {
		Map<String, Object> dependsOn = map(service.get("depends_on"));
		assertThat(dependsOn).containsKey(dependency);
		return String.valueOf(map(dependsOn.get(dependency)).get("condition"));
	}

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?:(:?[?-])([^}]*))?}");

	private static List<String> variables(String value) {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(value);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/**
	 * Compose's interpolation: {@code ${NAME}}, {@code ${NAME:?message}} (required) and
	 * {@code ${NAME:-default}}; a variable the test does not give is an error, as compose makes it
	 * for a required one.
	 */
	static String interpolate(String value, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String given = variables.get(matcher.group(1));
			String operator = matcher.group(2);
			String replacement;
			if (given != null && !(given.isEmpty() && operator != null && operator.startsWith(":"))) {
				replacement = given;
			}
			else if (operator != null && operator.endsWith("-")) {
				replacement = matcher.group(3);
			}
			else {
				throw new AssertionError("the compose file needs " + matcher.group(1) + ", which the test does not set ("
						+ matcher.group() + ")");
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/** Gavel's idle timeout for a socket that sends nothing: its default, unless the application sets it. */
	private static Duration idleTimeout() throws Exception {
		Class<?> live = Class.forName("com.gavel.live.LiveProperties");
		RecordComponent[] components = live.getRecordComponents();
		Constructor<?> canonical = live
			.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
		Parameter[] parameters = canonical.getParameters();
		for (int i = 0; i < components.length; i++) {
			if (components[i].getName().equals("idleTimeout")) {
				return DurationStyle.detectAndParse(parameters[i].getAnnotation(DefaultValue.class).value()[0]);
			}
		}
		throw new AssertionError("LiveProperties has no idleTimeout");
	}

	// ---- running it ------------------------------------------------------------------------

	/** The nginx binary; skips without one unless {@value #REQUIRE_NGINX}=true. */
	private static String requireNginx() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE_NGINX))) {
			fail(REQUIRE_NGINX + "=true but nginx is not installed (Debian: apt-get install nginx)");
		}
		Assumptions.abort("nginx is not installed: the compose example's nginx.conf is not run");
		return null;
	}

	/**
	 * The node that holds {@code count} open sockets, other than {@code except}; {@code null} if
	 * none does within a few seconds (a socket is counted once its handshake is done, before hello).
	 */
	private static String nodeWithSockets(Map<String, PackagedApp> nodes, int count, String except) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
		do {
			for (Map.Entry<String, PackagedApp> node : nodes.entrySet()) {
				if (!node.getKey().equals(except) && sockets(node.getValue()) == count) {
					return node.getKey();
				}
			}
			PackagedApp.sleep(100);
		}
		while (System.nanoTime() < deadline);
		return null;
	}

	private static void awaitSockets(PackagedApp node, int count) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (sockets(node) != count) {
			assertThat(System.nanoTime()).as("%d sockets on port %d", count, node.port()).isLessThan(deadline);
			PackagedApp.sleep(100);
		}
	}

	/** Open sockets on a node, as its gavel.live.sessions meter counts them. */
	private static int sockets(PackagedApp node) {
		HttpResponse<String> meter = node.get("/actuator/metrics/gavel.live.sessions",
				PackagedApp.basic("admin", ADMIN_PASSWORD));
		assertThat(meter.statusCode()).as(meter.body()).isEqualTo(200);
		return (int) json(meter.body()).path("measurements").get(0).path("value").asDouble();
	}

	/** A WebSocket handshake by hand, with the Host and Origin a browser would send; the status code. */
	private static int handshake(int port, String host, String origin) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Protocol: gavel.v1\r\nOrigin: " + origin + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(status).as("handshake answer").startsWith("HTTP/1.1 ");
			return Integer.parseInt(status.substring(9, 12));
		}
	}

	private int healthcheck(int port) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", PackagedApp.basedir().resolve("docker/healthcheck.sh").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("healthcheck.log").toFile());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		Process process = builder.start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static JsonNode json(String text) {
		return SocketClient.JSON.readTree(text);
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.open.add(closeable);
		return closeable;
	}

	// ---- nginx.conf ----------------------------------------------------------------------

	/** What the test reads from the example's nginx.conf. */
	record NginxConf(String text) {

		static NginxConf read(Path file) throws IOException {
			return new NginxConf(Files.readString(file));
		}

		int listenPort() {
			Matcher listen = one("(?m)^\\s*listen\\s+(\\d+)\\s*;");
			return Integer.parseInt(listen.group(1));
		}

		List<String> upstreamServers() {
			Matcher upstream = one("(?s)upstream\\s+gavel\\s*\\{(.*?)}");
			List<String> servers = new ArrayList<>();
			Matcher server = Pattern.compile("(?m)^\\s*server\\s+(\\S+?)[\\s;]").matcher(upstream.group(1));
			while (server.find()) {
				servers.add(server.group(1));
			}
			return servers;
		}

		Duration socketReadTimeout() {
			Matcher ws = one("(?s)location\\s+=\\s+/ws\\s*\\{(.*?)}");
			Matcher timeout = Pattern.compile("proxy_read_timeout\\s+(\\d+)s\\s*;").matcher(ws.group(1));
			assertThat(timeout.find()).as("proxy_read_timeout in location /ws").isTrue();
			return Duration.ofSeconds(Long.parseLong(timeout.group(1)));
		}

		DataSize clientMaxBodySize() {
			Matcher size = one("client_max_body_size\\s+(\\d+)m\\s*;");
			return DataSize.ofMegabytes(Long.parseLong(size.group(1)));
		}

		private Matcher one(String regex) {
			Matcher matcher = Pattern.compile(regex).matcher(this.text);
			assertThat(matcher.find()).as("nginx.conf has " + regex).isTrue();
			return matcher;
		}

	}

	/**
	 * The example's nginx.conf run by the real nginx: the nodes' addresses, its listening address
	 * and its own files rewritten (each rewrite must apply, so a changed file fails loudly), as a
	 * process of its own under a user that is not root.
	 */
	static final class Nginx implements AutoCloseable {

		private final Process process;

		private final int port;

		private final Path dir;

		private Nginx(Process process, int port, Path dir) {
			this.process = process;
			this.port = port;
			this.dir = dir;
		}

		static Nginx start(String binary, Path example, Path dir, Map<String, PackagedApp> nodes) throws IOException {
			try (Stream<Path> old = Files.walk(dir)) {
				old.sorted((a, b) -> b.getNameCount() - a.getNameCount())
					.filter((path) -> !path.equals(dir))
					.forEach((path) -> path.toFile().delete());
			}
			int port = PackagedApp.freePort();
			String conf = Files.readString(example);
			for (Map.Entry<String, PackagedApp> node : nodes.entrySet()) {
				conf = replaceOnce(conf, "server " + node.getKey() + ":8080", "server 127.0.0.1:" + node.getValue().port());
			}
			conf = replaceOnce(conf, "listen 8080;", "listen 127.0.0.1:" + port + ";");
			conf = replaceOnce(conf, "access_log /dev/stdout;", "access_log " + dir.resolve("access.log") + ";");
			conf = replaceOnce(conf, "error_log /dev/stderr warn;", "error_log " + dir.resolve("error.log") + " warn;");
			// Its own temporary files, not the system's.
			StringBuilder temps = new StringBuilder();
			for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
				temps.append("\n    ").append(kind).append("_temp_path ").append(dir.resolve(kind + "_temp")).append(';');
			}
			conf = replaceOnce(conf, "http {", "http {" + temps);
			Path file = dir.resolve("nginx.conf");
			Files.writeString(file, conf);

			List<String> command = new ArrayList<>();
			if (isRoot()) {
				// nginx never runs as root here: as the unprivileged 'nobody', in a folder it may write.
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
				command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=" + idOf("-g", "nobody"), "--clear-groups"));
			}
			command.addAll(List.of(binary, "-p", dir.toString(), "-c", file.toString(), "-e",
					dir.resolve("error.log").toString(), "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("nginx.out").toFile())
				.start();
			Nginx nginx = new Nginx(process, port, dir);
			nginx.awaitListening();
			return nginx;
		}

		int port() {
			return this.port;
		}

		private void awaitListening() throws IOException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					break;
				}
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
					assertThat(processUid(this.process.pid())).as("nginx's user").isNotZero();
					return;
				}
				catch (IOException ex) {
					PackagedApp.sleep(100);
				}
			}
			throw new AssertionError("nginx did not listen on " + this.port + ": " + Files.readString(this.dir.resolve("nginx.out"))
					+ (Files.exists(this.dir.resolve("error.log")) ? Files.readString(this.dir.resolve("error.log")) : ""));
		}

		/** SIGTERM; whether it ended. */
		boolean stop() throws InterruptedException {
			this.process.destroy();
			return this.process.waitFor(15, TimeUnit.SECONDS);
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive() && !stop()) {
				this.process.destroyForcibly();
			}
		}

		private static String replaceOnce(String text, String target, String replacement) {
			int at = text.indexOf(target);
			assertThat(at).as("nginx.conf has '" + target + "'").isNotNegative();
			assertThat(text.indexOf(target, at + 1)).as("nginx.conf has '" + target + "' once").isNegative();
			return text.replace(target, replacement);
		}

		private static boolean isRoot() throws IOException {
			return processUid(ProcessHandle.current().pid()) == 0;
		}

		/** The real user id of a process, from its status in /proc. */
		private static int processUid(long pid) throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("Uid:")) {
					return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
				}
			}
			throw new IllegalStateException("no Uid line for process " + pid);
		}

		private static String idOf(String option, String user) throws IOException {
			Process id = new ProcessBuilder("id", option, user).redirectErrorStream(true).start();
			return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		}

	}

}
