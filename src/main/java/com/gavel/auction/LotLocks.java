package com.gavel.auction;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One writer per lot inside this process. Lock striping keeps memory fixed however many lots
 * there are; two lots that share a stripe simply take turns. The optimistic version on
 * {@link Lot} guards against writers in other processes.
 */
@Component
class LotLocks {

	private static final int STRIPES = 1024;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	LotLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	<T> T withLock(long lotId, Supplier<T> work) {
		ReentrantLock lock = this.locks[Math.floorMod(Long.hashCode(lotId * 0x9E3779B97F4A7C15L), STRIPES)];
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

}
