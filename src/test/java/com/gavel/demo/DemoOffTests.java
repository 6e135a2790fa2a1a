package com.gavel.demo;

import org.junit.jupiter.api.Test;

import com.gavel.account.AccountService;
import com.gavel.support.GavelSpringBootTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** With the demo off (GAVEL_DEMO_ENABLED=false, as every other test runs) there is no demo at all. */
@GavelSpringBootTest
class DemoOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void noDemoLotsNoDemoBiddersAndNothingThatWouldBid() {
		assertThat(this.context.getBeanNamesForType(DemoBidders.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DemoRotation.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DemoClerk.class)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from demo_lot", Integer.class)).isZero();
		for (String name : DemoBidders.NAMES) {
			assertThat(this.accounts.findByUsername(name)).as(name).isEmpty();
		}
		assertThat(this.accounts.findByUsername("ada")).isEmpty();
	}

}
