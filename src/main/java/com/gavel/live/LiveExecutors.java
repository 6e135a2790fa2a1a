package com.gavel.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The live channel's threads: fan-out stripes (a lot always on the same one, so its events keep
 * their order), continuations of completed sends, and closes (which may wait on a slow peer).
 */
@Component
class LiveExecutors implements DisposableBean {

	private final ExecutorService[] stripes;

	private final ExecutorService sends;

	private final ExecutorService closes;

	LiveExecutors(LiveProperties properties) {
		int n = Math.max(1, properties.fanoutThreads());
		this.stripes = new ExecutorService[n];
		for (int i = 0; i < n; i++) {
			this.stripes[i] = Executors.newSingleThreadExecutor(named("live-fanout-" + i + "-"));
		}
		this.sends = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
				named("live-send-"));
		this.closes = Executors.newFixedThreadPool(2, named("live-close-"));
	}

	ExecutorService stripe(long lotId) {
		return this.stripes[Math.floorMod(Long.hashCode(lotId), this.stripes.length)];
	}

	ExecutorService sends() {
		return this.sends;
	}

	ExecutorService closes() {
		return this.closes;
	}

	@Override
	public void destroy() throws InterruptedException {
		for (ExecutorService s : this.stripes) {
			s.shutdown();
		}
		this.sends.shutdown();
		this.closes.shutdown();
		this.closes.awaitTermination(5, TimeUnit.SECONDS);
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
