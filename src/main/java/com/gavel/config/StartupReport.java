package com.gavel.config;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, when the application is ready, where it listens, where its data lives, how to sign
 * in as admin and whether it sends e-mail. The figures are both in the message (for people) and
 * key-value pairs (for structured log formats such as {@code logging.structured.format.console=ecs}).
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Environment env = event.getApplicationContext().getEnvironment();
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null) ? web.getWebServer().getPort() : env.getProperty("server.port",
						Integer.class, 8080);
		String address = env.getProperty("server.address", "0.0.0.0");
		String host = "0.0.0.0".equals(address) || "::".equals(address) ? "localhost" : address;
		String url = "http://" + host + ":" + port;
		String dataDir = Path.of(env.getProperty("gavel.data-dir", "./data")).toAbsolutePath().normalize().toString();
		String database = withoutParameters(env.getProperty("spring.datasource.url", ""));
		// Only H2's file database lives in the data folder; elsewhere (PostgreSQL) the URL says where.
		String data = database.startsWith("jdbc:h2:file:") ? dataDir + " (" + database + ")" : database;
		String admin = env.getProperty("gavel.admin.username", "admin");
		String password = env.getProperty("gavel.admin.password", "");
		String adminPassword = password.isBlank()
				? "generated when the admin was created, printed once in that start's log; set GAVEL_ADMIN_PASSWORD before the first start to choose it"
				: "the GAVEL_ADMIN_PASSWORD set when the admin was created";
		String mailHost = env.getProperty("spring.mail.host", "");
		String mail = mailHost.isBlank() ? "off (no SMTP server: set spring.mail.host to send bidders e-mail)"
				: "sent through " + mailHost + ":" + env.getProperty("spring.mail.port", "25");
		log.atInfo()
			.addKeyValue("gavel.listen", address + ":" + port)
			.addKeyValue("gavel.url", url)
			.addKeyValue("gavel.data_dir", dataDir)
			.addKeyValue("gavel.database", database)
			.addKeyValue("gavel.admin", admin)
			.addKeyValue("gavel.mail", mailHost.isBlank() ? "off" : mailHost)
			.log("Gavel is ready: listening on {}:{} ({}, live socket {}/ws, health {}/actuator/health); "
					+ "data in {}; sign in at {}/login as admin '{}' (password: {}); mail {}", address, port, url,
					url.replace("http", "ws"), url, data, url, admin, adminPassword, mail);
	}

	/** A JDBC URL without its {@code ?parameters}, which may carry a password. */
	private static String withoutParameters(String jdbcUrl) {
		int query = jdbcUrl.indexOf('?');
		return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
	}

}
