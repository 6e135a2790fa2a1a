package com.gavel.auction;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.support.Postgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link LiveSaleTests}, every one of them, on a fresh PostgreSQL database: the clerk's calls and
 * the bids they race with under the database's lot locks, and the sale's guard against two lots up.
 */
@DirtiesContext
class LiveSaleOnPostgresTests extends LiveSaleTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		postgres.datasource(registry);
	}

}
