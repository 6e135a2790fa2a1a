package com.gavel.live;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Timer;

/**
 * Measures one event's fan-out: from the moment it was handed over after commit until the last
 * socket's write of it completed (or the frame was dropped for a snapshot).
 */
final class FanoutTracker {

	private final long startNanos;

	private final AtomicInteger remaining;

	private final Timer timer;

	FanoutTracker(long startNanos, int sessions, Timer timer) {
		this.startNanos = startNanos;
		this.remaining = new AtomicInteger(sessions);
		this.timer = timer;
		if (sessions == 0) {
			record();
		}
	}

	void delivered() {
		if (this.remaining.decrementAndGet() == 0) {
			record();
		}
	}

	private void record() {
		this.timer.record(System.nanoTime() - this.startNanos, TimeUnit.NANOSECONDS);
	}

}
