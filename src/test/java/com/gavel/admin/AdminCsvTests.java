package com.gavel.admin;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The CSV exports, downloaded as an admin would and parsed back with Commons CSV: the same rows,
 * field for field, as the database holds (read with plain SQL, not through the code under test),
 * hashes of the lots' event logs included.
 */
@AdminSpringBootTest
class AdminCsvTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	List<CSVRecord> download(String url, Account admin, String[] header) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(as(admin))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"gavel-");
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(body))) {
			assertThat(parser.getHeaderNames()).containsExactly(header);
			return parser.getRecords();
		}
	}

	/** A value as the CSV shows it: decimal text for money columns, empty for null. */
	static String money(Object minor) {
		return minor == null ? "" : java.math.BigDecimal.valueOf(((Number) minor).longValue(), 2).toPlainString();
	}

	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant().toString();
		}
		if (value instanceof java.time.OffsetDateTime odt) {
			return odt.toInstant().toString();
		}
		return value.toString();
	}

	@Test
	void theBidLedgerExportHasEveryBidOfTheLotAsStored() throws Exception {
		Account admin = AdminFixtures.admin(this.accounts, "csv-admin");
		Account ada = AdminFixtures.bidder(this.accounts, "ada");
		Account bob = AdminFixtures.bidder(this.accounts, "bob");
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Ledger lot, with \"quotes\""));
		AdminFixtures.bid(this.engine, lot.id(), ada, "40.00", null);
		BidResult bobs = AdminFixtures.bid(this.engine, lot.id(), bob, null, "80.00");
		AdminFixtures.bid(this.engine, lot.id(), ada, "41.00", null); // below the ask now: refused
		AdminFixtures.bid(this.engine, lot.id(), ada, null, "120.00");
		this.mvc.perform(post("/admin/bids/" + bobs.bidId() + "/void").param("reason", "Shill bid, \"confirmed\"\nby phone")
			.with(csrf())
			.with(as(admin)));

		List<CSVRecord> rows = download("/admin/lots/" + lot.id() + "/bids.csv", admin, AdminCsv.LEDGER_HEADER);
		List<Map<String, Object>> stored = this.jdbc.queryForList("""
				select b.id, b.lot_id, b.received_at, b.bidder_id, u.username, b.bidder_alias, b.kind, b.amount,
				       b.maximum, b.status, b.reject_reason, b.price_after, b.leading_after, b.sequence, b.request_id,
				       b.voided_at, v.username as voided_by, b.void_reason, e.hash as event_hash
				from bid b join app_user u on u.id = b.bidder_id left join app_user v on v.id = b.voided_by
				left join lot_event e on e.lot_id = b.lot_id and e.sequence = b.sequence
				where b.lot_id = ? order by b.id""", lot.id());

		assertThat(rows).hasSize(4).hasSameSizeAs(stored);
		for (int i = 0; i < rows.size(); i++) {
			CSVRecord row = rows.get(i);
			Map<String, Object> db = stored.get(i);
			assertThat(row.get("bid_id")).isEqualTo(text(db.get("ID")));
			assertThat(row.get("lot_id")).isEqualTo(text(db.get("LOT_ID")));
			assertThat(row.get("received_at")).isEqualTo(text(db.get("RECEIVED_AT")));
			assertThat(row.get("bidder_id")).isEqualTo(text(db.get("BIDDER_ID")));
			assertThat(row.get("username")).isEqualTo(text(db.get("USERNAME")));
			assertThat(row.get("alias")).isEqualTo(db.get("BIDDER_ALIAS") == null ? "" : "Bidder " + db.get("BIDDER_ALIAS"));
			assertThat(row.get("kind")).isEqualTo(text(db.get("KIND")).toLowerCase().replace('_', '-'));
			assertThat(row.get("amount")).isEqualTo(money(db.get("AMOUNT")));
			assertThat(row.get("maximum")).isEqualTo(money(db.get("MAXIMUM")));
			assertThat(row.get("status")).isEqualTo(text(db.get("STATUS")).toLowerCase());
			assertThat(row.get("reject_reason")).isEqualTo(text(db.get("REJECT_REASON")));
			assertThat(row.get("price_after")).isEqualTo(money(db.get("PRICE_AFTER")));
			assertThat(row.get("leading_after")).isEqualTo(text(db.get("LEADING_AFTER")));
			assertThat(row.get("sequence")).isEqualTo(text(db.get("SEQUENCE")));
			assertThat(row.get("request_id")).isEqualTo(text(db.get("REQUEST_ID")));
			assertThat(row.get("voided_at")).isEqualTo(text(db.get("VOIDED_AT")));
			assertThat(row.get("voided_by")).isEqualTo(text(db.get("VOIDED_BY")));
			assertThat(row.get("void_reason")).isEqualTo(text(db.get("VOID_REASON")));
			assertThat(row.get("event_hash")).isEqualTo(text(db.get("EVENT_HASH")));
		}
		// Accepted and voided bids name the event they caused; a refused one caused none.
		assertThat(rows).extracting((r) -> r.get("event_hash").length()).containsExactly(64, 64, 0, 64);
		assertThat(rows).extracting((r) -> r.get("status")).containsExactly("accepted", "voided", "rejected", "accepted");
		assertThat(rows.get(1).get("void_reason")).isEqualTo("Shill bid, \"confirmed\"\nby phone");
		assertThat(rows.get(1).get("voided_by")).isEqualTo(admin.username());
	}

	@Test
	void theResultsExportHasEveryFinishedLotAsStored() throws Exception {
		Account admin = AdminFixtures.admin(this.accounts, "csv-admin");
		Account ada = AdminFixtures.bidder(this.accounts, "ada");
		LotView sold = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Sold lot"));
		AdminFixtures.bid(this.engine, sold.id(), ada, "45.00", null);
		this.engine.closeNow(sold.id());
		LotView unmet = AdminFixtures.openLot(this.engine, AdminFixtures.unique("=Reserve not met"), 100_000L);
		AdminFixtures.bid(this.engine, unmet.id(), ada, "50.00", null);
		this.engine.closeNow(unmet.id());
		LotView cancelled = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Withdrawn lot"));
		this.engine.cancel(cancelled.id(), "Consignor withdrew it, sorry");

		List<CSVRecord> rows = download("/admin/results.csv", admin, AdminCsv.RESULT_HEADER);
		List<Map<String, Object>> stored = this.jdbc.queryForList("""
				select l.id, l.title, l.status, l.currency, l.start_price, l.reserve_price, l.current_price,
				       l.bid_count, u.username as leader, l.starts_at, l.ends_at, l.closed_at, l.cancel_reason,
				       l.last_sequence, (select e.hash from lot_event e where e.lot_id = l.id
				                         and e.sequence = l.last_sequence) as last_hash
				from lot l left join app_user u on u.id = l.leader_id
				where l.status in ('CLOSED', 'CANCELLED') order by l.id desc""");

		assertThat(rows).hasSameSizeAs(stored);
		for (int i = 0; i < rows.size(); i++) {
			CSVRecord row = rows.get(i);
			Map<String, Object> db = stored.get(i);
			assertThat(row.get("lot_id")).isEqualTo(text(db.get("ID")));
			assertThat(row.get("title")).isEqualTo(AdminCsv.text(text(db.get("TITLE"))));
			assertThat(row.get("status")).isEqualTo(text(db.get("STATUS")).toLowerCase());
			assertThat(row.get("currency")).isEqualTo(text(db.get("CURRENCY")));
			assertThat(row.get("start_price")).isEqualTo(money(db.get("START_PRICE")));
			assertThat(row.get("reserve_price")).isEqualTo(money(db.get("RESERVE_PRICE")));
			assertThat(row.get("price")).isEqualTo(money(db.get("CURRENT_PRICE")));
			assertThat(row.get("bids")).isEqualTo(text(db.get("BID_COUNT")));
			assertThat(row.get("high_bidder")).isEqualTo(text(db.get("LEADER")));
			assertThat(row.get("starts_at")).isEqualTo(text(db.get("STARTS_AT")));
			assertThat(row.get("ends_at")).isEqualTo(text(db.get("ENDS_AT")));
			assertThat(row.get("closed_at")).isEqualTo(text(db.get("CLOSED_AT")));
			assertThat(row.get("cancel_reason")).isEqualTo(text(db.get("CANCEL_REASON")));
			assertThat(row.get("last_sequence")).isEqualTo(text(db.get("LAST_SEQUENCE")));
			assertThat(row.get("last_hash")).isEqualTo(text(db.get("LAST_HASH"))).hasSize(64);
			Object reserve = db.get("RESERVE_PRICE");
			Object price = db.get("CURRENT_PRICE");
			boolean met = reserve == null
					|| (price != null && ((Number) price).longValue() >= ((Number) reserve).longValue());
			assertThat(row.get("reserve_met")).isEqualTo(reserve == null ? "" : met ? "met" : "not-met");
			boolean won = "CLOSED".equals(db.get("STATUS")) && db.get("LEADER") != null && met;
			assertThat(row.get("outcome")).isEqualTo("CLOSED".equals(db.get("STATUS")) ? (won ? "sold" : "unsold") : "");
			assertThat(row.get("winner")).isEqualTo(won ? text(db.get("LEADER")) : "");
		}
		CSVRecord soldRow = find(rows, sold.id());
		assertThat(soldRow.get("outcome")).isEqualTo("sold");
		assertThat(soldRow.get("winner")).isEqualTo(ada.username());
		assertThat(soldRow.get("price")).isEqualTo("45.00");
		CSVRecord unmetRow = find(rows, unmet.id());
		assertThat(unmetRow.get("outcome")).isEqualTo("unsold");
		assertThat(unmetRow.get("reserve_met")).isEqualTo("not-met");
		assertThat(unmetRow.get("winner")).isEmpty();
		assertThat(unmetRow.get("high_bidder")).isEqualTo(ada.username());
		assertThat(unmetRow.get("title")).startsWith("'=Reserve not met");
		assertThat(find(rows, cancelled.id()).get("cancel_reason")).isEqualTo("Consignor withdrew it, sorry");
	}

	@Test
	void theAuditExportHasEveryEntryAsStored() throws Exception {
		Account admin = AdminFixtures.admin(this.accounts, "csv-admin");
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Audited lot"));
		this.mvc.perform(post("/admin/lots/" + lot.id() + "/pause").with(csrf()).with(as(admin)));
		this.mvc.perform(post("/admin/lots/" + lot.id() + "/cancel").param("reason", "-1 for quality, @team")
			.with(csrf())
			.with(as(admin)));

		List<CSVRecord> rows = download("/admin/audit.csv", admin, AdminCsv.AUDIT_HEADER);
		List<Map<String, Object>> stored = this.jdbc.queryForList("""
				select id, occurred_at, actor_name, action, via, lot_id, bid_id, subject_user_id, detail, reason
				from audit_entry order by id""");
		assertThat(rows).hasSameSizeAs(stored).hasSizeGreaterThanOrEqualTo(2);
		for (int i = 0; i < rows.size(); i++) {
			CSVRecord row = rows.get(i);
			Map<String, Object> db = stored.get(i);
			assertThat(row.get("id")).isEqualTo(text(db.get("ID")));
			assertThat(row.get("at")).isEqualTo(text(db.get("OCCURRED_AT")));
			assertThat(row.get("actor")).isEqualTo(AdminCsv.text(text(db.get("ACTOR_NAME"))));
			assertThat(row.get("action")).isEqualTo(text(db.get("ACTION")));
			assertThat(row.get("via")).isEqualTo(text(db.get("VIA")));
			assertThat(row.get("lot_id")).isEqualTo(text(db.get("LOT_ID")));
			assertThat(row.get("bid_id")).isEqualTo(text(db.get("BID_ID")));
			assertThat(row.get("user_id")).isEqualTo(text(db.get("SUBJECT_USER_ID")));
			assertThat(row.get("detail")).isEqualTo(AdminCsv.text(text(db.get("DETAIL"))));
			assertThat(row.get("reason")).isEqualTo(AdminCsv.text(text(db.get("REASON"))));
		}
		CSVRecord last = rows.get(rows.size() - 1);
		assertThat(last.get("action")).isEqualTo("lot-cancelled");
		assertThat(last.get("actor")).isEqualTo(admin.username());
		assertThat(last.get("reason")).isEqualTo("'-1 for quality, @team");
	}

	@Test
	void textThatASpreadsheetWouldRunIsDefused() {
		assertThat(AdminCsv.text("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(AdminCsv.text("+1")).isEqualTo("'+1");
		assertThat(AdminCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AdminCsv.text("Pocket watch")).isEqualTo("Pocket watch");
		assertThat(AdminCsv.text("")).isEmpty();
		assertThat(AdminCsv.text(null)).isNull();
	}

	static CSVRecord find(List<CSVRecord> rows, long lotId) {
		List<CSVRecord> found = new ArrayList<>();
		rows.stream().filter((r) -> r.get("lot_id").equals(Long.toString(lotId))).forEach(found::add);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
