package com.gavel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.gavel.ship.PackagedApp;

/**
 * How Gavel runs for one part of the benchmark: one node on its embedded H2 file ({@code h2}), or
 * {@code N} nodes sharing one PostgreSQL database ({@code pg} for one node, {@code pg2} for two).
 * Each PostgreSQL deployment gets a database of its own, created on the server that
 * {@code bench/run.sh} started (or the one {@code GAVEL_TEST_POSTGRES_URL} names).
 */
record Deployment(String name, boolean postgres, int nodes) {

	static Deployment parse(String text) {
		if (text.equals("h2")) {
			return new Deployment(text, false, 1);
		}
		if (text.matches("pg[1-9]?")) {
			return new Deployment(text, true, text.length() == 2 ? 1 : text.charAt(2) - '0');
		}
		throw new IllegalArgumentException("unknown deployment " + text + ": h2, pg (one node) or pgN (N nodes)");
	}

	/** The name rows carry: the single H2 node stays "gavel", which the baseline ratios compare. */
	String serverName() {
		return this.postgres ? "gavel-" + this.name : "gavel";
	}

	String describe() {
		return this.postgres ? this.nodes + (this.nodes == 1 ? " node" : " nodes") + " on PostgreSQL"
				: "1 node on H2";
	}

	/** Starts the nodes one after another (the first runs the migrations), each ready before the next. */
	List<PackagedApp> start(Map<String, String> env, Path out, String heap) throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(env);
		if (this.postgres) {
			settings.putAll(database());
		}
		List<PackagedApp> started = new ArrayList<>();
		for (int i = 0; i < this.nodes; i++) {
			Path data = Files.createTempDirectory("gavel-bench-" + this.name + "-");
			String node = nodeName(i);
			Path gcLog = gcLog(out, i);
			Files.deleteIfExists(gcLog);
			int port = PackagedApp.freePort();
			Bench.log("starting %s (packaged jar, -Xmx%s) on port %d, data in %s", node, heap, port, data);
			started.add(PackagedApp
				.gavel(data, port, out.resolve(node + ".log"), settings,
						List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog + ":time"))
				.start()
				.awaitReady(Duration.ofMinutes(3)));
		}
		return started;
	}

	String nodeName(int index) {
		return serverName() + (this.nodes > 1 ? "-" + (index + 1) : "");
	}

	Path gcLog(Path out, int index) {
		return out.resolve(nodeName(index) + "-gc.log");
	}

	/** A fresh database for this deployment, so no run sees another's lots. */
	private Map<String, String> database() throws SQLException {
		String url = System.getenv("GAVEL_TEST_POSTGRES_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("the " + this.name + " deployment needs PostgreSQL: bench/run.sh starts "
					+ "one when a pg deployment is asked for, or set GAVEL_TEST_POSTGRES_URL");
		}
		String user = System.getenv().getOrDefault("GAVEL_TEST_POSTGRES_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("GAVEL_TEST_POSTGRES_PASSWORD", "");
		String database = "gavel_bench_" + this.name + "_" + System.currentTimeMillis();
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("create database " + database);
		}
		String base = url.substring(0, url.lastIndexOf('/') + 1);
		return Map.of("SPRING_DATASOURCE_URL", base + database, "SPRING_DATASOURCE_USERNAME", user,
				"SPRING_DATASOURCE_PASSWORD", password);
	}

}
