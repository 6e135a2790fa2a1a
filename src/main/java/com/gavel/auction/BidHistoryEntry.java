package com.gavel.auction;

import java.time.Instant;

/** One row of a lot's public bid history. */
public record BidHistoryEntry(long id, String bidder, String kind, String amount, Instant at, boolean voided) {

	static BidHistoryEntry of(Bid bid, String currency) {
		long visible = BidRules.visibleAmount(bid.isLeadingAfter(), bid.getKind(), bid.getAmount(), bid.getMaximum(),
				bid.getPriceAfter());
		return new BidHistoryEntry(bid.getId(), LotView.alias(bid.getBidderAlias()),
				bid.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), Money.text(visible, currency),
				bid.getReceivedAt(), bid.getStatus() == Bid.Status.VOIDED);
	}

}
