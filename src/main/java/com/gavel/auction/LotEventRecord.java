package com.gavel.auction;

import java.time.Instant;
import java.util.Map;

/**
 * One change of a lot as the lot itself reports it, before it is stored.
 *
 * @param detail public facts of this change (the bid amount, the void reason...)
 * @param lot the public state of the lot right after this change
 * @param outbidUserId the user who lost the lead through this change, if any (never public)
 */
public record LotEventRecord(long sequence, LotEventType type, Instant at, Map<String, Object> detail, LotView lot,
		Long outbidUserId) {
}
