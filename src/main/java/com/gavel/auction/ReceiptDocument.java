package com.gavel.auction;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A bidder's receipt for one accepted bid as a document to keep (docs/ledger.md, "Receipts"): the
 * receipt, what the bidder asked for, and the bid's event itself with the hash it chains from,
 * so that SHA-256({@code prevHash} ‖ canonical {@code event}) = {@code hash} can be checked from
 * this document alone, and the hash found again in the lot's log at any later time.
 *
 * @param type always {@code gavel-bid-receipt}
 * @param bidder the bidder's alias on the lot
 * @param kind {@code bid}, {@code maximum} or {@code buy-now}
 * @param amount the amount bid, as decimal text, if one was given
 * @param maximum the maximum given, if one was (the bidder's own secret: only they and admins
 * get this document)
 * @param voided whether the house has since voided the bid (a later event of the lot says so)
 * @param prevHash the hash the bid's event chains from
 * @param event the bid's event as the lot's log holds it
 * @param verify where the lot's chain is verified
 */
public record ReceiptDocument(String type, long lotId, String title, String requestId, String bidder, String kind,
		String amount, String maximum, boolean voided, long sequence, Instant arrivedAt, Instant endsAt,
		long beforeEndMs, String prevHash, String hash, JsonNode event, String verify) {
}
