package com.gavel.admin;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.support.Postgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AdminSaleApiTests} on a fresh PostgreSQL database: sales, renumbering (a swap under the
 * unique lot numbers), the photos kept for an import and the all-or-nothing import itself.
 */
@DirtiesContext
class AdminSaleApiOnPostgresTests extends AdminSaleApiTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@DynamicPropertySource
	static void onPostgres(DynamicPropertyRegistry registry) {
		postgres.datasource(registry);
	}

}
