package com.gavel.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure the house has an admin: from configuration, or with a random password told once. */
@Component
@EnableConfigurationProperties(AdminProperties.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountService accounts;

	private final AdminProperties properties;

	AdminBootstrap(AccountService accounts, AdminProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.hasAdmin()) {
			return;
		}
		boolean generated = this.properties.password() == null || this.properties.password().isBlank();
		String password = generated ? randomPassword() : this.properties.password();
		this.accounts.register(this.properties.username(), this.properties.email(), password, Role.ADMIN);
		if (generated) {
			log.warn("""

					    Created the first admin. Sign in at /login as '{}' with password: {}
					    This password is shown only this once; set GAVEL_ADMIN_PASSWORD to choose your own.
					""", this.properties.username(), password);
		}
		else {
			log.info("Created the first admin '{}' with the configured password", this.properties.username());
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
