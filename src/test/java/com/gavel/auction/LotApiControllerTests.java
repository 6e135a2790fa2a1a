package com.gavel.auction;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.ApiClient;
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
 * The public JSON API over real HTTP on the embedded server: reading lots, their history and
 * their event log anonymously, bidding with HTTP Basic, and every refusal as an RFC 9457 problem
 * with a machine-readable {@code reason}.
 */
@GavelSpringBootTest
class LotApiControllerTests {

	@LocalServerPort
	private int port;

	private ApiClient api;

	@Autowired
	private JsonMapper json;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	private Account ada;

	private Account ben;

	@BeforeEach
	void bidders() {
		this.api = new ApiClient(this.port);
		this.ada = TestAccounts.newBidder(this.accounts, "ada");
		this.ben = TestAccounts.newBidder(this.accounts, "ben");
	}

	// ---- reading ----------------------------------------------------------------------------

	@Test
	void listsPublicLotsByStatus() {
		long open = openLot();
		Instant now = this.clock.instant();
		LotTerms later = LotTerms.of("EUR", "1.00").running(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
		long scheduled = this.engine.createLot(later.spec()).id();
		this.engine.schedule(scheduled);
		long draft = lot();

		assertThat(ids(get("/api/lots?status=open", null))).contains(open).doesNotContain(scheduled, draft);
		assertThat(ids(get("/api/lots?status=scheduled", null))).contains(scheduled).doesNotContain(open, draft);
		assertThat(ids(get("/api/lots?status=open,scheduled", null))).contains(open, scheduled).doesNotContain(draft);
		assertThat(ids(get("/api/lots", null))).contains(open, scheduled).doesNotContain(draft);
		// Drafts stay hidden even when asked for by name.
		assertThat(ids(get("/api/lots?status=draft", null))).doesNotContain(draft);

		HttpResponse<String> bogus = get("/api/lots?status=bogus", null);
		assertProblem(bogus, 400, "invalid-request");
	}

	@Test
	void showsOneLotWithItsTerms() {
		long lot = openLot();
		HttpResponse<String> response = get("/api/lots/" + lot, null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("lot").get("id").asLong()).isEqualTo(lot);
		assertThat(body.get("lot").get("status").asString()).isEqualTo("open");
		assertThat(body.get("lot").get("ask").asString()).isEqualTo("1.00");
		assertThat(body.get("startPrice").asString()).isEqualTo("1.00");
		assertThat(body.get("description").asString()).isEqualTo("A lot made by a test.");
		assertThat(response.body()).doesNotContain("reservePrice", "leaderMax", "leaderId");
	}

	@Test
	void draftsAndMissingLotsAreNotFound() {
		long draft = lot();
		assertProblem(get("/api/lots/" + draft, null), 404, "lot-not-found");
		assertProblem(get("/api/lots/987654321", null), 404, "lot-not-found");
		assertProblem(get("/api/lots/" + draft + "/bids", null), 404, "lot-not-found");
		assertProblem(bid(draft, this.ada, "{\"requestId\":\"d-1\",\"amount\":1.00}"), 404, "lot-not-found");
	}

	@Test
	void historyShowsAliasesNeverNames() {
		long lot = openLot();
		assertThat(bid(lot, this.ada, body("1.00", null)).statusCode()).isEqualTo(200);
		assertThat(bid(lot, this.ben, body(null, "9.00")).statusCode()).isEqualTo(200);
		assertThat(bid(lot, this.ada, body("2.00", null)).statusCode()).isEqualTo(200);

		HttpResponse<String> history = get("/api/lots/" + lot + "/bids", null);
		assertThat(history.statusCode()).isEqualTo(200);
		JsonNode rows = this.json.readTree(history.body());
		List<String> bidders = new ArrayList<>();
		rows.forEach((row) -> bidders.add(row.get("bidder").asString()));
		assertThat(bidders).containsExactly("Bidder 2", "Bidder 1", "Bidder 2", "Bidder 1");
		// Ben's proxy answered Ada's 2.00 at 2.25: a row of its own, on top, the lot's price and leader.
		assertThat(rows.get(0).get("kind").asString()).isEqualTo("automatic");
		assertThat(rows.get(0).get("amount").asString()).isEqualTo("2.25");
		assertThat(rows.get(0).get("id").isNull()).isTrue();
		JsonNode state = this.json.readTree(get("/api/lots/" + lot, null).body()).get("lot");
		assertThat(state.get("price").asString()).isEqualTo("2.25");
		assertThat(state.get("leader").asString()).isEqualTo("Bidder 2");
		// Ada's own beaten bid shows as what she bid.
		assertThat(rows.get(1).get("kind").asString()).isEqualTo("bid");
		assertThat(rows.get(1).get("amount").asString()).isEqualTo("2.00");

		for (String path : List.of("/api/lots/" + lot + "/bids", "/api/lots/" + lot, "/api/lots/" + lot + "/events",
				"/api/lots?status=open")) {
			String body = path.startsWith("/api/lots?") ? ofThisLot(get(path, null).body(), lot) : get(path, null).body();
			for (Account bidder : List.of(this.ada, this.ben)) {
				assertThat(body).as(path).doesNotContain(bidder.username(), bidder.email());
			}
			assertThat(body).as(path).doesNotContain("bidderId", "userId", "9.00");
		}
	}

	/** The catalogue lists other tests' lots too, whose prices may hold any digits: keep this lot's entry. */
	private String ofThisLot(String body, long lot) {
		for (JsonNode entry : this.json.readTree(body)) {
			if (entry.get("id").asLong() == lot) {
				return entry.toString();
			}
		}
		throw new AssertionError("lot " + lot + " is not listed: " + body);
	}

	@Test
	void theEventLogCanBeReadFromASequence() {
		long lot = openLot();
		bid(lot, this.ada, body("1.00", null));
		bid(lot, this.ben, body("1.25", null));

		JsonNode all = this.json.readTree(get("/api/lots/" + lot + "/events", null).body());
		JsonNode later = this.json.readTree(get("/api/lots/" + lot + "/events?after=2", null).body());

		assertThat(all).hasSize(3);
		assertThat(all.get(0).get("kind").asString()).isEqualTo("opened");
		assertThat(later).hasSize(1);
		assertThat(later.get(0).get("seq").asLong()).isEqualTo(3);
		assertThat(later.get(0).get("lot").get("price").asString()).isEqualTo("1.25");
	}

	// ---- bidding ----------------------------------------------------------------------------

	@Test
	void aBidIsAnsweredWithItsResult() {
		long lot = openLot();
		String requestId = "api-" + UUID.randomUUID();
		HttpResponse<String> response = bid(lot, this.ada,
				"{\"requestId\":\"" + requestId + "\",\"amount\":1.00,\"maximum\":5.00}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = this.json.readTree(response.body());
		assertThat(result.get("accepted").asBoolean()).isTrue();
		assertThat(result.get("leading").asBoolean()).isTrue();
		assertThat(result.get("requestId").asString()).isEqualTo(requestId);
		assertThat(result.get("price").asString()).isEqualTo("1.00");
		assertThat(result.get("alias").asString()).isEqualTo("Bidder 1");
		assertThat(result.get("sequence").asLong()).isEqualTo(2);
		assertThat(result.get("lot").get("ask").asString()).isEqualTo("1.25");

		// The same request again: the same answer, no second bid.
		HttpResponse<String> retry = bid(lot, this.ada,
				"{\"requestId\":\"" + requestId + "\",\"amount\":1.00,\"maximum\":5.00}");
		assertThat(this.json.readTree(retry.body()).get("bidId")).isEqualTo(result.get("bidId"));
		assertThat(this.json.readTree(get("/api/lots/" + lot + "/bids", null).body())).hasSize(1);
	}

	@Test
	void buyNowClosesTheLot() {
		long lot = openLot(LotTerms.of("EUR", "1.00").withBuyNow("80.00"));
		HttpResponse<String> response = post("/api/lots/" + lot + "/buy-now", this.ada, "{\"requestId\":\"bn-1\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode lotView = this.json.readTree(response.body()).get("lot");
		assertThat(lotView.get("status").asString()).isEqualTo("closed");
		assertThat(lotView.get("price").asString()).isEqualTo("80.00");
		assertProblem(post("/api/lots/" + lot + "/buy-now", this.ben, "{\"requestId\":\"bn-2\"}"), 409,
				"lot-closed");
	}

	@Test
	void refusedBidsAreProblemDetailsWithAReason() {
		long lot = openLot();
		bid(lot, this.ada, body("2.00", null));

		HttpResponse<String> tooLow = bid(lot, this.ben, body("2.00", null));
		JsonNode problem = assertProblem(tooLow, 422, "below-minimum");
		assertThat(problem.get("title").asString()).isEqualTo("Bid not accepted");
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("requestId").asString()).isNotBlank();
		assertThat(problem.get("lot").get("ask").asString()).isEqualTo("2.25");

		assertProblem(bid(lot, this.ada, body("3.00", null)), 409, "self-outbid");
		assertProblem(bid(lot, this.ada, body(null, "1.50")), 409, "maximum-not-raised");
		assertProblem(bid(lot, this.ben, body("2.255", null)), 400, "invalid-amount");

		this.accounts.setBanned(this.ben.id(), true);
		assertProblem(bid(lot, this.ben, body("5.00", null)), 403, "banned");

		this.engine.pause(lot);
		assertProblem(bid(lot, this.ada, body(null, "9.00")), 409, "lot-paused");
		this.engine.resume(lot);
		this.engine.closeNow(lot);
		assertProblem(bid(lot, this.ada, body(null, "9.00")), 409, "lot-closed");
	}

	@Test
	void aBidAfterTheEndIsRefusedEvenBeforeTheSchedulerClosesIt() {
		Instant now = this.clock.advanceToWholeSecond();
		long lot = this.engine
			.createLot(LotTerms.of("EUR", "1.00").running(now, now.plus(Duration.ofMinutes(1))).spec())
			.id();
		this.engine.openNow(lot);
		this.clock.advance(Duration.ofMinutes(1));
		assertProblem(bid(lot, this.ada, body("1.00", null)), 409, "lot-closed");
	}

	@Test
	void anonymousBidsAreUnauthorized() {
		long lot = openLot();
		assertThat(bid(lot, null, body("1.00", null)).statusCode()).isEqualTo(401);
		assertThat(post("/api/lots/" + lot + "/buy-now", null, "{\"requestId\":\"anon-1\"}").statusCode())
			.isEqualTo(401);
		HttpResponse<String> wrongPassword = this.api.post("/api/lots/" + lot + "/bids",
				new ApiClient.Login(this.ada.username(), "not-the-password"), body("1.00", null));
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(get("/api/lots/" + lot + "/bids", null).body())).isEmpty();
	}

	@Test
	void malformedRequestsAreBadRequestProblems() {
		long lot = openLot();
		assertProblem(bid(lot, this.ada, "{\"requestId\": \"x\", \"amount\": "), 400, "invalid-request");
		assertProblem(bid(lot, this.ada, "{\"requestId\": \"x\", \"amount\": \"lots\"}"), 400, "invalid-amount");
		JsonNode missingId = assertProblem(bid(lot, this.ada, "{\"amount\": 1.00}"), 400, "invalid-request");
		assertThat(missingId.get("detail").asString()).contains("requestId");
		assertProblem(bid(lot, this.ada, "{\"requestId\": \"x\"}"), 400, "invalid-request");
		assertProblem(bid(lot, this.ada, "{\"requestId\": \"not ok!\", \"amount\": 1.00}"), 400, "invalid-request");
		HttpResponse<String> notJson = this.api.post("/api/lots/" + lot + "/bids", ApiClient.Login.of(this.ada),
				"text/plain", "1.00");
		assertThat(notJson.statusCode()).isEqualTo(415);
		assertThat(this.json.readTree(get("/api/lots/" + lot + "/bids", null).body())).isEmpty();
	}

	// ---- helpers ----------------------------------------------------------------------------

	private long lot() {
		return lot(LotTerms.of("EUR", "1.00"));
	}

	private long lot(LotTerms terms) {
		Instant now = this.clock.instant();
		return this.engine.createLot(terms.running(now, now.plus(Duration.ofHours(1))).spec()).id();
	}

	private long openLot() {
		return openLot(LotTerms.of("EUR", "1.00"));
	}

	private long openLot(LotTerms terms) {
		long id = lot(terms);
		this.engine.openNow(id);
		return id;
	}

	private static String body(String amount, String maximum) {
		StringBuilder body = new StringBuilder("{\"requestId\":\"" + UUID.randomUUID() + "\"");
		if (amount != null) {
			body.append(",\"amount\":").append(amount);
		}
		if (maximum != null) {
			body.append(",\"maximum\":").append(maximum);
		}
		return body.append('}').toString();
	}

	private HttpResponse<String> bid(long lot, Account bidder, String body) {
		return post("/api/lots/" + lot + "/bids", bidder, body);
	}

	private HttpResponse<String> post(String path, Account user, String body) {
		return this.api.post(path, user == null ? ApiClient.ANONYMOUS : ApiClient.Login.of(user), body);
	}

	private HttpResponse<String> get(String path, Account user) {
		return this.api.get(path, user == null ? ApiClient.ANONYMOUS : ApiClient.Login.of(user));
	}

	private List<Long> ids(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		this.json.readTree(response.body()).forEach((lot) -> ids.add(lot.get("id").asLong()));
		return ids;
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("reason").asString()).isEqualTo(reason);
		return problem;
	}

}
