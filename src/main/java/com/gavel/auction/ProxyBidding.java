package com.gavel.auction;

/**
 * The second-price proxy rule as a pure function: given the standing and one accepted bid, the
 * next standing. The live engine and the recomputation after a void both use it, so a lot's price
 * is always what its remaining bids say.
 *
 * <p>
 * The leader pays the lower of the runner-up's maximum plus one increment and their own maximum;
 * an equal maximum loses to the earlier one; a leader's own bid only raises their maximum; a
 * maximum at or above the reserve lifts the price straight to the reserve.
 */
public final class ProxyBidding {

	private final IncrementTable increments;

	private final String currency;

	private final long startPrice;

	private final Long reservePrice;

	public ProxyBidding(IncrementTable increments, String currency, long startPrice, Long reservePrice) {
		this.increments = increments;
		this.currency = currency;
		this.startPrice = startPrice;
		this.reservePrice = reservePrice;
	}

	/** The lowest acceptable next bid. */
	public long ask(Standing s) {
		return s.price() == null ? this.startPrice : plusIncrement(s.price());
	}

	public long increment(long price) {
		return this.increments.incrementAt(price, this.currency);
	}

	/**
	 * @param bid an accepted bid; for {@link BidKind#MAXIMUM} its amount is ignored and the proxy
	 * opens at the ask
	 */
	public Standing apply(Standing s, BidEntry bid) {
		if (bid.kind() == BidKind.BUY_NOW) {
			return new Standing(bid.amount(), bid.bidderId(), bid.alias(), bid.amount());
		}
		long maximum = bid.effectiveMaximum();
		Standing next;
		if (!s.hasLeader()) {
			long open = bid.kind() == BidKind.BID ? Math.max(bid.amount(), this.startPrice) : this.startPrice;
			next = new Standing(open, bid.bidderId(), bid.alias(), Math.max(maximum, open));
		}
		else if (s.leaderId().equals(bid.bidderId())) {
			next = new Standing(s.price(), s.leaderId(), s.leaderAlias(), Math.max(s.leaderMax(), maximum));
		}
		else if (maximum > s.leaderMax()) {
			long ask = ask(s);
			long opening = bid.kind() == BidKind.BID ? bid.amount() : Math.min(ask, maximum);
			long secondPrice = Math.min(maximum, plusIncrement(s.leaderMax()));
			next = new Standing(Math.max(opening, secondPrice), bid.bidderId(), bid.alias(), maximum);
		}
		else {
			long price = Math.max(s.price(), Math.min(s.leaderMax(), plusIncrement(maximum)));
			next = new Standing(price, s.leaderId(), s.leaderAlias(), s.leaderMax());
		}
		return liftToReserve(next);
	}

	/**
	 * One increment above {@code price}, saturating: amounts come from bidders and may be as large
	 * as a {@code long} holds, and a wrapped sum would make the ask negative.
	 */
	private long plusIncrement(long price) {
		long increment = increment(price);
		return price > Long.MAX_VALUE - increment ? Long.MAX_VALUE : price + increment;
	}

	private Standing liftToReserve(Standing s) {
		if (this.reservePrice != null && s.leaderMax() >= this.reservePrice && s.price() < this.reservePrice) {
			return new Standing(this.reservePrice, s.leaderId(), s.leaderAlias(), s.leaderMax());
		}
		return s;
	}

	/** One bid as the rule needs it. */
	public record BidEntry(long bidderId, int alias, BidKind kind, Long amount, Long maximum) {

		long effectiveMaximum() {
			return this.maximum != null ? this.maximum : this.amount;
		}

	}

}
