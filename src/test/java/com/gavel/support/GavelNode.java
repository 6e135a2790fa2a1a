package com.gavel.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.gavel.GavelApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One whole Gavel application in the test JVM, on a real embedded server on a random port, for
 * tests that need more than Spring's test context gives: an application on a database of their
 * own, or several applications at once. The settings are passed as command-line arguments, so
 * they win over {@code application.properties} and over the environment (a
 * {@code SPRING_DATASOURCE_URL} in the shell cannot move a test's data elsewhere).
 */
public final class GavelNode implements AutoCloseable {

	private static final ReentrantLock LOGGING_SET_UP = new ReentrantLock();

	private final ConfigurableApplicationContext context;

	private final int port;

	private GavelNode(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts an application with {@code settings} (property names as in
	 * {@code application.properties}) and, besides Gavel itself, {@code sources} such as
	 * {@link GavelTestConfiguration}; returns once it is ready.
	 */
	public static GavelNode start(Map<String, String> settings, Class<?>... sources) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("spring.main.banner-mode", "off");
		all.putAll(settings);
		List<String> args = new ArrayList<>();
		all.forEach((name, value) -> args.add("--" + name + "=" + value));
		List<Class<?>> everything = new ArrayList<>();
		everything.add(GavelApplication.class);
		everything.addAll(List.of(sources));
		// Logging is one per JVM: applications that set it up at the same moment trip over each other
		// ("Unable to find Spring Environment in logger context"). So starts take turns until
		// logging is set up, then run on together, as the nodes of a house start.
		LOGGING_SET_UP.lock();
		try {
			return new GavelNode(new SpringApplicationBuilder(everything.toArray(Class<?>[]::new))
				.listeners((ApplicationListener<ApplicationPreparedEvent>) (prepared) -> releaseLogging())
				.run(args.toArray(String[]::new)));
		}
		finally {
			releaseLogging();
		}
	}

	private static void releaseLogging() {
		if (LOGGING_SET_UP.isHeldByCurrentThread()) {
			LOGGING_SET_UP.unlock();
		}
	}

	public int port() {
		return this.port;
	}

	/** {@code http://localhost:port}, to put a path after. */
	public String url() {
		return "http://localhost:" + this.port;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** Stops the application as a SIGTERM would: sockets get 1001, the pool closes. */
	@Override
	public void close() {
		this.context.close();
	}

}
