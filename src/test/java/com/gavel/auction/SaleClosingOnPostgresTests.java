package com.gavel.auction;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.support.Postgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SaleClosingTests}, every one of them, on a fresh PostgreSQL database: staggered closing,
 * group soft close (with its advisory locks) and the sweep of an unfinished move.
 */
@DirtiesContext
class SaleClosingOnPostgresTests extends SaleClosingTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		postgres.datasource(registry);
	}

}
