package com.gavel.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of each lot in this process: every change of a lot is decided here, in the order
 * it arrived, in a transaction, and its events are published once that committed.
 * <p>
 * <b>Arrival order.</b> A caller is stamped with the server's time in the same step that puts it
 * in its lot's queue, so changes are decided in stamp order: whatever arrived before a lot's end
 * (a bid, or the scheduler's close) is decided before whatever arrived after it, however long
 * either waited, and is judged by its stamp, not by when its turn came.
 * <p>
 * <b>Group commit.</b> Committing is what costs: the database writes its file on every commit so
 * that an acknowledged bid survives a crash. So the caller whose turn it is decides every change
 * queued behind it (up to {@code batch}) in one transaction, in arrival order, then publishes
 * their events in order and hands each waiting caller its answer. Nobody is answered before the
 * transaction holding their change committed. When the batch fails, none of it committed, and
 * each change is decided again in a transaction of its own, so only the change that fails is
 * refused.
 * <p>
 * Lock striping keeps memory fixed however many lots there are; lots that share a stripe share
 * a queue (and a batch). A change made while deciding another one on the same stripe (on the
 * thread whose turn it is) goes on at once instead of waiting for itself. The optimistic version
 * on {@link Lot} guards against writers in other processes: a change that lost to one is
 * decided again, with the same arrival time. Nodes that share a PostgreSQL database also lock
 * each lot in the database for the transaction ({@link ClusterLotLocks}), so a lot has one writer
 * in the whole house at a time.
 */
@Component
class LotWriter {

	private static final Logger log = LoggerFactory.getLogger(LotWriter.class);

	private static final int STRIPES = 1024;

	private static final int ATTEMPTS = 3;

	/** A decided change: the caller's answer and the events to publish once it committed. */
	record Decided<T>(T result, List<AuctionEvent> events) {
	}

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final HouseEvents events;

	private final int batch;

	private final DistributionSummary batchSizes;

	private final ClusterLotLocks cluster;

	LotWriter(Clock clock, TransactionTemplate transactions, HouseEvents events, AuctionProperties properties,
			MeterRegistry meters, ClusterLotLocks cluster) {
		this.clock = clock;
		this.cluster = cluster;
		this.transactions = transactions;
		this.events = events;
		this.batch = properties.writeBatch();
		this.batchSizes = DistributionSummary.builder("gavel.lot.writer.batch")
			.description("Changes of lots committed together in one transaction")
			.register(meters);
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Stamps the caller's arrival, decides {@code change} in the lot's turn with that stamp and
	 * answers once its transaction committed and its events were published.
	 */
	<T> T write(long lotId, Function<Instant, Decided<T>> change) {
		Stripe stripe = stripe(lotId);
		Turn<T> mine = new Turn<>(lotId, change, Thread.currentThread());
		switch (stripe.enter(mine, this.clock)) {
			case NESTED -> {
				return alone(lotId, mine.change, mine.arrived);
			}
			case WAIT -> {
				stripe.await(mine);
				if (mine.done) {
					return mine.answer();
				}
			}
			case LEAD -> {
			}
		}
		List<Turn<?>> turns = stripe.take(this.batch);
		try {
			decide(turns);
		}
		finally {
			stripe.handOver(turns);
		}
		return mine.answer();
	}

	/** How many changes wait for the turn of {@code lotId}'s stripe. */
	int waiting(long lotId) {
		return stripe(lotId).waiting();
	}

	/**
	 * The server's time, to the microsecond: the database keeps no finer times, so a finer one
	 * would make an event (built in memory) disagree with the stored lot.
	 */
	static Instant stamp(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Stripe stripe(long lotId) {
		return this.stripes[Math.floorMod(Long.hashCode(lotId * 0x9E3779B97F4A7C15L), STRIPES)];
	}

	private void decide(List<Turn<?>> turns) {
		this.batchSizes.record(turns.size());
		if (turns.size() == 1) {
			decideAlone(turns.get(0));
			return;
		}
		List<Decided<?>> decided;
		try {
			decided = this.transactions.execute((tx) -> {
				this.cluster.lock(turns.stream().map((turn) -> turn.lotId).toList());
				List<Decided<?>> all = new ArrayList<>(turns.size());
				for (Turn<?> turn : turns) {
					all.add(turn.change.apply(turn.arrived));
				}
				return all;
			});
		}
		catch (RuntimeException ex) {
			log.debug("A batch of {} changes failed; deciding each on its own", turns.size(), ex);
			turns.forEach(this::decideAlone);
			return;
		}
		for (Decided<?> each : decided) {
			publish(each.events());
		}
		for (int i = 0; i < turns.size(); i++) {
			turns.get(i).succeed(decided.get(i).result());
		}
	}

	private <T> void decideAlone(Turn<T> turn) {
		try {
			turn.succeed(alone(turn.lotId, turn.change, turn.arrived));
		}
		catch (RuntimeException ex) {
			turn.fail(ex);
		}
	}

	private <T> T alone(long lotId, Function<Instant, Decided<T>> change, Instant arrived) {
		OptimisticLockingFailureException last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				Decided<T> decided = this.transactions.execute((tx) -> {
					this.cluster.lock(List.of(lotId));
					return change.apply(arrived);
				});
				publish(decided.events());
				return decided.result();
			}
			catch (OptimisticLockingFailureException ex) {
				last = ex;
			}
		}
		throw last;
	}

	private void publish(List<AuctionEvent> events) {
		this.events.committed(events);
	}

	private enum Entry {

		/** First in an empty queue: decide now. */
		LEAD,
		/** Behind others: wait to be answered, or to be handed the turn. */
		WAIT,
		/** Already deciding on this stripe: go on at once. */
		NESTED

	}

	/** One caller's change, waiting to be decided. */
	private static final class Turn<T> {

		final long lotId;

		final Function<Instant, Decided<T>> change;

		final Thread thread;

		Instant arrived;

		private T result;

		private RuntimeException failure;

		/** Written after the answer, read before it: the answer is visible once this is. */
		volatile boolean done;

		/** Set when this caller is handed the turn to decide the next batch. */
		volatile boolean leads;

		Turn(long lotId, Function<Instant, Decided<T>> change, Thread thread) {
			this.lotId = lotId;
			this.change = change;
			this.thread = thread;
		}

		@SuppressWarnings("unchecked")
		void succeed(Object result) {
			this.result = (T) result;
			this.done = true;
		}

		void fail(RuntimeException failure) {
			this.failure = failure;
			this.done = true;
		}

		T answer() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.result;
		}

	}

	private static final class Stripe {

		private final ArrayDeque<Turn<?>> queue = new ArrayDeque<>();

		/** The thread deciding for this stripe, or null when nobody is. */
		private Thread holder;

		synchronized Entry enter(Turn<?> turn, Clock clock) {
			turn.arrived = stamp(clock);
			if (this.holder == turn.thread) {
				return Entry.NESTED;
			}
			this.queue.addLast(turn);
			if (this.holder == null) {
				this.holder = turn.thread;
				return Entry.LEAD;
			}
			return Entry.WAIT;
		}

		void await(Turn<?> turn) {
			boolean interrupted = false;
			while (!turn.done && !turn.leads) {
				LockSupport.park(this);
				interrupted |= Thread.interrupted();
			}
			if (interrupted) {
				turn.thread.interrupt();
			}
		}

		/** The oldest turns, up to {@code limit}; the caller's own is first, as it leads. */
		synchronized List<Turn<?>> take(int limit) {
			List<Turn<?>> turns = new ArrayList<>(Math.min(limit, this.queue.size()));
			while (turns.size() < limit && !this.queue.isEmpty()) {
				turns.add(this.queue.pollFirst());
			}
			return turns;
		}

		synchronized int waiting() {
			return this.queue.size();
		}

		/**
		 * Answers the batch's callers and hands the turn to the oldest waiting one. A turn left
		 * without an answer (the batch failed in a way nothing caught) is failed, so nobody waits
		 * forever.
		 */
		void handOver(List<Turn<?>> turns) {
			for (Turn<?> turn : turns) {
				if (!turn.done) {
					turn.fail(new IllegalStateException("the lot's writer failed before deciding this change"));
				}
			}
			Turn<?> next;
			synchronized (this) {
				next = this.queue.peekFirst();
				this.holder = (next != null) ? next.thread : null;
			}
			Thread me = Thread.currentThread();
			for (Turn<?> turn : turns) {
				if (turn.thread != me) {
					LockSupport.unpark(turn.thread);
				}
			}
			if (next != null) {
				next.leads = true;
				LockSupport.unpark(next.thread);
			}
		}

	}

}
