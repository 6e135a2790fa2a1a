package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;

/**
 * What the house acknowledges for an accepted bid, so the bidder can later hold it to it: when the
 * bid arrived, the event it caused in the lot's log, and that event's link in the lot's hash chain
 * (docs/ledger.md). Everything here can be checked against the lot's published events.
 *
 * @param sequence the lot's sequence number of the {@code bid} event the bid caused
 * @param arrivedAt when the bid reached the server (to the microsecond): the time it was judged by,
 * and the event's {@code at}
 * @param endsAt the lot's end when the bid arrived, before any extension the bid caused
 * @param beforeEndMs how long before that end the bid arrived, in whole milliseconds
 * @param hash the hash of the bid's event
 */
public record Receipt(long lotId, long sequence, Instant arrivedAt, Instant endsAt, long beforeEndMs, String hash) {

	static Receipt of(long lotId, long sequence, Instant arrivedAt, Instant endsAt, String hash) {
		return new Receipt(lotId, sequence, arrivedAt, endsAt, Duration.between(arrivedAt, endsAt).toMillis(), hash);
	}

}
