package com.gavel.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are throttled (docs/operations.md, "Sign-in throttling").
 *
 * @param maxFailuresPerUsername failures for one username before its attempts are refused
 * @param maxFailuresPerAddress failures from one client address, whatever the usernames, before
 * its attempts are refused
 * @param window how long after its last failure (or the end of its refusal) a username or address
 * is forgotten
 * @param firstRefusal how long the first refusal lasts; every further failure doubles it
 * @param maxRefusal the longest a refusal lasts
 * @param maxTrackedKeys how many usernames, and how many addresses, are remembered at most: the
 * least recently seen is forgotten first
 */
@ConfigurationProperties("gavel.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailuresPerUsername,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration window,
		@DefaultValue("1s") Duration firstRefusal, @DefaultValue("15m") Duration maxRefusal,
		@DefaultValue("10000") int maxTrackedKeys) {

	public SignInProperties {
		if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1 || maxTrackedKeys < 1) {
			throw new IllegalArgumentException("gavel.sign-in limits must be at least 1");
		}
		if (!positive(firstRefusal) || !positive(window) || maxRefusal.compareTo(firstRefusal) < 0) {
			throw new IllegalArgumentException(
					"gavel.sign-in durations must be positive, with max-refusal at least first-refusal");
		}
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
