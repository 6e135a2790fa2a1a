package com.gavel.auction;

import java.time.Instant;

/**
 * What became of a bid.
 *
 * @param reason why it was refused, {@code null} when accepted
 * @param leading whether the bidder leads after it (an accepted bid can be beaten at once by an
 * earlier, higher maximum)
 * @param alias the bidder's alias on the lot, once a bid of theirs was accepted there
 * @param arrivedAt when the bid reached the server: the time it was judged by
 * @param lot the lot's public state after it
 * @param receipt what the house acknowledges for an accepted bid, {@code null} for a refused one
 */
public record BidResult(String requestId, long lotId, boolean accepted, RejectReason reason, boolean leading,
		Long bidId, Long sequence, String price, String alias, Instant arrivedAt, LotView lot, Receipt receipt) {

	public static BidResult rejected(String requestId, long lotId, RejectReason reason, Instant arrivedAt,
			LotView lot) {
		return new BidResult(requestId, lotId, false, reason, false, null, null, null, null, arrivedAt, lot, null);
	}

	static BidResult rejected(BidRequest request, RejectReason reason, Instant arrivedAt, LotView lot) {
		return rejected(request.requestId(), request.lotId(), reason, arrivedAt, lot);
	}

}
