package com.gavel.auction;

import java.time.Instant;

/**
 * A sale as lists show it (the home page, {@code GET /api/sales}).
 *
 * @param kind {@code timed} or {@code live}
 * @param status {@code draft} (admins only), {@code scheduled}, {@code open} or {@code closed}
 * @param firstLotEndsAt when the first lot was set to end; {@code intervalSeconds} apart the others
 * @param lots how many lots it has (public lots, for the public)
 * @param lastLotEndsAt when its last lot ends as things stand (extensions included); {@code null} without lots
 */
public record SaleSummary(long id, String title, String kind, String status, String currency, Instant startsAt,
		Instant firstLotEndsAt, long intervalSeconds, boolean groupSoftClose, int lots, Instant lastLotEndsAt) {

}
