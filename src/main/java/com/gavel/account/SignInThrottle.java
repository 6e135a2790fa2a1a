package com.gavel.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in attempts for a while after too many failures for one username or from one
 * client address. A refusal lasts {@code first-refusal}, doubling with every further failure up to
 * {@code max-refusal}, so the real owner is never locked out for good: the refusal runs out, and
 * their next successful sign-in clears the username's count. An address's count is not cleared by
 * a success (one good account must not launder guesses at others); it is forgotten after a quiet
 * {@code window}.
 * <p>
 * Each attempt is {@link #begin begun} before its password is checked and {@link #end ended}
 * after, whatever the outcome; {@link #failed} and {@link #succeeded} record the outcome in
 * between.
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
public class SignInThrottle {

	/** Usernames are at most 40 characters; a longer key can only be made up, so it is cut short. */
	private static final int MAX_KEY_LENGTH = 128;

	private final SignInFailures usernames;

	private final SignInFailures addresses;

	private final Clock clock;

	SignInThrottle(SignInProperties settings, Clock clock) {
		this.usernames = new SignInFailures(settings.maxFailuresPerUsername(), settings);
		this.addresses = new SignInFailures(settings.maxFailuresPerAddress(), settings);
		this.clock = clock;
	}

	/** Which count refused an attempt. */
	enum Limit {

		USERNAME, ADDRESS

	}

	/** An attempt refused without checking its password: try again after {@link #retryAfter}. */
	record Refusal(Duration retryAfter, Limit limit) {

		/** Whole seconds to wait, rounded up and at least one. */
		long seconds() {
			long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
			return Math.max(1, seconds);
		}

		/** "Too many failed sign-ins. Try again in …": in seconds, or in minutes for a long wait. */
		static MessageSourceResolvable message(long seconds) {
			if (seconds < 120) {
				return new DefaultMessageSourceResolvable(new String[] { "login.throttled" },
						new Object[] { seconds });
			}
			return new DefaultMessageSourceResolvable(new String[] { "login.throttled.minutes" },
					new Object[] { (seconds + 59) / 60 });
		}

	}

	/**
	 * Asks to check an attempt's password. When it may go ahead (empty), the caller must
	 * {@link #end} it once the password was checked.
	 */
	synchronized Optional<Refusal> begin(String username, String address) {
		var now = this.clock.instant();
		String name = key(username);
		String from = key(address);
		Optional<Refusal> refusal = this.usernames.refusal(name, now)
			.map((wait) -> new Refusal(wait, Limit.USERNAME))
			.or(() -> this.addresses.refusal(from, now).map((wait) -> new Refusal(wait, Limit.ADDRESS)));
		if (refusal.isEmpty()) {
			this.usernames.reserve(name, now);
			this.addresses.reserve(from, now);
		}
		return refusal;
	}

	synchronized void end(String username, String address) {
		this.usernames.release(key(username));
		this.addresses.release(key(address));
	}

	/** The password (or the username) was wrong. */
	synchronized void failed(String username, String address) {
		var now = this.clock.instant();
		this.usernames.failed(key(username), now);
		if (address != null) {
			this.addresses.failed(key(address), now);
		}
	}

	synchronized void succeeded(String username) {
		this.usernames.clear(key(username));
	}

	synchronized int trackedUsernames() {
		return this.usernames.size();
	}

	synchronized int trackedAddresses() {
		return this.addresses.size();
	}

	private static String key(String value) {
		String key = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

}
