package com.gavel.auction;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.support.Postgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link LedgerTests}, every one of them, on a fresh PostgreSQL database. The application is closed
 * with the class, whose database is dropped.
 */
@DirtiesContext
class LedgerOnPostgresTests extends LedgerTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		postgres.datasource(registry);
	}

}
