package com.gavel.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Socket bids go through the same intake as REST: the same reading of amounts and request ids,
 * the same reasons, bounded in time whatever the input, and the arrival time in every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-channel;DB_CLOSE_DELAY=-1" })
class LiveBidIntakeTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private JsonMapper json;

	@Test
	void aHugeExponentIsAnInvalidAmountAtOnceAndAnotherBidderIsDecidedMeanwhile() {
		LotView lot = openLot();
		Account hostile = bidder("hostile");
		Account honest = bidder("honest");
		try (LiveTestClient attacker = connect(hostile); LiveTestClient bidder = connect(honest)) {
			attacker.send(Map.of("type", "bid", "lot", lot.id(), "requestId", "huge-1", "amount", "1E-50000000"));
			attacker.send("{\"type\":\"bid\",\"lot\":" + lot.id()
					+ ",\"requestId\":\"huge-2\",\"maximum\":1E-50000000}");
			bidder.send(bid(lot.id(), "honest-1", "10.00"));

			JsonNode accepted = bidder.await("bid-result", (m) -> m.path("requestId").asString().equals("honest-1"),
					WAIT);
			assertThat(accepted.path("accepted").asBoolean()).isTrue();
			for (String requestId : new String[] { "huge-1", "huge-2" }) {
				JsonNode refused = attacker.await("bid-result",
						(m) -> m.path("requestId").asString().equals(requestId), WAIT);
				assertThat(refused.path("accepted").asBoolean()).isFalse();
				assertThat(refused.path("reason").asString()).isEqualTo("invalid-amount");
				assertThat(refused.path("arrivedAt").asString()).isNotBlank();
			}
			assertThat(attacker.isClosed()).isFalse();
		}
		assertThat(this.catalog.lot(lot.id()).orElseThrow().price()).isEqualTo("10.00");
	}

	@Test
	void theSameAmountsAreRefusedAsOnTheRestPath() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient client = connect(ada)) {
			String[] invalid = { "1e2", "１２", "12.345", "-5", "0", "+5", "1,000", "12.", ".5", "1234567890123",
					"NaN", "" };
			for (int i = 0; i < invalid.length; i++) {
				client.send(bid(lot.id(), "bad-" + i, invalid[i]));
				String requestId = "bad-" + i;
				JsonNode result = client.await("bid-result", (m) -> m.path("requestId").asString().equals(requestId),
						WAIT);
				assertThat(result.path("reason").asString()).as(invalid[i]).isEqualTo("invalid-amount");
			}
			client.send(bid(lot.id(), "good-1", "12.50"));
			JsonNode good = client.await("bid-result", (m) -> m.path("requestId").asString().equals("good-1"), WAIT);
			assertThat(good.path("accepted").asBoolean()).isTrue();
			assertThat(Instant.parse(good.path("arrivedAt").asString()))
				.isEqualTo(this.catalog.history(lot.id()).get(0).at());
		}
	}

	@Test
	void aSocketBidsReceiptAgreesWithTheEventItCausedAndARetryGetsItAgain() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient client = connect(ada)) {
			client.send(maximum(lot.id(), "receipted-1", "30.00"));
			JsonNode result = client.await("bid-result", (m) -> m.path("requestId").asString().equals("receipted-1"),
					WAIT);
			JsonNode receipt = result.path("receipt");
			long seq = receipt.path("sequence").asLong();
			assertThat(seq).isEqualTo(result.path("sequence").asLong());
			assertThat(receipt.path("lotId").asLong()).isEqualTo(lot.id());

			// The lot's exported log, as anyone fetches it: the event before the bid and the bid's own.
			List<String> log = this.catalog.chainedEventsAfter(lot.id(), seq - 2, 10).orElseThrow();
			JsonNode before = this.json.readTree(log.get(0));
			JsonNode event = this.json.readTree(log.get(1));
			assertThat(event.path("seq").asLong()).isEqualTo(seq);
			assertThat(event.path("kind").asString()).isEqualTo("bid");
			assertThat(receipt.path("hash").asString()).isEqualTo(event.path("hash").asString()).hasSize(64);
			Instant arrived = Instant.parse(receipt.path("arrivedAt").asString());
			assertThat(arrived).isEqualTo(Instant.parse(event.path("at").asString()))
				.isEqualTo(Instant.parse(result.path("arrivedAt").asString()));
			Instant end = Instant.parse(receipt.path("endsAt").asString());
			assertThat(end).isEqualTo(Instant.parse(before.path("lot").path("endsAt").asString()));
			assertThat(receipt.path("beforeEndMs").asLong()).isEqualTo(Duration.between(arrived, end).toMillis());

			client.send(maximum(lot.id(), "receipted-1", "30.00"));
			JsonNode again = client.await("bid-result",
					(m) -> m.path("requestId").asString().equals("receipted-1"), WAIT);
			assertThat(again.path("receipt")).isEqualTo(receipt);

			client.send(bid(lot.id(), "refused-1", "5.00"));
			JsonNode refused = client.await("bid-result", (m) -> m.path("requestId").asString().equals("refused-1"),
					WAIT);
			assertThat(refused.has("receipt")).isFalse();
			assertThat(refused.path("arrivedAt").asString()).isNotBlank();
		}
	}

	@Test
	void aRequestIdReusedForAnotherBidIsRefusedOverTheSocketToo() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient client = connect(ada)) {
			client.send(bid(lot.id(), "same-id", "10.00"));
			assertThat(client.await("bid-result", (m) -> m.path("accepted").asBoolean(), WAIT)).isNotNull();
			client.send(bid(lot.id(), "same-id", "20.00"));
			JsonNode reused = client.await("bid-result", (m) -> !m.path("accepted").asBoolean(), WAIT);
			assertThat(reused.path("reason").asString()).isEqualTo("request-id-reused");
		}
		assertThat(this.catalog.lot(lot.id()).orElseThrow().price()).isEqualTo("10.00");
	}

	@Test
	void aMalformedRequestIdIsAnErrorAndTheSocketStays() {
		LotView lot = openLot();
		try (LiveTestClient client = connect(bidder("ada"))) {
			client.send(bid(lot.id(), "has spaces", "10.00"));
			JsonNode error = client.await("error");
			assertThat(error.path("code").asString()).isEqualTo("invalid-request");
			assertThat(error.path("message").asString()).contains("requestId");
			client.send(Map.of("type", "ping", "t", 1));
			assertThat(client.await("pong")).isNotNull();
		}
	}

}
