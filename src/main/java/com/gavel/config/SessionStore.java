package com.gavel.config;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions are kept in the database by Spring Session JDBC (application.properties,
 * "Sessions"; tables from the V12 migration). Two things it does not do as a servlet container's
 * own sessions do, made up for here:
 * <ul>
 * <li>Signing out ends the sockets opened with that session (1008), on every node: Tomcat hears
 * of the end of a session only from its own sessions, so signing out says so with
 * {@link SessionSignedOut}, which {@link SignedOutSockets} hears here and the cluster relay
 * carries to the other nodes.</li>
 * <li>On PostgreSQL, a session attribute that two concurrent requests of one session both add is
 * written with Spring Session's upsert for PostgreSQL, so the second request does not fail on the
 * attribute's primary key.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	Customizer<HttpSecurity> closeSocketsOnSignOut(ApplicationEventPublisher events) {
		LogoutHandler closeSockets = (request, response, authentication) -> {
			HttpSession session = request.getSession(false);
			if (session != null) {
				events.publishEvent(new SessionSignedOut(session.getId()));
			}
		};
		return (http) -> http.logout((logout) -> logout.addLogoutHandler(closeSockets));
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionAttributes(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		return (repository) -> {
			if ("PostgreSQL".equals(product)) {
				upsert.customize(repository);
			}
		};
	}

}
