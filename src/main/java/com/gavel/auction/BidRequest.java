package com.gavel.auction;

import java.math.BigDecimal;

/**
 * A bid as a bidder sends it. Amounts are decimal major units of the lot's currency.
 *
 * @param requestId made by the client; a retry with the same id returns the first outcome
 * @param amount the bid itself (optional when a maximum is given)
 * @param maximum the most the engine may bid for the bidder (optional)
 */
public record BidRequest(long lotId, long bidderId, String requestId, BidKind kind, BigDecimal amount,
		BigDecimal maximum) {

	public static BidRequest of(long lotId, long bidderId, String requestId, BigDecimal amount, BigDecimal maximum) {
		BidKind kind = (amount == null && maximum != null) ? BidKind.MAXIMUM : BidKind.BID;
		return new BidRequest(lotId, bidderId, requestId, kind, amount, maximum);
	}

	public static BidRequest buyNow(long lotId, long bidderId, String requestId) {
		return new BidRequest(lotId, bidderId, requestId, BidKind.BUY_NOW, null, null);
	}

}
