package com.gavel.admin;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.support.ApiClient;
import com.gavel.support.ApiClient.Login;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running the house over the JSON admin API on the real server: only admins get in, lots go
 * through their lifecycle, a voided bid reprices the lot, and bad requests are problems.
 */
@GavelSpringBootTest
class AdminApiControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private AccountService accounts;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private MutableClock clock;

	private ApiClient api;

	private Account bidder;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.bidder = TestAccounts.newBidder(this.accounts, "bidder");
	}

	@Test
	void onlyAdminsMayUseIt() {
		Login bidder = Login.of(this.bidder);
		assertThat(this.api.get("/api/admin/lots", bidder).statusCode()).isEqualTo(403);
		assertThat(this.api.post("/api/admin/lots", bidder, lotJson("Not yours")).statusCode()).isEqualTo(403);
		assertThat(this.api.post("/api/admin/lots/extend-all", bidder, "{\"minutes\":5}").statusCode())
			.isEqualTo(403);
		assertThat(this.api.get("/api/admin/lots", ApiClient.ANONYMOUS).statusCode()).isEqualTo(401);
		assertThat(this.api.get("/api/admin/lots", new Login(TestAccounts.ADMIN_USERNAME, "wrong")).statusCode())
			.isEqualTo(401);
		assertThat(this.api.get("/api/admin/lots", Login.admin()).statusCode()).isEqualTo(200);
	}

	@Test
	void createsALotAndRunsItThroughItsLifecycle() {
		HttpResponse<String> created = this.api.post("/api/admin/lots?schedule=true", Login.admin(),
				lotJson("Admin API lot"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode lot = this.json.readTree(created.body());
		long id = lot.get("id").asLong();
		assertThat(lot.get("status").asString()).isEqualTo("scheduled");
		assertThat(lot.get("title").asString()).isEqualTo("Admin API lot");

		assertThat(status(this.api.post("/api/admin/lots/" + id + "/open", Login.admin(), ""))).isEqualTo("open");
		assertThat(status(this.api.post("/api/admin/lots/" + id + "/pause", Login.admin(), ""))).isEqualTo("paused");
		assertThat(status(this.api.post("/api/admin/lots/" + id + "/resume", Login.admin(), ""))).isEqualTo("open");
		assertThat(status(this.api.post("/api/admin/lots/" + id + "/close", Login.admin(), ""))).isEqualTo("closed");

		HttpResponse<String> again = this.api.post("/api/admin/lots/" + id + "/close", Login.admin(), "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(again.body()).get("reason").asString()).isEqualTo("invalid-state");
		assertThat(this.api.post("/api/admin/lots/987654321/open", Login.admin(), "").statusCode()).isEqualTo(404);
	}

	@Test
	void cancellingNeedsAReason() {
		long id = this.json.readTree(this.api.post("/api/admin/lots", Login.admin(), lotJson("To withdraw")).body())
			.get("id")
			.asLong();
		assertThat(this.api.post("/api/admin/lots/" + id + "/cancel", Login.admin(), "{\"reason\":\" \"}")
			.statusCode()).isEqualTo(400);
		assertThat(status(this.api.post("/api/admin/lots/" + id + "/cancel", Login.admin(),
				"{\"reason\":\"consignor withdrew it\"}")))
			.isEqualTo("cancelled");
	}

	@Test
	void voidingABidRepricesTheLot() {
		long id = this.json.readTree(this.api.post("/api/admin/lots", Login.admin(), lotJson("To void on")).body())
			.get("id")
			.asLong();
		this.engine.openNow(id);
		Account other = TestAccounts.newBidder(this.accounts, "other");
		this.engine.placeBid(BidRequest.of(id, this.bidder.id(), "v-1", new BigDecimal("10.00"), null));
		BidResult shill = this.engine.placeBid(BidRequest.of(id, other.id(), "v-2", null, new BigDecimal("30.00")));
		assertThat(shill.price()).isEqualTo("10.50");

		HttpResponse<String> voided = this.api.post("/api/admin/bids/" + shill.bidId() + "/void", Login.admin(),
				"{\"reason\":\"shill bidding\"}");

		assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
		JsonNode lot = this.json.readTree(voided.body());
		assertThat(lot.get("price").asString()).isEqualTo("10.00");
		assertThat(lot.get("leader").asString()).isEqualTo("Bidder 1");
		assertThat(this.api.post("/api/admin/bids/" + shill.bidId() + "/void", Login.admin(),
				"{\"reason\":\"twice\"}")
			.statusCode()).isEqualTo(409);
	}

	@Test
	void invalidLotsAreBadRequestProblems() {
		HttpResponse<String> missing = this.api.post("/api/admin/lots", Login.admin(), "{\"title\":\"\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(missing.body());
		assertThat(problem.get("reason").asString()).isEqualTo("invalid-request");
		assertThat(problem.get("fields").has("title")).isTrue();
		assertThat(problem.get("fields").has("currency")).isTrue();

		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String backwards = lotJson("Backwards", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)));
		assertThat(this.api.post("/api/admin/lots", Login.admin(), backwards).statusCode()).isEqualTo(400);
		assertThat(this.api.post("/api/admin/lots", Login.admin(), "{ not json").statusCode()).isEqualTo(400);
	}

	private String status(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).get("status").asString();
	}

	private String lotJson(String title) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return lotJson(title, now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofDays(1)));
	}

	private static String lotJson(String title, Instant startsAt, Instant endsAt) {
		return """
				{"title": "%s", "description": "Made over the API.", "currency": "EUR", "startPrice": 1.00,
				 "startsAt": "%s", "endsAt": "%s"}""".formatted(title, startsAt, endsAt);
	}

}
