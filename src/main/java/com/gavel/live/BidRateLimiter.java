package com.gavel.live;

/** A token bucket: {@code burst} bids at once, refilled at {@code perSecond}. */
final class BidRateLimiter {

	private final double perNano;

	private final double burst;

	private double tokens;

	private long lastNanos;

	BidRateLimiter(double perSecond, int burst, long nowNanos) {
		this.perNano = perSecond / 1e9;
		this.burst = burst;
		this.tokens = burst;
		this.lastNanos = nowNanos;
	}

	synchronized boolean tryAcquire(long nowNanos) {
		this.tokens = Math.min(this.burst, this.tokens + (nowNanos - this.lastNanos) * this.perNano);
		this.lastNanos = nowNanos;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

}
