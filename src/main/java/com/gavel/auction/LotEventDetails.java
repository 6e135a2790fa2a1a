package com.gavel.auction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public facts each kind of event carries besides the lot's state (docs/protocol.md lists
 * them): built here, in the order they appear on the wire.
 */
final class LotEventDetails {

	private LotEventDetails() {
	}

	static Map<String, Object> none() {
		return Map.of();
	}

	static Map<String, Object> bid(int alias, BidKind kind, String amount) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("bidder", LotView.alias(alias));
		detail.put("kind", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		detail.put("amount", amount);
		return detail;
	}

	/** The leader's maximum answering a bid at once: who, and the price it took. */
	static Map<String, Object> automatic(int alias, String amount) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("bidder", LotView.alias(alias));
		detail.put("amount", amount);
		return detail;
	}

	static Map<String, Object> extended(Instant previousEndsAt) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("previousEndsAt", previousEndsAt);
		return detail;
	}

	/** A lot of a group-soft-close sale moved because a late bid extended lot {@code lotNumber}. */
	static Map<String, Object> groupExtended(Instant previousEndsAt, int lotNumber) {
		Map<String, Object> detail = extended(previousEndsAt);
		detail.put("followsLot", lotNumber);
		return detail;
	}

	static Map<String, Object> cancelled(String reason) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("reason", reason);
		return detail;
	}

	static Map<String, Object> updated(List<String> fields) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("fields", List.copyOf(fields));
		return detail;
	}

	static Map<String, Object> voided(long bidId, String reason) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("bidId", bidId);
		detail.put("reason", reason);
		return detail;
	}

	static Map<String, Object> up(Integer lotNumber) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("lotNumber", lotNumber);
		return detail;
	}

	static Map<String, Object> fairWarning(Instant endsAt) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("endsAt", endsAt);
		return detail;
	}

	static Map<String, Object> hammer() {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("hammer", true);
		return detail;
	}

	static Map<String, Object> passed() {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("passed", true);
		return detail;
	}

}
