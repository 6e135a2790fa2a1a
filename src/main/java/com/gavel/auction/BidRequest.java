package com.gavel.auction;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bid as a bidder sends it, checked for form (not yet for the lot's rules). Amounts are decimal
 * major units of the lot's currency, bounded by {@link Money#bounded}, so deciding one never costs
 * more than a few dozen digits of arithmetic. {@link BidIntake} makes these from what clients send.
 *
 * @param requestId made by the client; a retry with the same id returns the first outcome
 * @param amount the bid itself (optional when a maximum is given)
 * @param maximum the most the engine may bid for the bidder (optional)
 */
public record BidRequest(long lotId, long bidderId, String requestId, BidKind kind, BigDecimal amount,
		BigDecimal maximum) {

	/** The request id rule, for every way a bid comes in. */
	static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	static final String REQUEST_ID_RULE = "requestId must be 1 to 64 letters, digits or . _ : -";

	public BidRequest {
		Objects.requireNonNull(kind, "kind");
		if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
			throw new InvalidBidException(REQUEST_ID_RULE);
		}
		if ((amount != null && !Money.bounded(amount)) || (maximum != null && !Money.bounded(maximum))) {
			throw new IllegalArgumentException("amounts must be positive with at most " + Money.MAX_INTEGER_DIGITS
					+ " whole digits and " + Money.MAX_DECIMALS + " decimals");
		}
		if (kind == BidKind.BUY_NOW ? (amount != null || maximum != null) : (amount == null && maximum == null)) {
			throw new InvalidBidException(
					kind == BidKind.BUY_NOW ? "buy now takes no amount" : "give an amount, a maximum, or both");
		}
	}

	public static BidRequest of(long lotId, long bidderId, String requestId, BigDecimal amount, BigDecimal maximum) {
		BidKind kind = (amount == null && maximum != null) ? BidKind.MAXIMUM : BidKind.BID;
		return new BidRequest(lotId, bidderId, requestId, kind, amount, maximum);
	}

	public static BidRequest buyNow(long lotId, long bidderId, String requestId) {
		return new BidRequest(lotId, bidderId, requestId, BidKind.BUY_NOW, null, null);
	}

}
