package com.gavel.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What an admin sees of the lots' hash chains: the verdict on each lot's page, and every lot
 * verified at once on the ledger page and over the admin API, a chain changed behind the
 * application's back named there at its first bad event.
 */
@AdminSpringBootTest
class AdminLedgerTests {

	/** A ledger row: the lot's id, whether its chain is valid, and the row's markup. */
	private static final Pattern ROW = Pattern
		.compile("<tr data-lot-id=\"(\\d+)\" data-valid=\"(true|false)\">(.*?)</tr>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	Account admin;

	Account ada;

	@BeforeEach
	void people() {
		this.admin = AdminFixtures.admin(this.accounts, "ledger-admin");
		this.ada = AdminFixtures.bidder(this.accounts, "ada");
	}

	@Test
	void theLotPageShowsWhetherTheLotsEventLogIsIntact() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Chained lot"));
		AdminFixtures.bid(this.engine, lot.id(), this.ada, "45.00", null);
		String head = this.jdbc.queryForObject("select last_hash from lot where id = ?", String.class, lot.id());

		String intact = page("/admin/lots/" + lot.id());

		assertThat(intact).contains("data-role=\"chain\" data-valid=\"true\"")
			.contains("data-role=\"chain-head\">" + head + "<")
			.contains("2 events");

		tamper(lot.id(), 2);
		String broken = page("/admin/lots/" + lot.id());
		assertThat(broken).contains("data-role=\"chain\" data-valid=\"false\"")
			.contains("data-sequence=\"2\"")
			.contains("At event 2: the stored event no longer hashes to its stored hash");
	}

	@Test
	void theLedgerPageVerifiesEveryLotAtOnceBrokenOnesFirst() throws Exception {
		LotView intact = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Intact lot"));
		AdminFixtures.bid(this.engine, intact.id(), this.ada, "45.00", null);
		LotView broken = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Broken lot"));
		AdminFixtures.bid(this.engine, broken.id(), this.ada, "45.00", null);
		AdminFixtures.bid(this.engine, broken.id(), this.ada, null, "90.00");
		tamper(broken.id(), 2);

		String html = page("/admin/ledger");

		Matcher rows = ROW.matcher(html);
		List<String[]> found = rows.results().map((m) -> new String[] { m.group(1), m.group(2), m.group(3) }).toList();
		assertThat(found).extracting((row) -> Long.parseLong(row[0]))
			.containsExactlyInAnyOrderElementsOf(this.jdbc.queryForList("select id from lot", Long.class));
		// Broken chains come first: the tampered lot is among them, the intact one is not.
		int firstValid = found.stream().map((row) -> row[1]).toList().indexOf("true");
		List<String> brokenIds = found.subList(0, firstValid).stream().map((row) -> row[0]).toList();
		assertThat(brokenIds).contains(Long.toString(broken.id())).doesNotContain(Long.toString(intact.id()));
		String[] brokenRow = found.stream().filter((row) -> row[0].equals(Long.toString(broken.id()))).findFirst().get();
		assertThat(brokenRow[2]).contains("data-sequence=\"2\"");
		String[] intactRow = found.stream().filter((row) -> row[0].equals(Long.toString(intact.id()))).findFirst().get();
		assertThat(intactRow[1]).isEqualTo("true");
		assertThat(intactRow[2]).contains("2 events");
		assertThat(html).contains("data-role=\"house-digest\"");

		JsonNode all = this.json.readTree(body(get("/api/admin/ledger/verify")));
		assertThat(all).hasSize(found.size());
		for (JsonNode verdict : all) {
			if (verdict.get("lotId").asLong() == broken.id()) {
				assertThat(verdict.get("valid").asBoolean()).isFalse();
				assertThat(verdict.get("firstBadSequence").asLong()).isEqualTo(2);
			}
			if (verdict.get("lotId").asLong() == intact.id()) {
				assertThat(verdict.get("valid").asBoolean()).isTrue();
				assertThat(verdict.get("events").asLong()).isEqualTo(2);
			}
		}
	}

	@Test
	void onlyAdminsSeeTheLedger() throws Exception {
		assertThat(this.mvc.perform(get("/admin/ledger").with(as(this.ada))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(get("/api/admin/ledger/verify").with(as(this.ada)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	/** Changes a stored bid event's amount behind the application's back. */
	private void tamper(long lotId, long sequence) {
		int changed = this.jdbc.update("update lot_event set payload = replace(payload, '\"amount\":\"45.00\"', "
				+ "'\"amount\":\"40.00\"') where lot_id = ? and sequence = ?", lotId, sequence);
		assertThat(changed).isEqualTo(1);
	}

	private String page(String url) throws Exception {
		return body(get(url));
	}

	private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MvcResult result = this.mvc.perform(request.with(as(this.admin))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
