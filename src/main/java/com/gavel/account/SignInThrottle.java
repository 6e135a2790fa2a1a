package com.gavel.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
class SignInThrottle {

	/** Real usernames are short (registration allows 40): a longer key is made up, so it is cut short. */
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
		Instant now = this.clock.instant();
		String name = key(username);
		String from = addressKey(address);
		Optional<Refusal> refusal = this.usernames.refusal(name, now)
			.map((wait) -> new Refusal(wait, Limit.USERNAME))
			.or(() -> this.addresses.refusal(from, now).map((wait) -> new Refusal(wait, Limit.ADDRESS)));
		if (refusal.isEmpty()) {
			// Only the username's: many people behind one address sign in at once, one person rarely does.
			this.usernames.reserve(name, now);
		}
		return refusal;
	}

	synchronized void end(String username, String address) {
		this.usernames.release(key(username));
	}

	/** The password (or the username) was wrong. */
	synchronized void failed(String username, String address) {
		Instant now = this.clock.instant();
		this.usernames.failed(key(username), now);
		if (address != null) {
			this.addresses.failed(addressKey(address), now);
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

	/**
	 * An IPv4 address as it is; an IPv6 address by its /64 network, which is what one client is
	 * usually given: counting each of its 2^64 addresses apart would count nothing.
	 */
	static String addressKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return key(address);
		}
		String literal = address.replace("[", "").replace("]", "");
		int zone = literal.indexOf('%');
		literal = (zone >= 0) ? literal.substring(0, zone) : literal;
		String[] groups = expand(literal);
		return (groups != null) ? String.join(":", Arrays.copyOf(groups, 4)) + "::/64" : key(address);
	}

	/** The eight groups of an IPv6 literal in short form (no leading zeros), or null if it is not one. */
	private static String[] expand(String literal) {
		if (literal.indexOf('.') >= 0 || literal.length() > 39) {
			return null;
		}
		int gap = literal.indexOf("::");
		String[] head = split((gap >= 0) ? literal.substring(0, gap) : literal);
		String[] tail = (gap >= 0) ? split(literal.substring(gap + 2)) : new String[0];
		int missing = 8 - head.length - tail.length;
		if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
			return null;
		}
		String[] groups = new String[8];
		Arrays.fill(groups, "0");
		System.arraycopy(head, 0, groups, 0, head.length);
		System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
		for (int i = 0; i < 8; i++) {
			if (!groups[i].matches("[0-9a-fA-F]{1,4}")) {
				return null;
			}
			groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
		}
		return groups;
	}

	private static String[] split(String part) {
		return part.isEmpty() ? new String[0] : part.split(":", -1);
	}

	private static String key(String value) {
		String key = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

}
