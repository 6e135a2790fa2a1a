package com.gavel.auction;

import java.time.Instant;

/**
 * A committed change of a lot, published to the rest of the application after its transaction
 * committed, in sequence order per lot.
 *
 * @param json the public event exactly as stored in the log
 * @param outbidUserId the user who lost the lead through this change, if any
 * @param hash the event's link in its lot's hash chain (docs/ledger.md)
 */
public record AuctionEvent(long lotId, long sequence, LotEventType type, Instant at, String json, LotView lot,
		Long outbidUserId, String hash) {
}
