package com.gavel.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins for one kind of key (usernames or client addresses) and the refusals they
 * earned. Remembers at most {@code maxKeys} keys, forgetting the least recently seen first, so a
 * flood of made-up usernames or addresses cannot grow it. Not thread-safe: {@link SignInThrottle}
 * serialises every call.
 */
final class SignInFailures {

	private final int limit;

	private final SignInProperties settings;

	private final Map<String, Entry> entries;

	SignInFailures(int limit, SignInProperties settings) {
		this.limit = limit;
		this.settings = settings;
		int maxKeys = settings.maxTrackedKeys();
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > maxKeys;
			}

		};
	}

	/** How long an attempt for {@code key} must wait, or empty if it may go ahead now. */
	Optional<Duration> refusal(String key, Instant now) {
		Entry entry = current(key, now);
		if (entry == null) {
			return Optional.empty();
		}
		if (entry.refusedUntil != null && now.isBefore(entry.refusedUntil)) {
			return Optional.of(Duration.between(now, entry.refusedUntil));
		}
		// Attempts still being checked (reserved) count against what is left, or a burst of parallel
		// guesses would all be checked before the first of them failed.
		int allowed = (entry.failures >= this.limit) ? 1 : this.limit - entry.failures;
		if (entry.inFlight >= allowed) {
			return Optional.of(this.settings.firstRefusal());
		}
		return Optional.empty();
	}

	/** An attempt for {@code key} is being checked; {@link #release} follows whatever the outcome. */
	void reserve(String key, Instant now) {
		Entry entry = current(key, now);
		if (entry == null) {
			entry = new Entry();
			this.entries.put(key, entry);
		}
		entry.inFlight++;
	}

	void release(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return;
		}
		entry.inFlight = Math.max(0, entry.inFlight - 1);
		if (entry.inFlight == 0 && entry.failures == 0) {
			this.entries.remove(key);
		}
	}

	void failed(String key, Instant now) {
		Entry entry = current(key, now);
		if (entry == null) {
			entry = new Entry();
			this.entries.put(key, entry);
		}
		entry.failures++;
		entry.lastFailure = now;
		if (entry.failures >= this.limit) {
			entry.refusedUntil = now.plus(refusalAfter(entry.failures));
		}
	}

	void clear(String key) {
		Entry entry = this.entries.get(key);
		if (entry != null && entry.inFlight > 0) {
			entry.failures = 0;
			entry.refusedUntil = null;
		}
		else {
			this.entries.remove(key);
		}
	}

	int size() {
		return this.entries.size();
	}

	/** First refusal at the limit, doubling with every failure past it, never beyond the maximum. */
	private Duration refusalAfter(int failures) {
		Duration refusal = this.settings.firstRefusal();
		Duration max = this.settings.maxRefusal();
		for (int past = this.limit; past < failures && refusal.compareTo(max) < 0; past++) {
			refusal = refusal.multipliedBy(2);
		}
		return (refusal.compareTo(max) < 0) ? refusal : max;
	}

	/** The key's entry, or null when there is none or it has been quiet for the whole window. */
	private Entry current(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry != null && entry.inFlight == 0 && entry.failures > 0
				&& !now.isBefore(entry.forgottenAt(this.settings.window()))) {
			this.entries.remove(key);
			return null;
		}
		return entry;
	}

	private static final class Entry {

		private int failures;

		private int inFlight;

		private Instant lastFailure;

		private Instant refusedUntil;

		Instant forgottenAt(Duration window) {
			Instant quietSince = (this.refusedUntil != null && this.refusedUntil.isAfter(this.lastFailure))
					? this.refusedUntil : this.lastFailure;
			return quietSince.plus(window);
		}

	}

}
