package com.gavel.auction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many bids one bidder may send, whichever way they come (REST or socket): a token bucket per
 * bidder, {@code burst} bids at once, refilled at {@code perSecond}. Buckets of bidders who have
 * been quiet long enough to be full again are forgotten, so memory follows the active bidders.
 */
final class BidThrottle {

	/** Past this many tracked bidders, full buckets are swept before a new one is added. */
	private static final int SWEEP_ABOVE = 10_000;

	private final double perNano;

	private final double burst;

	private final LongSupplier nanos;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	BidThrottle(double perSecond, int burst, LongSupplier nanos) {
		if (perSecond <= 0 || burst < 1) {
			throw new IllegalArgumentException("bids per second and burst must be positive");
		}
		this.perNano = perSecond / 1e9;
		this.burst = burst;
		this.nanos = nanos;
	}

	/** Takes one bid from the bidder's allowance; {@code false} when they must slow down. */
	boolean tryAcquire(long bidderId) {
		long now = this.nanos.getAsLong();
		if (this.buckets.size() > SWEEP_ABOVE) {
			this.buckets.values().removeIf((bucket) -> bucket.fullAt(now));
		}
		return this.buckets.computeIfAbsent(bidderId, (id) -> new Bucket(now)).tryAcquire(now);
	}

	int tracked() {
		return this.buckets.size();
	}

	private final class Bucket {

		private double tokens = BidThrottle.this.burst;

		private long last;

		Bucket(long now) {
			this.last = now;
		}

		synchronized boolean tryAcquire(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized boolean fullAt(long now) {
			refill(now);
			return this.tokens >= BidThrottle.this.burst;
		}

		private void refill(long now) {
			this.tokens = Math.min(BidThrottle.this.burst, this.tokens + (now - this.last) * BidThrottle.this.perNano);
			this.last = now;
		}

	}

}
