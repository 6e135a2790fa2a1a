package com.gavel.admin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Admin actions through the pages and through the JSON API: each does what it says, through the
 * engine, and leaves one audit entry with who, what, on what and why; a refused action leaves none.
 */
@AdminSpringBootTest
class AdminAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	Account admin;

	@BeforeEach
	void setUp() {
		this.admin = AdminFixtures.admin(this.accounts, "audit-admin");
	}

	MvcResult page(String url, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(url).with(csrf()).with(as(this.admin));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	MvcResult api(MockHttpServletRequestBuilder request, String json) throws Exception {
		request.with(as(this.admin)).accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON);
		if (json != null) {
			request.content(json);
		}
		return this.mvc.perform(request).andReturn();
	}

	/** This test's admin's audit entries, oldest first. */
	List<Map<String, Object>> entries() {
		return this.jdbc.queryForList("select * from audit_entry where actor_id = ? order by id", this.admin.id());
	}

	@Test
	void runningALotFromThePagesIsAudited() throws Exception {
		// It starts in an hour: once scheduled, the scheduler must not open it before the admin does.
		java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofHours(1));
		LotView lot = this.engine.createLot(new com.gavel.auction.LotSpec(AdminFixtures.unique("Run lot"), "", "EUR",
				4000, null, null, start, start.plus(java.time.Duration.ofHours(2)), null, java.time.Duration.ofMinutes(2),
				java.time.Duration.ofMinutes(2), null));
		page("/admin/lots/" + lot.id() + "/schedule");
		page("/admin/lots/" + lot.id() + "/open");
		page("/admin/lots/" + lot.id() + "/pause");
		page("/admin/lots/" + lot.id() + "/resume");
		MvcResult closed = page("/admin/lots/" + lot.id() + "/close");

		assertThat(closed.getFlashMap().get("notice")).isEqualTo("Lot closed.");
		assertThat(this.catalog.lot(lot.id()).orElseThrow().status()).isEqualTo("closed");
		List<Map<String, Object>> entries = entries();
		assertThat(entries).extracting((e) -> e.get("ACTION"))
			.containsExactly("lot-scheduled", "lot-opened", "lot-paused", "lot-resumed", "lot-closed");
		assertThat(entries).allSatisfy((e) -> {
			assertThat(e.get("ACTOR_NAME")).isEqualTo(this.admin.username());
			assertThat(e.get("VIA")).isEqualTo("page");
			assertThat(((Number) e.get("LOT_ID")).longValue()).isEqualTo(lot.id());
			assertThat(e.get("OCCURRED_AT")).isNotNull();
		});
		assertThat(entries.get(4).get("DETAIL")).isEqualTo("unsold");
	}

	@Test
	void aRefusedActionChangesNothingAndIsNotAudited() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Refused lot"));
		MvcResult result = page("/admin/lots/" + lot.id() + "/resume");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/lots/" + lot.id());
		assertThat((String) result.getFlashMap().get("alert")).startsWith("Not done: a lot that is open cannot do that");
		assertThat(entries()).isEmpty();

		MvcResult noReason = page("/admin/lots/" + lot.id() + "/cancel", "reason", "   ");
		assertThat(noReason.getFlashMap().get("cancelError")).asString().startsWith("Give a reason");
		assertThat(this.catalog.lot(lot.id()).orElseThrow().status()).isEqualTo("open");
		assertThat(entries()).isEmpty();
	}

	@Test
	void cancellingAndVoidingKeepTheReason() throws Exception {
		Account ada = AdminFixtures.bidder(this.accounts, "ada");
		Account bob = AdminFixtures.bidder(this.accounts, "bob");
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Void lot"));
		AdminFixtures.bid(this.engine, lot.id(), ada, "40.00", null);
		BidResult shill = AdminFixtures.bid(this.engine, lot.id(), bob, "60.00", null);

		page("/admin/bids/" + shill.bidId() + "/void", "reason", "Shill bidding");
		LotView after = this.catalog.lot(lot.id()).orElseThrow();
		assertThat(after.price()).isEqualTo("40.00");
		assertThat(after.leader()).isEqualTo("Bidder 1");
		page("/admin/lots/" + lot.id() + "/cancel", "reason", "Consignor withdrew the lot");
		assertThat(this.catalog.lot(lot.id()).orElseThrow().status()).isEqualTo("cancelled");

		List<Map<String, Object>> entries = entries();
		assertThat(entries).extracting((e) -> e.get("ACTION")).containsExactly("bid-voided", "lot-cancelled");
		Map<String, Object> voided = entries.get(0);
		assertThat(voided.get("REASON")).isEqualTo("Shill bidding");
		assertThat(((Number) voided.get("BID_ID")).longValue()).isEqualTo(shill.bidId());
		assertThat(((Number) voided.get("SUBJECT_USER_ID")).longValue()).isEqualTo(bob.id());
		assertThat((String) voided.get("DETAIL")).contains(bob.username()).contains("60.00").contains("price now 40.00");
		assertThat(entries.get(1).get("REASON")).isEqualTo("Consignor withdrew the lot");

		String page = this.mvc.perform(get("/admin/lots/" + lot.id()).with(as(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(ada.username()).contains(bob.username()).contains("Shill bidding")
			.contains("Consignor withdrew the lot");
	}

	@Test
	void banningAndUnbanningAreAuditedAndStopBids() throws Exception {
		Account mallory = AdminFixtures.bidder(this.accounts, "mallory");
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Ban lot"));

		page("/admin/users/" + mallory.id() + "/ban", "reason", "Payment fraud");
		assertThat(this.accounts.find(mallory.id()).orElseThrow().banned()).isTrue();
		assertThat(AdminFixtures.bid(this.engine, lot.id(), mallory, "40.00", null).reason().code()).isEqualTo("banned");
		page("/admin/users/" + mallory.id() + "/unban");
		assertThat(this.accounts.find(mallory.id()).orElseThrow().banned()).isFalse();

		MvcResult adminBan = page("/admin/users/" + this.admin.id() + "/ban", "reason", "oops");
		assertThat(adminBan.getFlashMap().get("alert")).asString().contains("admin accounts cannot be banned");
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().banned()).isFalse();

		List<Map<String, Object>> entries = entries();
		assertThat(entries).extracting((e) -> e.get("ACTION")).containsExactly("user-banned", "user-unbanned");
		assertThat(entries.get(0).get("REASON")).isEqualTo("Payment fraud");
		assertThat(((Number) entries.get(0).get("SUBJECT_USER_ID")).longValue()).isEqualTo(mallory.id());
		assertThat(entries.get(0).get("DETAIL")).isEqualTo(mallory.username());
	}

	@Test
	void extendingAllRunningLotsLeavesClosedOnesAlone() throws Exception {
		LotView running = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Running lot"));
		LotView closed = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Closed lot"));
		this.engine.closeNow(closed.id());
		LotView closedBefore = this.catalog.lot(closed.id()).orElseThrow();

		MvcResult result = page("/admin/lots/extend-all", "minutes", "15", "reason", "Outage 10:02-10:14");
		assertThat((String) result.getFlashMap().get("notice")).startsWith("Extended ").endsWith(" by 15 minutes.");

		assertThat(this.catalog.lot(running.id()).orElseThrow().endsAt())
			.isEqualTo(running.endsAt().plus(java.time.Duration.ofMinutes(15)));
		LotView closedAfter = this.catalog.lot(closed.id()).orElseThrow();
		assertThat(closedAfter.status()).isEqualTo("closed");
		assertThat(closedAfter.endsAt()).isEqualTo(closedBefore.endsAt());
		Map<String, Object> entry = entries().get(0);
		assertThat(entry.get("ACTION")).isEqualTo("lots-extended");
		assertThat(entry.get("REASON")).isEqualTo("Outage 10:02-10:14");
		assertThat((String) entry.get("DETAIL")).endsWith("by 15 min");

		MvcResult bad = page("/admin/lots/extend-all", "minutes", "0", "reason", "x");
		assertThat(bad.getFlashMap().get("extendError")).asString().contains("1 to 1440");
		assertThat(entries()).hasSize(1);
	}

	@Test
	void theJsonApiIsAuditedToo() throws Exception {
		Account ada = AdminFixtures.bidder(this.accounts, "ada");
		java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String body = """
				{"title":"API lot","description":"Made by a script.","currency":"EUR","startPrice":"10.00",
				 "startsAt":"%s","endsAt":"%s"}""".formatted(now.minusSeconds(5), now.plusSeconds(3600));
		MvcResult created = api(post("/api/admin/lots"), body);
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id"))
			.longValue();
		assertThat(api(post("/api/admin/lots/" + id + "/open"), null).getResponse().getStatus()).isEqualTo(200);
		String renamed = body.replace("API lot", "API lot, renamed");
		assertThat(api(put("/api/admin/lots/" + id), renamed).getResponse().getStatus()).isEqualTo(200);
		String raised = renamed.replace("\"10.00\"", "\"20.00\"");
		assertThat(api(put("/api/admin/lots/" + id), raised).getResponse().getStatus()).isEqualTo(409);
		BidResult bid = AdminFixtures.bid(this.engine, id, ada, "10.00", null);
		assertThat(api(post("/api/admin/bids/" + bid.bidId() + "/void"), "{\"reason\":\"Test bid\"}").getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(api(post("/api/admin/lots/extend-all"), "{\"minutes\":5}").getResponse().getStatus())
			.isEqualTo(200);
		assertThat(api(post("/api/admin/users/" + ada.id() + "/ban"), "{\"reason\":\"Spam\"}").getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(api(post("/api/admin/lots/" + id + "/cancel"), "{\"reason\":\"Done testing\"}").getResponse()
			.getStatus()).isEqualTo(200);

		List<Map<String, Object>> entries = entries();
		assertThat(entries).extracting((e) -> e.get("ACTION"))
			.containsExactly("lot-created", "lot-opened", "lot-edited", "bid-voided", "lots-extended", "user-banned",
					"lot-cancelled");
		assertThat(entries).allSatisfy((e) -> assertThat(e.get("VIA")).isEqualTo("api"));
		assertThat(entries.get(2).get("DETAIL")).isEqualTo("changed title");
		assertThat(entries.get(3).get("REASON")).isEqualTo("Test bid");
		assertThat(this.catalog.adminLot(id).orElseThrow().terms().startPrice()).isEqualTo(1000);
	}

	@Test
	void theAuditPageShowsWhoWhatAndWhy() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Shown lot"));
		page("/admin/lots/" + lot.id() + "/cancel", "reason", "Damaged in transit");
		String html = this.mvc.perform(get("/admin/audit").with(as(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(this.admin.username()).contains("withdrew lot").contains("Damaged in transit")
			.contains("Lot #" + lot.id());
	}

}
