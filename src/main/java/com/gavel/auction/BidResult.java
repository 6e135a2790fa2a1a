package com.gavel.auction;

/**
 * What became of a bid.
 *
 * @param reason why it was refused, {@code null} when accepted
 * @param leading whether the bidder leads after it (an accepted bid can be beaten at once by an
 * earlier, higher maximum)
 * @param alias the bidder's alias on the lot, once a bid of theirs was accepted there
 * @param lot the lot's public state after it
 */
public record BidResult(String requestId, long lotId, boolean accepted, RejectReason reason, boolean leading,
		Long bidId, Long sequence, String price, String alias, LotView lot) {

	public static BidResult rejected(BidRequest request, RejectReason reason, LotView lot) {
		return new BidResult(request.requestId(), request.lotId(), false, reason, false, null, null, null, null, lot);
	}

}
