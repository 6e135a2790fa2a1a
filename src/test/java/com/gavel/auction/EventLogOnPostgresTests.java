package com.gavel.auction;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.support.Postgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EventLogTests} on a fresh PostgreSQL database, whose dialect reads the log too. */
@DirtiesContext
class EventLogOnPostgresTests extends EventLogTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		postgres.datasource(registry);
	}

}
