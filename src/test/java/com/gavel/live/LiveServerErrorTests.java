package com.gavel.live;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.account.Account;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * A failure nobody expected (here the database going away under the engine or the catalog) is
 * answered like any refusal, and the socket stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-server-errors;DB_CLOSE_DELAY=-1" })
class LiveServerErrorTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@MockitoSpyBean
	AuctionEngine spiedEngine;

	@MockitoSpyBean
	AuctionCatalog spiedCatalog;

	@AfterEach
	void backToNormal() {
		reset(this.spiedEngine, this.spiedCatalog);
	}

	@Test
	void aBidThatFailsUnexpectedlyGetsAServerErrorResultAndTheSocketStays() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		String failing = newId();
		doThrow(new DataAccessResourceFailureException("the database went away")).when(this.spiedEngine)
			.placeBid(argThat((request) -> request != null && failing.equals(request.requestId())));
		try (LiveTestClient client = connect(ada)) {
			client.send(bid(lot.id(), failing, "10.00"));
			JsonNode result = client.await("bid-result", (r) -> r.path("requestId").asString().equals(failing), WAIT);
			assertThat(result.path("accepted").asBoolean()).isFalse();
			assertThat(result.path("reason").asString()).isEqualTo("server-error");
			assertThat(result.path("lot").asLong()).isEqualTo(lot.id());
			assertThat(result.path("message").asString()).isNotBlank();

			assertThat(client.isClosed()).isFalse();
			roundTrip(client);
			String next = newId();
			client.send(bid(lot.id(), next, "10.00"));
			assertThat(client.await("bid-result", (r) -> r.path("requestId").asString().equals(next), WAIT)
				.path("accepted")
				.asBoolean()).isTrue();
		}
	}

	/** The same outage through the API: a problem saying to try again, not a bare server error. */
	@Test
	void aRestBidDuringADatabaseOutageIsAnsweredUnavailableWithRetryAfter() {
		LotView lot = openLot();
		Account ben = bidder("ben");
		String failing = newId();
		doThrow(new DataAccessResourceFailureException("the database went away")).when(this.spiedEngine)
			.placeBid(argThat((request) -> request != null && failing.equals(request.requestId())));
		ApiClient api = new ApiClient(this.port);

		HttpResponse<String> refused = api.post("/api/lots/" + lot.id() + "/bids", new ApiClient.Login(ben.username(), PASSWORD),
				"{\"requestId\":\"" + failing + "\",\"amount\":\"10.00\"}");

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(refused.body()).path("reason").asString()).isEqualTo("unavailable");

		reset(this.spiedEngine);
		HttpResponse<String> again = api.post("/api/lots/" + lot.id() + "/bids", new ApiClient.Login(ben.username(), PASSWORD),
				"{\"requestId\":\"" + failing + "\",\"amount\":\"10.00\"}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
	}

	@Test
	void aSubscribeThatFailsUnexpectedlyGetsAServerErrorAndCanBeAskedAgain() {
		LotView lot = openLot();
		doThrow(new DataAccessResourceFailureException("the database went away")).when(this.spiedCatalog)
			.lot(eq(lot.id()));
		try (LiveTestClient client = connectAnonymous()) {
			client.send(subscribe(lot.id()));
			JsonNode error = client.await("error", (e) -> e.path("code").asString().equals("server-error"), WAIT);
			assertThat(error.path("message").asString()).contains(Long.toString(lot.id()));
			assertThat(client.isClosed()).isFalse();

			reset(this.spiedCatalog);
			client.send(subscribe(lot.id()));
			assertThat(client.await("snapshot").path("lot").path("id").asLong()).isEqualTo(lot.id());
		}
	}

	@Test
	void anyOtherMessageThatFailsUnexpectedlyGetsAServerErrorAndTheSocketStays() {
		doThrow(new DataAccessResourceFailureException("the database went away")).when(this.spiedCatalog)
			.lots(any());
		try (LiveTestClient admin = LiveTestClient.connect(this.port, "admin", "admin-password-1")) {
			admin.await("hello");
			admin.send(Map.of("type", "subscribe-ops"));
			assertThat(admin.await("error", (e) -> e.path("code").asString().equals("server-error"), WAIT)).isNotNull();
			assertThat(admin.isClosed()).isFalse();
			roundTrip(admin);
		}
	}

}
