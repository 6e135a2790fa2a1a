package com.gavel.live;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The live channel's threads, each with a bounded queue that refuses instead of blocking:
 * <ul>
 * <li>fan-out stripes: a lot's events and subscriptions always run on the same one (its home),
 * and a socket's event frames are always offered by the same one (its shard), so both keep their
 * order while a hot lot's watchers are spread over every stripe; a full stripe refuses, see
 * {@link Stripe} and {@link LiveFanout};</li>
 * <li>subscriptions: reading the snapshot or replay of a new subscription off the stripes; when
 * full the subscription is answered {@code busy};</li>
 * <li>continuations of completed sends: each socket has at most one queued, so the queue is sized
 * to the node's socket limit; were it ever full, the socket is closed with 1013 (see
 * {@link Outbox});</li>
 * <li>closes (which may wait on a slow peer): each socket queues at most one, sized the same; a
 * refused close is retried by {@link LiveHousekeeping}.</li>
 * <li>notices: one thread that finds whose bid an event announced, off the stripes and off the
 * lot's writer, in commit order; when full the notice is dropped (see {@link UserNotices}).</li>
 * </ul>
 */
@Component
class LiveExecutors implements DisposableBean {

	private final Stripe[] stripes;

	private final ThreadPoolExecutor subscriptions;

	private final ThreadPoolExecutor sends;

	private final ThreadPoolExecutor closes;

	private final ThreadPoolExecutor notices;

	LiveExecutors(LiveProperties properties) {
		int n = Math.max(1, properties.fanoutThreads());
		this.stripes = new Stripe[n];
		for (int i = 0; i < n; i++) {
			this.stripes[i] = new Stripe(Math.max(1, properties.fanoutQueue()), named("live-fanout-" + i + "-"));
		}
		int sockets = Math.max(1, properties.maxConnections());
		this.subscriptions = bounded(Math.max(1, properties.subscriptionThreads()),
				Math.max(1, properties.subscriptionQueue()), "live-subscribe-");
		this.sends = bounded(Math.max(2, Runtime.getRuntime().availableProcessors()), sockets, "live-send-");
		this.closes = bounded(2, sockets, "live-close-");
		this.notices = bounded(1, Math.max(1, properties.fanoutQueue()), "live-notice-");
	}

	Stripe stripe(long lotId) {
		return this.stripes[home(lotId)];
	}

	/** The stripe a lot's events and subscriptions run on. */
	int home(long lotId) {
		return Math.floorMod(Long.hashCode(lotId), this.stripes.length);
	}

	/** The stripe that offers every event frame a socket gets, whatever the lot (see LiveFanout). */
	int shardOf(LiveSession session) {
		return Math.floorMod(session.id().hashCode(), this.stripes.length);
	}

	Stripe stripeAt(int index) {
		return this.stripes[index];
	}

	int stripeCount() {
		return this.stripes.length;
	}

	ExecutorService subscriptions() {
		return this.subscriptions;
	}

	ExecutorService sends() {
		return this.sends;
	}

	ExecutorService closes() {
		return this.closes;
	}

	ExecutorService notices() {
		return this.notices;
	}

	@Override
	public void destroy() throws InterruptedException {
		for (Stripe s : this.stripes) {
			s.shutdown();
		}
		this.subscriptions.shutdown();
		this.sends.shutdown();
		this.closes.shutdown();
		this.notices.shutdown();
		this.closes.awaitTermination(5, TimeUnit.SECONDS);
	}

	private static ThreadPoolExecutor bounded(int threads, int capacity, String prefix) {
		return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
				named(prefix));
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread t = new Thread(runnable, prefix + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

}
