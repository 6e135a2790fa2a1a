package com.gavel.auction;

import java.time.Instant;
import java.util.List;

/**
 * The head of the house (docs/ledger.md): the hash of the last event of every closed lot, in lot
 * order, and one digest over them all. Published (daily, say), it commits the house to its logs as
 * they are: a log rewritten afterwards no longer leads to the hash published for it.
 *
 * @param asOf the server's time when the head was taken
 * @param lots every closed lot, by id
 * @param digest the SHA-256 of one line per lot, {@code <lotId> <sequence> <hash>} and a line feed,
 * in the order of {@code lots}, as lower-case hex
 */
public record LedgerHead(Instant asOf, List<ClosedLot> lots, String digest) {

	/**
	 * A closed lot's place in the head.
	 *
	 * @param sequence the lot's last sequence number
	 * @param hash the hash of that event: the head of the lot's chain
	 * @param closedAt when the lot closed
	 */
	public record ClosedLot(long lotId, long sequence, String hash, Instant closedAt) {

		/** The lot's line in the house digest, line feed included. */
		String line() {
			return this.lotId + " " + this.sequence + " " + this.hash + "\n";
		}

	}

}
