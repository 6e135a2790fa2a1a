package com.gavel.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How {@link Postgres} points a test class at its own database on the server it was given. */
class PostgresTests {

	@Test
	void theDatabaseNameIsReplacedAndTheRestOfTheUrlKept() {
		assertThat(Postgres.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "gavel_test_1"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/gavel_test_1");
		assertThat(Postgres.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=disable&ApplicationName=ci",
				"gavel_test_1"))
			.isEqualTo("jdbc:postgresql://db:5432/gavel_test_1?sslmode=disable&ApplicationName=ci");
		assertThat(Postgres.withDatabase("jdbc:postgresql://a:5432,b:5433/main?targetServerType=primary", "t"))
			.isEqualTo("jdbc:postgresql://a:5432,b:5433/t?targetServerType=primary");
	}

	@Test
	void aUrlWithoutADatabaseGetsOne() {
		assertThat(Postgres.withDatabase("jdbc:postgresql://127.0.0.1:5432", "t"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/t");
		assertThat(Postgres.withDatabase("jdbc:postgresql://127.0.0.1:5432/", "t"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/t");
	}

	@Test
	void aUrlForAnotherDatabaseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Postgres.withDatabase("jdbc:h2:mem:x", "t"))
			.withMessageContaining("GAVEL_TEST_POSTGRES_URL must start with jdbc:postgresql://");
	}

}
