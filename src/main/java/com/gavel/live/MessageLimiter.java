package com.gavel.live;

/**
 * How many messages of one kind one socket may send: a token bucket ({@code burst} at once,
 * refilled at {@code perSecond}). A refused message is answered once per run of refusals, so a
 * flood is told it is limited without making the server write one answer per flooded message.
 */
final class MessageLimiter {

	enum Verdict {

		/** Handle the message. */
		ALLOW,

		/** Refuse it and say so: the first refusal since a message was last allowed. */
		REFUSE,

		/** Refuse it silently: the socket was already told. */
		REFUSE_QUIETLY

	}

	private final double perNano;

	private final double burst;

	private double tokens;

	private long lastNanos;

	private boolean told;

	MessageLimiter(double perSecond, int burst, long nowNanos) {
		this.perNano = perSecond / 1e9;
		this.burst = burst;
		this.tokens = burst;
		this.lastNanos = nowNanos;
	}

	synchronized Verdict take(long nowNanos) {
		this.tokens = Math.min(this.burst, this.tokens + (nowNanos - this.lastNanos) * this.perNano);
		this.lastNanos = nowNanos;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			this.told = false;
			return Verdict.ALLOW;
		}
		if (this.told) {
			return Verdict.REFUSE_QUIETLY;
		}
		this.told = true;
		return Verdict.REFUSE;
	}

}
