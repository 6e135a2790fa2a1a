package com.gavel.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.fail;

/**
 * A fresh PostgreSQL database for one test class, and Gavel applications started on it.
 * <p>
 * The server comes from the environment: {@code GAVEL_TEST_POSTGRES_URL} (a JDBC URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code GAVEL_TEST_POSTGRES_USERNAME} and
 * {@code GAVEL_TEST_POSTGRES_PASSWORD}, for a user that may create databases. Without the URL the
 * class is skipped, except when {@code GAVEL_REQUIRE_POSTGRES=true} (CI), where it fails instead.
 * A URL that is set but cannot be reached fails the class: someone meant it to be there.
 * <p>
 * Register it on a static field ({@code @RegisterExtension static final Postgres postgres = new
 * Postgres();}): before the class it creates a database with a random name through the URL's own
 * database, so no run sees another's rows; after the class it stops every application it started
 * and drops the database. {@link #start} may be called more than once: the applications share the
 * one database, as the nodes of one house do.
 */
public final class Postgres implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	static final String URL = "GAVEL_TEST_POSTGRES_URL";

	static final String USERNAME = "GAVEL_TEST_POSTGRES_USERNAME";

	static final String PASSWORD = "GAVEL_TEST_POSTGRES_PASSWORD";

	static final String REQUIRE = "GAVEL_REQUIRE_POSTGRES";

	/** Nodes may be started from several threads at once, as a house's nodes start together. */
	private final List<GavelNode> nodes = Collections.synchronizedList(new ArrayList<>());

	private String database;

	/** Skips the class as a whole (reported as skipped) when no PostgreSQL was named and none is required. */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isBlank(System.getenv(URL)) && !"true".equalsIgnoreCase(System.getenv(REQUIRE))) {
			return ConditionEvaluationResult.disabled(URL + " is not set: PostgreSQL tests skipped");
		}
		return ConditionEvaluationResult.enabled("PostgreSQL at " + System.getenv(URL));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		create();
	}

	/**
	 * Creates the class's database, once: before the class, or earlier when a test instance that
	 * lives for the whole class asks for it while it is being built.
	 */
	private synchronized String create() {
		if (this.database == null) {
			requirePostgres();
			String name = "gavel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			admin("create database " + name);
			this.database = name;
		}
		return this.database;
	}

	/**
	 * A database for a test that needs one only in some of its methods, outside JUnit's class
	 * lifecycle: created now (or the caller skipped, or failed in CI, as {@link #requirePostgres}
	 * does); {@link #drop} stops the applications started on it and drops it.
	 */
	public static Postgres freshDatabase() {
		Postgres postgres = new Postgres();
		postgres.create();
		return postgres;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		drop();
	}

	/** Stops every application started on the database, then drops it. */
	public void drop() {
		try {
			for (int i = this.nodes.size() - 1; i >= 0; i--) {
				this.nodes.get(i).close();
			}
		}
		finally {
			this.nodes.clear();
			String database = takeDatabase();
			if (database != null) {
				// FORCE: a connection a failed test left open must not keep the database alive.
				admin("drop database if exists " + database + " with (force)");
			}
		}
	}

	private synchronized String takeDatabase() {
		String database = this.database;
		this.database = null;
		return database;
	}

	/** Skips (locally) or fails (CI) the caller when no PostgreSQL was named. */
	public static void requirePostgres() {
		if (!isBlank(System.getenv(URL))) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
			fail(REQUIRE + "=true but " + URL + " is not set (and " + USERNAME + ", " + PASSWORD
					+ "): no PostgreSQL to test on");
		}
		Assumptions.abort(URL + " is not set: PostgreSQL tests skipped");
	}

	/** The JDBC URL of this class's database. */
	public String url() {
		return withDatabase(System.getenv(URL), create());
	}

	public String username() {
		return envOrEmpty(USERNAME);
	}

	public String password() {
		return envOrEmpty(PASSWORD);
	}

	/** The standard settings that put Gavel on this database, as an operator would set them. */
	public Map<String, String> datasource() {
		return Map.of("spring.datasource.url", url(), "spring.datasource.username", username(),
				"spring.datasource.password", password());
	}

	/**
	 * Puts a Spring test's application on this database: call it from the test class's
	 * {@code @DynamicPropertySource} method, which outranks the properties of {@code @SpringBootTest}.
	 * So an existing suite runs on PostgreSQL by a subclass of a few lines.
	 */
	public void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", this::url);
		registry.add("spring.datasource.username", this::username);
		registry.add("spring.datasource.password", this::password);
	}

	/**
	 * Starts a Gavel application on this database with {@code settings} on top; it is stopped
	 * after the class (or earlier by closing it).
	 */
	public GavelNode start(Map<String, String> settings, Class<?>... sources) {
		Map<String, String> all = new LinkedHashMap<>(datasource());
		all.putAll(settings);
		GavelNode node = GavelNode.start(all, sources);
		this.nodes.add(node);
		return node;
	}

	/** The URL with its database name replaced: {@code jdbc:postgresql://host:port/name?params}. */
	static String withDatabase(String url, String name) {
		String prefix = "jdbc:postgresql://";
		if (!url.startsWith(prefix)) {
			throw new IllegalArgumentException(URL + " must start with " + prefix + ": " + url);
		}
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String params = query < 0 ? "" : url.substring(query);
		int slash = base.indexOf('/', prefix.length());
		String hosts = slash < 0 ? base : base.substring(0, slash);
		return hosts + "/" + name + params;
	}

	/** Runs one statement through the URL's own database (CREATE DATABASE refuses a transaction). */
	private static void admin(String sql) {
		String url = System.getenv(URL);
		try (Connection connection = DriverManager.getConnection(url, envOrEmpty(USERNAME), envOrEmpty(PASSWORD));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + url + " (user '" + envOrEmpty(USERNAME) + "') refused '"
					+ sql + "': " + ex.getMessage(), ex);
		}
	}

	private static String envOrEmpty(String name) {
		String value = System.getenv(name);
		return value == null ? "" : value;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
