package com.gavel.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so every time-dependent rule (soft close,
 * scheduling, pauses) can be checked at an exact instant. It only moves forward, like the
 * server's clock, so tests sharing one application context cannot undo each other's time.
 */
public final class MutableClock extends Clock {

	/**
	 * Has nanoseconds on purpose: the system clock has them on Linux, the database keeps
	 * microseconds, and the event log must not disagree with the stored lot because of it.
	 */
	public static final Instant START = Instant.parse("2030-01-01T09:00:00.123456789Z");

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public MutableClock(Instant start) {
		this(new AtomicReference<>(start), ZoneOffset.UTC);
	}

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

	public Instant advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("time only moves forward");
		}
		return this.now.updateAndGet((t) -> t.plus(duration));
	}

	/**
	 * Moves the clock forward to the next whole second, for tests that compute exact times from
	 * it (the database keeps microseconds, the clock starts with nanoseconds).
	 */
	public Instant advanceToWholeSecond() {
		return this.now.updateAndGet((t) -> t.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
	}

	/** Moves the clock to {@code instant}, which must not be in its past. */
	public Instant moveTo(Instant instant) {
		return this.now.updateAndGet((t) -> {
			if (instant.isBefore(t)) {
				throw new IllegalArgumentException("time only moves forward: " + instant + " is before " + t);
			}
			return instant;
		});
	}

}
