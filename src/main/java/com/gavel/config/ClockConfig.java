package com.gavel.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The server's clock decides every time in Gavel; tests replace this bean to control it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
