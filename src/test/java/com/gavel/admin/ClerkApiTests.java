package com.gavel.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clerk's console over JSON on the real server: only admins run it; each call answers with
 * the console's state, a refusal with a problem whose reason a console can show; the public room
 * follows along; every call is in the audit log with the clerk's name.
 */
@GavelSpringBootTest
class ClerkApiTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	private ApiClient api;

	private Instant start;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.start = this.clock.advanceToWholeSecond().plus(Duration.ofMinutes(10));
	}

	@Test
	void aClerkRunsALotFromUpToHammerAndTheRoomFollows() {
		long sale = openLiveSale();
		String base = "/api/admin/sales/" + sale + "/live";
		Account bidder = TestAccounts.newBidder(this.accounts, "online");
		assertThat(this.api.post(base + "/up", Login.of(bidder), "{\"lotNumber\":1}").statusCode()).isEqualTo(403);
		assertThat(this.api.get(base, ApiClient.ANONYMOUS).statusCode()).isEqualTo(401);

		JsonNode refused = problem(this.api.post(base + "/hammer", Login.admin(), ""), 409);
		assertThat(refused.get("reason").asString()).isEqualTo("no-lot-up");
		assertThat(problem(this.api.post(base + "/up", Login.admin(), "{\"lotNumber\":0}"), 400).get("reason")
			.asString()).isEqualTo("invalid-request");

		JsonNode up = ok(this.api.post(base + "/up", Login.admin(), "{\"lotNumber\":1}"));
		assertThat(up.at("/room/current/lotNumber").asInt()).isEqualTo(1);
		assertThat(up.at("/room/current/live").asBoolean()).isTrue();
		assertThat(ok(this.api.get("/api/sales/" + sale + "/live", ApiClient.ANONYMOUS)).at("/current/lotNumber").asInt())
			.isEqualTo(1);

		JsonNode floor = ok(this.api.post(base + "/floor-bids", Login.admin(),
				"{\"paddle\":21,\"requestId\":\"" + UUID.randomUUID() + "\"}"));
		assertThat(floor.get("accepted").asBoolean()).isTrue();
		assertThat(floor.get("price").asString()).isEqualTo("100.00");
		JsonNode low = problem(this.api.post(base + "/floor-bids", Login.admin(),
				"{\"paddle\":22,\"amount\":\"100.00\",\"requestId\":\"" + UUID.randomUUID() + "\"}"), 422);
		assertThat(low.get("reason").asString()).isEqualTo("below-minimum");
		assertThat(low.at("/lot/ask").asString()).isEqualTo("102.50");

		JsonNode warned = ok(this.api.post(base + "/fair-warning", Login.admin(), ""));
		assertThat(warned.at("/room/current/fairWarningEndsAt").asString()).isEqualTo(this.clock.instant()
			.plusSeconds(5)
			.toString());
		assertThat(warned.at("/clerk/leader").asString()).isEqualTo("Paddle 21");
		JsonNode running = problem(this.api.post(base + "/hammer", Login.admin(), ""), 409);
		assertThat(running.get("reason").asString()).isEqualTo("fair-warning-running");
		assertThat(running.get("detail").asString()).contains("5 s left");

		this.clock.moveTo(this.clock.instant().plusSeconds(5));
		JsonNode hammered = ok(this.api.post(base + "/hammer", Login.admin(), ""));
		assertThat(hammered.at("/room/current").isNull()).isTrue();
		assertThat(hammered.at("/room/lots/0/outcome").asString()).isEqualTo("sold");
		assertThat(hammered.at("/room/next/0/lotNumber").asInt()).isEqualTo(2);

		assertThat(this.jdbc.queryForList("select action from audit_entry where detail like ? order by id", String.class,
				"sale " + sale + "%")).contains("lot-up", "floor-bid", "fair-warning", "lot-hammered");
	}

	@Test
	void aTimedSaleHasNoRoomAndNoConsole() {
		long timed = ok(this.api.post("/api/admin/sales", Login.admin(), saleJson("timed"))).get("id").asLong();
		assertThat(this.api.get("/api/admin/sales/" + timed + "/live", Login.admin()).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/sales/" + timed + "/live", ApiClient.ANONYMOUS).statusCode()).isEqualTo(404);
	}

	private long openLiveSale() {
		long id = ok(this.api.post("/api/admin/sales", Login.admin(), saleJson("live"))).get("id").asLong();
		for (int n = 1; n <= 2; n++) {
			ok(this.api.post("/api/admin/sales/" + id + "/lots/new", Login.admin(), """
					{"title":"Lot %d","description":"","lotNumber":%d,"startPrice":"100"}""".formatted(n, n)));
		}
		ok(this.api.post("/api/admin/sales/" + id + "/schedule", Login.admin(), ""));
		ok(this.api.post("/api/admin/sales/" + id + "/open", Login.admin(), ""));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "open".equals(ok(this.api.get("/api/sales/" + id + "/live", ApiClient.ANONYMOUS)).at(
					"/lots/1/status").asString()));
		return id;
	}

	private String saleJson(String kind) {
		return """
				{"title":"Clerk %s","description":"","currency":"EUR","kind":"%s","startsAt":"%s",
				 "firstLotEndsAt":"%s","intervalSeconds":60,"groupSoftClose":false,"buyersPremium":"20","tax":"0",
				 "paymentText":"Pay at the desk.","collectionText":"Collect tomorrow."}"""
			.formatted(UUID.randomUUID(), kind, this.start, this.start.plus(Duration.ofHours(1)));
	}

	private JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		return this.json.readTree(response.body());
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

}
