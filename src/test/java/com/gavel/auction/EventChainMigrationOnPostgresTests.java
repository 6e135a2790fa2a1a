package com.gavel.auction;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.support.Postgres;

/** {@link EventChainMigrationTests} on a fresh PostgreSQL database, dropped after the class. */
class EventChainMigrationOnPostgresTests extends EventChainMigrationTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@Override
	String url() {
		return postgres.url();
	}

	@Override
	String username() {
		return postgres.username();
	}

	@Override
	String password() {
		return postgres.password();
	}

}
