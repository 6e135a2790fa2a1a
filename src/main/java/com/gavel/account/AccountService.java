package com.gavel.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and bans: the public face of the account feature. */
@Service
public class AccountService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PasswordPolicy passwordPolicy;

	AccountService(UserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			Clock clock, PasswordPolicy passwordPolicy) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
		this.passwordPolicy = passwordPolicy;
	}

	/**
	 * Creates an account. Its password must meet the {@link PasswordPolicy} whoever chooses it:
	 * the registration form, the first admin's configuration or the demo house's code.
	 * @throws RegistrationException when the password is too weak or the username or email is
	 * taken
	 */
	@Transactional
	public Account register(String username, String email, String rawPassword, Role role) {
		this.passwordPolicy.check(rawPassword).ifPresent((problem) -> {
			throw RegistrationException.weakPassword(problem);
		});
		String name = username.trim();
		String mail = email.trim().toLowerCase(Locale.ROOT);
		if (this.users.existsByUsernameIgnoreCase(name)) {
			throw new RegistrationException("username", "registration.username.taken", "That username is taken.");
		}
		if (this.users.existsByEmailIgnoreCase(mail)) {
			throw new RegistrationException("email", "registration.email.taken",
					"An account with that email already exists.");
		}
		User user = new User(name, mail, this.passwordEncoder.encode(rawPassword), role, this.clock.instant());
		return this.users.save(user).toAccount();
	}

	/**
	 * Creates the account of a bidder in the room of a live sale, named after their paddle. It
	 * has a name no registration can take (it has spaces), no mailbox and no password anyone
	 * knows, so nobody signs in as it.
	 */
	@Transactional
	public Account createFloorBidder(String name) {
		String mail = "floor-" + UUID.randomUUID() + "@floor.invalid";
		String password = this.passwordEncoder.encode(UUID.randomUUID().toString() + UUID.randomUUID());
		return this.users.save(new User(name, mail, password, Role.FLOOR, this.clock.instant())).toAccount();
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return this.users.findById(id).map(User::toAccount);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByUsername(String username) {
		return this.users.findByUsernameIgnoreCase(username).map(User::toAccount);
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.users.findAllByOrderByUsernameAsc().stream().map(User::toAccount).toList();
	}

	@Transactional(readOnly = true)
	public boolean hasAdmin() {
		return this.users.existsByRole(Role.ADMIN);
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.users.count() == 0;
	}

	/** Bans or unbans a user; other features hear of it through {@link BanChanged}. */
	@Transactional
	public Account setBanned(long userId, boolean banned) {
		User user = this.users.findById(userId).orElseThrow(() -> new IllegalArgumentException("no such user"));
		user.setBanned(banned);
		this.events.publishEvent(new BanChanged(userId, banned));
		return user.toAccount();
	}

	/** Published after a user was banned or unbanned. */
	public record BanChanged(long userId, boolean banned) {
	}

}
