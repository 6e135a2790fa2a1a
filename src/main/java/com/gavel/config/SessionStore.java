package com.gavel.config;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions are kept in the database by Spring Session JDBC (application.properties,
 * "Sessions"; tables from the V12 migration). On PostgreSQL, a session attribute that two
 * concurrent requests of one session both add is written with Spring Session's upsert for
 * PostgreSQL, so the second request does not fail on the attribute's primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

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
