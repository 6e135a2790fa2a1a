package com.gavel.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created on a database without one.
 *
 * @param password when empty, a random one is generated and printed once at startup (set
 * {@code GAVEL_ADMIN_PASSWORD} to choose it)
 */
@ConfigurationProperties("gavel.admin")
public record AdminProperties(@DefaultValue("admin") String username, @DefaultValue("admin@gavel.local") String email,
		String password) {
}
