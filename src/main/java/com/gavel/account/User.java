package com.gavel.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String email;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean banned;

	private Instant createdAt;

	protected User() {
	}

	User(String username, String email, String passwordHash, Role role, Instant createdAt) {
		this.username = username;
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
	}

	Account toAccount() {
		return new Account(this.id, this.username, this.email, this.role, this.banned, this.createdAt);
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Role getRole() {
		return this.role;
	}

	boolean isBanned() {
		return this.banned;
	}

	void setBanned(boolean banned) {
		this.banned = banned;
	}

}
