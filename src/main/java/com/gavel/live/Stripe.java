package com.gavel.live;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fan-out thread with a bounded queue. A task that does not fit is refused at once, never
 * waited for, so the thread that publishes a committed bid is never held up: the caller does
 * something cheaper instead, and may leave work for {@link #soon} that runs, once however often
 * it was asked for, as soon as the thread finishes its current task.
 */
final class Stripe {

	private static final Logger log = LoggerFactory.getLogger(Stripe.class);

	private final ThreadPoolExecutor executor;

	private final Map<Long, Runnable> soon = new ConcurrentHashMap<>();

	Stripe(int capacity, ThreadFactory threads) {
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
				threads) {

			@Override
			protected void afterExecute(Runnable task, Throwable failure) {
				runSoon();
			}

		};
	}

	/** Queues the task; false when the queue is full (or the stripe shut down). */
	boolean offer(Runnable task) {
		try {
			this.executor.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/**
	 * Runs {@code work} on this thread after the task in progress, ahead of the queue; asked again
	 * for the same key before it ran, it runs once (the latest {@code work}).
	 */
	void soon(long key, Runnable work) {
		this.soon.put(key, work);
		// Wakes an idle thread. When the queue is full this is refused, but then the thread is
		// busy and runs the work after its current task anyway.
		offer(() -> {
		});
	}

	/** Tasks waiting in the queue. */
	int queued() {
		return this.executor.getQueue().size();
	}

	void shutdown() {
		this.executor.shutdown();
	}

	private void runSoon() {
		if (this.soon.isEmpty()) {
			return;
		}
		for (Long key : this.soon.keySet()) {
			Runnable work = this.soon.remove(key);
			if (work == null) {
				continue;
			}
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.error("Deferred fan-out work failed", ex);
			}
		}
	}

}
