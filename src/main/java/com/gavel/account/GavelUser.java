package com.gavel.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal: carries the user id so features need no lookup by name. Its role and
 * ban are the account's as of the current request ({@link CurrentAccountContextRepository}).
 */
public record GavelUser(long id, String username, String passwordHash, Role role, boolean banned)
		implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	/** The same user with the account's current role and ban. */
	GavelUser withStanding(Role role, boolean banned) {
		return new GavelUser(this.id, this.username, this.passwordHash, role, banned);
	}

	/**
	 * Signed-in users are serialized into the HTTP session, which is stored in the database: the
	 * password hash stays out of it (it was needed only to check the password at sign-in).
	 */
	@Serial
	private Object writeReplace() {
		return (this.passwordHash != null) ? new GavelUser(this.id, this.username, null, this.role, this.banned) : this;
	}

	@Override
	public String toString() {
		return "GavelUser[" + this.username + "]";
	}

}
