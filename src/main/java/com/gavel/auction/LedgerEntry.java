package com.gavel.auction;

import java.time.Instant;
import java.util.Locale;

/**
 * One bid attempt on a lot as the engine decided it, with the bidder's identity: what admins see
 * in a lot's ledger. Amounts are decimal text in the lot's currency.
 *
 * @param status {@code accepted}, {@code rejected} or {@code voided}
 * @param rejectReason the protocol's reason code for a rejected bid
 * @param priceAfter the lot's price right after an accepted bid
 * @param sequence the lot event that announced an accepted bid
 * @param voidedBy the admin who voided the bid
 * @param eventHash the hash of the event that announced an accepted bid (docs/ledger.md)
 */
public record LedgerEntry(long id, long lotId, long bidderId, String alias, String requestId, String kind,
		String amount, String maximum, String status, String rejectReason, String priceAfter, boolean leadingAfter,
		Long sequence, Instant receivedAt, Instant voidedAt, String voidReason, Long voidedBy, String eventHash) {

	static LedgerEntry of(Bid bid, String currency, String eventHash) {
		return new LedgerEntry(bid.getId(), bid.getLotId(), bid.getBidderId(), LotView.alias(bid.getBidderAlias()),
				bid.getRequestId(), bid.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				Money.text(bid.getAmount(), currency), Money.text(bid.getMaximum(), currency),
				bid.getStatus().name().toLowerCase(Locale.ROOT),
				bid.getRejectReason() == null ? null : bid.getRejectReason().code(),
				Money.text(bid.getPriceAfter(), currency), bid.isLeadingAfter(), bid.getSequence(),
				bid.getReceivedAt(), bid.getVoidedAt(), bid.getVoidReason(), bid.getVoidedBy(), eventHash);
	}

	public boolean voidable() {
		return "accepted".equals(this.status);
	}

}
