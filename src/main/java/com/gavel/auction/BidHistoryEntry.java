package com.gavel.auction;

import java.time.Instant;
import java.util.Locale;

/**
 * One row of a lot's public bid history: a bid, or the leader's maximum answering one.
 *
 * @param id the stored bid; {@code null} on an automatic row, which is no bid of its own
 * @param bidder the alias, e.g. "Bidder 2"
 * @param kind {@code bid}, {@code maximum}, {@code buy-now} or {@code automatic} (the leader's
 * maximum raised the price to answer the bid below it)
 * @param amount what the row shows: the price the bid led to, or a beaten bid's own figure
 * @param at when the bid arrived (an automatic answer comes at the same moment)
 * @param voidReason why the house voided the bid, on voided rows
 */
public record BidHistoryEntry(Long id, String bidder, String kind, String amount, Instant at, boolean voided,
		String voidReason) {

	static final String AUTOMATIC = "automatic";

	static BidHistoryEntry of(Bid bid, long visibleAmount, String currency) {
		return new BidHistoryEntry(bid.getId(), LotView.alias(bid.getBidderAlias()),
				bid.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-'), Money.text(visibleAmount, currency),
				bid.getReceivedAt(), bid.getStatus() == Bid.Status.VOIDED, bid.getVoidReason());
	}

	static BidHistoryEntry automatic(Standing answer, Bid answered, String currency) {
		return new BidHistoryEntry(null, LotView.alias(answer.leaderAlias()), AUTOMATIC,
				Money.text(answer.price(), currency), answered.getReceivedAt(), false, null);
	}

	public boolean automatic() {
		return AUTOMATIC.equals(this.kind);
	}

}
