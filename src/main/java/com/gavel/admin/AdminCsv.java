package com.gavel.admin;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.gavel.auction.LedgerEntry;
import com.gavel.auction.LotAdminView;

/**
 * The admin exports as CSV (RFC 4180, via Commons CSV): a header row, then one row per record.
 * Amounts are decimal text in the lot's currency, times ISO-8601 UTC, empty cells for nothing.
 * Results carry each lot's last sequence and the hash of that event, the bid ledger the hash of
 * the event each accepted bid caused, so an export can be held against the lot's hash chain
 * (docs/ledger.md).
 * <p>
 * Text that people typed (titles, usernames, reasons) and that starts with {@code = + - @}, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet opening the file shows it as
 * text instead of running it as a formula (CSV injection).
 */
final class AdminCsv {

	static final String[] RESULT_HEADER = { "lot_id", "title", "status", "outcome", "currency", "start_price",
			"reserve_price", "reserve_met", "price", "bids", "winner", "high_bidder", "starts_at", "ends_at",
			"closed_at", "cancel_reason", "last_sequence", "last_hash" };

	static final String[] LEDGER_HEADER = { "bid_id", "lot_id", "received_at", "bidder_id", "username", "alias",
			"kind", "amount", "maximum", "status", "reject_reason", "price_after", "leading_after", "sequence",
			"request_id", "voided_at", "voided_by", "void_reason", "event_hash" };

	static final String[] AUDIT_HEADER = { "id", "at", "actor", "action", "via", "lot_id", "bid_id", "user_id",
			"detail", "reason" };

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private AdminCsv() {
	}

	/** One lot's result: who won (the reserve met), who bid highest anyway. */
	record ResultRow(LotAdminView lot, String winner, String highBidder) {
	}

	static void results(List<ResultRow> rows, Writer out) throws IOException {
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT.builder().setHeader(RESULT_HEADER).get())) {
			for (ResultRow row : rows) {
				LotAdminView l = row.lot();
				csv.printRecord(l.id(), text(l.lot().title()), l.status(), l.lot().outcome(), l.lot().currency(),
						l.startPrice(), l.reservePrice(), reserveMet(l.lot().reserve()), l.lot().price(), l.lot().bids(),
						text(row.winner()), text(row.highBidder()), time(l.lot().startsAt()), time(l.lot().endsAt()),
						time(l.closedAt()), text(l.cancelReason()), l.lot().sequence(), l.lastHash());
			}
		}
	}

	static void ledger(List<LedgerEntry> bids, Map<Long, String> usernames, Writer out) throws IOException {
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT.builder().setHeader(LEDGER_HEADER).get())) {
			for (LedgerEntry b : bids) {
				csv.printRecord(b.id(), b.lotId(), time(b.receivedAt()), b.bidderId(), text(usernames.get(b.bidderId())),
						b.alias(), b.kind(), b.amount(), b.maximum(), b.status(), b.rejectReason(), b.priceAfter(),
						"accepted".equals(b.status()) || "voided".equals(b.status()) ? b.leadingAfter() : null,
						b.sequence(), text(b.requestId()), time(b.voidedAt()), text(usernames.get(b.voidedBy())),
						text(b.voidReason()), b.eventHash());
			}
		}
	}

	static void audit(List<AuditEntry> entries, Writer out) throws IOException {
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT.builder().setHeader(AUDIT_HEADER).get())) {
			for (AuditEntry e : entries) {
				csv.printRecord(e.getId(), time(e.getOccurredAt()), text(e.getActorName()), e.getAction(), e.getVia(),
						e.getLotId(), e.getBidId(), e.getSubjectUserId(), text(e.getDetail()), text(e.getReason()));
			}
		}
	}

	/** {@code met}, {@code not-met}, or empty for a lot without a reserve. */
	private static String reserveMet(String reserve) {
		return "none".equals(reserve) ? null : reserve;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	/** Text a person typed, defused for spreadsheets (see the class comment). */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

}
