package com.gavel.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Component;

/**
 * One writer per lot inside this process, taking turns in the order the work arrived.
 * <p>
 * A caller is stamped with the server's time in the same step that puts it in its lot's queue,
 * so turns go in stamp order: whatever arrived before a lot's end (a bid, or the scheduler's
 * close) is decided before whatever arrived after it, however long either waited. The work gets
 * its stamp, not the time its turn came, and judges by it. The turn is handed straight to the
 * next in line when the holder leaves, so nobody can barge ahead.
 * <p>
 * Lock striping keeps memory fixed however many lots there are; two lots that share a stripe
 * simply take turns. A thread that already holds its stripe (a change that leads to another
 * change of a lot on the same stripe) goes on at once instead of waiting for itself. The optimistic
 * version on {@link Lot} guards against writers in other processes.
 */
@Component
class LotSequencer {

	private static final int STRIPES = 1024;

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final Clock clock;

	LotSequencer(Clock clock) {
		this.clock = clock;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Stamps the caller's arrival, waits for the lot's turn and runs {@code work} with the stamp.
	 */
	<T> T inTurn(long lotId, Function<Instant, T> work) {
		Stripe stripe = stripe(lotId);
		Instant arrived = stripe.enter(this.clock);
		try {
			return work.apply(arrived);
		}
		finally {
			stripe.leave();
		}
	}

	/** How many are waiting for the turn of {@code lotId}'s stripe (not counting its holder). */
	int waiting(long lotId) {
		return stripe(lotId).waiting();
	}

	private Stripe stripe(long lotId) {
		return this.stripes[Math.floorMod(Long.hashCode(lotId * 0x9E3779B97F4A7C15L), STRIPES)];
	}

	/**
	 * The server's time, to the microsecond: the database keeps no finer times, so a finer one
	 * would make an event (built in memory) disagree with the stored lot.
	 */
	static Instant stamp(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static final class Stripe {

		private final ArrayDeque<Thread> waiting = new ArrayDeque<>();

		private Thread holder;

		private int holds;

		Instant enter(Clock clock) {
			Thread me = Thread.currentThread();
			Instant arrived;
			synchronized (this) {
				arrived = stamp(clock);
				if (this.holder == null || this.holder == me) {
					this.holder = me;
					this.holds++;
					return arrived;
				}
				this.waiting.addLast(me);
			}
			awaitTurn(me);
			return arrived;
		}

		private void awaitTurn(Thread me) {
			boolean interrupted = false;
			while (!holds(me)) {
				LockSupport.park(this);
				interrupted |= Thread.interrupted();
			}
			if (interrupted) {
				me.interrupt();
			}
		}

		synchronized int waiting() {
			return this.waiting.size();
		}

		private synchronized boolean holds(Thread me) {
			return this.holder == me;
		}

		void leave() {
			Thread next;
			synchronized (this) {
				if (--this.holds > 0) {
					return;
				}
				next = this.waiting.pollFirst();
				this.holder = next;
				if (next == null) {
					return;
				}
				this.holds = 1;
			}
			LockSupport.unpark(next);
		}

	}

}
