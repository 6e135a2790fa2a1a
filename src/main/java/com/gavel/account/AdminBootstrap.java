package com.gavel.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.config.SharedDatabase;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
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

	private final PasswordPolicy passwords;

	private final MessageSource messages;

	private final SharedDatabase database;

	AdminBootstrap(AccountService accounts, AdminProperties properties, PasswordPolicy passwords,
			MessageSource messages, SharedDatabase database) {
		this.database = database;
		this.accounts = accounts;
		this.properties = properties;
		this.passwords = passwords;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Nodes starting together on one database: the first creates the admin, the others find it.
		this.database.once("first admin", this::ensureAdmin);
	}

	private void ensureAdmin() {
		if (this.accounts.hasAdmin()) {
			return;
		}
		boolean generated = this.properties.password() == null || this.properties.password().isBlank();
		String password = generated ? randomPassword() : this.properties.password();
		// A weak admin password on a fresh house is refused outright rather than warned about: the
		// warning scrolls past, the admin account stays open to the first guesses.
		this.passwords.check(password).ifPresent((problem) -> {
			throw new IllegalStateException("Refusing to create the first admin '" + this.properties.username()
					+ "' with GAVEL_ADMIN_PASSWORD: " + this.messages.getMessage(problem.messageCode(),
							problem.messageArguments(), Locale.ENGLISH)
					+ " Choose another, or leave it unset to have a random one generated.");
		});
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
