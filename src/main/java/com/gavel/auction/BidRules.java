package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a bid may stand, and what it does to a lot's end: the auction's rules as plain
 * functions of a lot's state, so each reads on its own. {@link ProxyBidding} decides the price
 * and leader once a bid is allowed.
 */
final class BidRules {

	private BidRules() {
	}

	/** Why a lot in {@code status} ending at {@code endsAt} takes no bid that arrived at {@code now}. */
	static RejectReason whyNotBiddable(LotStatus status, Instant endsAt, Instant now) {
		return switch (status) {
			case DRAFT, SCHEDULED -> RejectReason.LOT_NOT_OPEN;
			case PAUSED -> RejectReason.LOT_PAUSED;
			case CLOSED -> RejectReason.LOT_CLOSED;
			case CANCELLED -> RejectReason.LOT_CANCELLED;
			case OPEN -> now.isBefore(endsAt) ? null : RejectReason.LOT_CLOSED;
		};
	}

	/**
	 * Why a bid or maximum is refused at this ask: amounts that make no sense, a leader bidding
	 * against themself or not raising their maximum, and anything below the ask.
	 * @param leads whether the bidder leads the lot now
	 * @param leaderMax the leader's maximum, when someone leads
	 */
	static RejectReason validate(BidKind kind, Long amount, Long maximum, long ask, boolean leads, Long leaderMax) {
		if ((kind == BidKind.BID && amount == null) || (kind == BidKind.MAXIMUM && maximum == null)
				|| (amount != null && amount <= 0) || (maximum != null && maximum <= 0)
				|| (amount != null && maximum != null && maximum < amount)) {
			return RejectReason.INVALID_AMOUNT;
		}
		if (leads && kind == BidKind.BID && maximum == null) {
			return RejectReason.SELF_OUTBID;
		}
		long highest = maximum != null ? maximum : amount;
		if (leads && highest <= leaderMax) {
			return RejectReason.MAXIMUM_NOT_RAISED;
		}
		if ((amount != null && amount < ask && !leads) || highest < ask) {
			return RejectReason.BELOW_MINIMUM;
		}
		return null;
	}

	/**
	 * What the public history shows for a bid: a losing bid's own maximum (it is beaten, so no
	 * longer secret), otherwise the price it led to.
	 */
	static long visibleAmount(boolean leading, BidKind kind, Long amount, Long maximum, long priceAfter) {
		if (kind == BidKind.BUY_NOW || leading) {
			return priceAfter;
		}
		return maximum != null ? maximum : amount;
	}

	/**
	 * Soft close: the end a bid that arrived at {@code now} moves the lot to, or {@code null} when
	 * it moves nothing (it came before the window, the lot has had all its extensions, or the hard
	 * stop leaves no later end).
	 */
	static Instant softCloseEnd(SoftClose terms, Instant endsAt, int extensions, Instant now) {
		Instant windowStart = endsAt.minus(terms.window());
		if (now.isBefore(windowStart) || (terms.maxExtensions() != null && extensions >= terms.maxExtensions())) {
			return null;
		}
		Instant newEnd = now.plus(terms.extension());
		if (terms.hardStopAt() != null && newEnd.isAfter(terms.hardStopAt())) {
			newEnd = terms.hardStopAt();
		}
		return newEnd.isAfter(endsAt) ? newEnd : null;
	}

	/** A lot's soft-close terms. */
	record SoftClose(Duration window, Duration extension, Instant hardStopAt, Integer maxExtensions) {
	}

}
