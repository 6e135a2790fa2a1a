package com.gavel.auction;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.ApiClient;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bid intake makes of what REST clients send: amounts in plain decimals only, refused in
 * bounded time whatever they hold (so nothing freezes a lot), request ids that cannot mislead, the
 * bidder's rate limit, and the arrival time in every answer.
 */
@GavelSpringBootTest
class BidIntakeApiTests {

	@LocalServerPort
	private int port;

	private ApiClient api;

	@Autowired
	private JsonMapper json;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

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

	@Test
	void aHugeExponentIsAnInvalidAmountAtOnceAndNeverHoldsUpAnotherBidOnTheLot() throws Exception {
		long lot = openLot();
		// Both as a string and as a bare JSON number: read as text, never expanded into digits.
		CompletableFuture<HttpResponse<String>> asText = CompletableFuture
			.supplyAsync(() -> bid(lot, this.ada, "\"1E-50000000\"", null));
		CompletableFuture<HttpResponse<String>> asNumber = CompletableFuture
			.supplyAsync(() -> bid(lot, this.ada, "1E-50000000", null));
		CompletableFuture<HttpResponse<String>> maximum = CompletableFuture
			.supplyAsync(() -> bid(lot, this.ada, null, "\"9e99999999\""));
		long start = System.nanoTime();
		HttpResponse<String> honest = bid(lot, this.ben, "\"1.00\"", null);

		assertThat(honest.statusCode()).as(honest.body()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the honest bid is decided promptly")
			.isLessThan(Duration.ofSeconds(5));
		for (CompletableFuture<HttpResponse<String>> hostile : List.of(asText, asNumber, maximum)) {
			assertProblem(hostile.get(5, TimeUnit.SECONDS), 400, "invalid-amount");
		}
		assertThat(this.catalog.lot(lot).orElseThrow().price()).isEqualTo("1.00");
		assertThat(this.catalog.history(lot)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1e2\"", "1e2", "\"１２\"", "\"١٢\"", "\"12.345\"", "\"-5\"", "-5", "\"0\"", "0",
			"\"0.00\"", "\"+5\"", "\"1,000\"", "\"1 000\"", "\"12.\"", "\".5\"", "\"1234567890123\"",
			"\"0x10\"", "\"NaN\"", "\"Infinity\"", "\"\"", "\" \"", "\"12.50.1\"", "\"12.5€\"" })
	void anythingButAPlainPositiveDecimalIsAnInvalidAmountAndChangesNothing(String amount) {
		long lot = openLot();
		long sequence = this.catalog.lot(lot).orElseThrow().sequence();
		HttpResponse<String> response = bid(lot, this.ada, amount, null);

		JsonNode problem = assertProblem(response, 400, "invalid-amount");
		assertThat(problem.get("arrivedAt").asString()).isNotBlank();
		LotView view = this.catalog.lot(lot).orElseThrow();
		assertThat(view.bids()).isZero();
		assertThat(view.sequence()).isEqualTo(sequence);
		assertThat(this.catalog.history(lot)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"12.50\"", "12.50", "\"12\"", "12", "\" 12.5 \"", "\"000012.5\"" })
	void plainDecimalsAsTextOrNumbersAreBids(String amount) {
		long lot = openLot();
		HttpResponse<String> response = bid(lot, this.ada, amount, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("price").asString()).isIn("12.50", "12.00");
		assertThat(Instant.parse(body.get("arrivedAt").asString())).isEqualTo(
				this.catalog.history(lot).get(0).at());
	}

	@Test
	void theSameRequestIdForOtherTermsIsRefusedAsReusedAndChangesNothing() {
		long lot = openLot();
		long other = openLot();
		String requestId = UUID.randomUUID().toString();
		HttpResponse<String> first = post("/api/lots/" + lot + "/bids", this.ada,
				"{\"requestId\":\"" + requestId + "\",\"amount\":\"2.00\"}");
		HttpResponse<String> retry = post("/api/lots/" + lot + "/bids", this.ada,
				"{\"requestId\":\"" + requestId + "\",\"amount\":\"2.00\"}");
		HttpResponse<String> higher = post("/api/lots/" + lot + "/bids", this.ada,
				"{\"requestId\":\"" + requestId + "\",\"amount\":\"3.00\"}");
		HttpResponse<String> elsewhere = post("/api/lots/" + other + "/bids", this.ada,
				"{\"requestId\":\"" + requestId + "\",\"amount\":\"2.00\"}");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(retry.body()).get("bidId").asLong())
			.isEqualTo(this.json.readTree(first.body()).get("bidId").asLong());
		assertProblem(higher, 409, "request-id-reused");
		assertProblem(elsewhere, 409, "request-id-reused");
		assertThat(this.catalog.lot(lot).orElseThrow().price()).isEqualTo("2.00");
		assertThat(this.catalog.lot(other).orElseThrow().bids()).isZero();
	}

	@Test
	void aBidderWhoSendsTooManyBidsIsToldToSlowDown() throws Exception {
		long lot = openLot();
		// Signed in once, as a browser is, so that no password check paces the bids: the default
		// allowance is 10 at once and 5 a second after, and 40 bids back to back cannot all pass.
		HttpClient browser = FormSignIn.signIn(base(), this.ada.username(), TestAccounts.PASSWORD);
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			responses.add(browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/lots/" + lot + "/bids"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"requestId\":\"flood-" + i + "\",\"maximum\":\"" + (100 + i) + ".00\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}

		List<HttpResponse<String>> limited = responses.stream().filter((r) -> r.statusCode() == 429).toList();
		assertThat(limited).isNotEmpty();
		JsonNode problem = assertProblem(limited.get(0), 429, "rate-limited");
		assertThat(problem.get("detail").asString()).contains("slow down");
		assertThat(limited.get(0).headers().firstValue("Retry-After")).hasValue("1");
		assertThat(responses.stream().filter((r) -> r.statusCode() == 200).count()).isGreaterThanOrEqualTo(10);
		// Another bidder is not held back by it.
		assertThat(bid(lot, this.ben, "\"500.00\"", null).statusCode()).isEqualTo(200);
	}

	@Test
	void malformedRequestIdsAreBadRequestsOnTheOnePathForAll() {
		long lot = openLot();
		for (String requestId : new String[] { "\"\"", "\"has space\"", "\"" + "x".repeat(65) + "\"", "null",
				"\"semi;colon\"" }) {
			assertProblem(post("/api/lots/" + lot + "/bids", this.ada,
					"{\"requestId\":" + requestId + ",\"amount\":\"1.00\"}"), 400, "invalid-request");
		}
		assertThat(this.catalog.history(lot)).isEmpty();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private long openLot() {
		Instant now = this.clock.instant();
		long id = this.engine.createLot(LotTerms.of("EUR", "1.00").running(now, now.plus(Duration.ofHours(1))).spec())
			.id();
		this.engine.openNow(id);
		return id;
	}

	private HttpResponse<String> bid(long lot, Account bidder, String amount, String maximum) {
		StringBuilder body = new StringBuilder("{\"requestId\":\"" + UUID.randomUUID() + "\"");
		if (amount != null) {
			body.append(",\"amount\":").append(amount);
		}
		if (maximum != null) {
			body.append(",\"maximum\":").append(maximum);
		}
		return post("/api/lots/" + lot + "/bids", bidder, body.append('}').toString());
	}

	private HttpResponse<String> post(String path, Account user, String body) {
		return this.api.post(path, ApiClient.Login.of(user), body);
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("reason").asString()).isEqualTo(reason);
		return problem;
	}

}
