package com.gavel.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** What the integration tests add to the application: a clock they control and an event recorder. */
@TestConfiguration(proxyBeanMethods = false)
public class GavelTestConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(MutableClock.START);
	}

	@Bean
	EventRecorder eventRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		return new EventRecorder(jdbc, transactionManager);
	}

}
