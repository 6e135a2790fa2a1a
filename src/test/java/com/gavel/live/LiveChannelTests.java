package com.gavel.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.LotView;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-channel;DB_CLOSE_DELAY=-1" })
class LiveChannelTests extends LiveTestSupport {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private static final Duration WAIT = Duration.ofSeconds(5);

	/**
	 * Browsers offer permessage-deflate; the server declines it, so every frame goes out plain
	 * (encoded once for all watchers, no compressor kept per socket).
	 */
	@Test
	void aClientOfferingCompressionGetsPlainFrames() throws IOException {
		try (RawWebSocket ws = RawWebSocket.openOffering(this.port, "permessage-deflate; client_max_window_bits")) {
			assertThat(ws.handshakeHeader("Sec-WebSocket-Extensions")).isNull();
			assertThat(ws.readText()).contains("\"type\":\"hello\"");
		}
	}

	@Test
	void greetsWithTheUserAndTheSubprotocol() {
		Account ada = bidder("ada");
		try (LiveTestClient client = LiveTestClient.connect(this.port, ada.username(), PASSWORD)) {
			assertThat(client.subprotocol()).isEqualTo("gavel.v1");
			JsonNode hello = client.await("hello");
			assertThat(hello.path("user").asString()).isEqualTo(ada.username());
			assertThat(hello.path("canBid").asBoolean()).isTrue();
		}
		try (LiveTestClient anonymous = LiveTestClient.connect(this.port, null, null)) {
			JsonNode hello = anonymous.await("hello");
			assertThat(hello.path("user").isNull()).isTrue();
			assertThat(hello.path("canBid").asBoolean()).isFalse();
		}
	}

	@Test
	void subscribingSendsASnapshotThenEveryEventInSequence() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		try (LiveTestClient watcher = connectAnonymous()) {
			watcher.send(subscribe(lot.id()));
			JsonNode snapshot = watcher.await("snapshot");
			assertThat(snapshot.path("lot").path("id").asLong()).isEqualTo(lot.id());
			assertThat(snapshot.path("lot").path("ask").asString()).isEqualTo("10.00");
			long seq = snapshot.path("lot").path("sequence").asLong();

			restBid(ada, lot.id(), "10.00");
			restBid(ben, lot.id(), "12.00");

			JsonNode first = watcher.await("event", (e) -> e.path("seq").asLong() == seq + 1, WAIT);
			assertThat(first.path("kind").asString()).isEqualTo("bid");
			assertThat(first.path("lot").path("price").asString()).isEqualTo("10.00");
			JsonNode second = watcher.await("event", (e) -> e.path("seq").asLong() == seq + 2, WAIT);
			assertThat(second.path("lot").path("price").asString()).isEqualTo("12.00");
			assertThat(second.path("detail").path("bidder").asString()).startsWith("Bidder ");
			assertThat(second.toString()).doesNotContain(ben.username()).doesNotContain(ben.email());
		}
	}

	@Test
	void bidsOverTheSocketAreAnsweredAndSeenByWatchers() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient bidder = connect(ada); LiveTestClient watcher = connectAnonymous()) {
			watcher.send(subscribe(lot.id()));
			watcher.await("snapshot");
			String requestId = newId();
			bidder.send(bid(lot.id(), requestId, "10.00"));
			JsonNode result = bidder.await("bid-result");
			assertThat(result.path("requestId").asString()).isEqualTo(requestId);
			assertThat(result.path("accepted").asBoolean()).isTrue();
			assertThat(result.path("leading").asBoolean()).isTrue();
			assertThat(result.path("price").asString()).isEqualTo("10.00");
			assertThat(result.path("alias").asString()).isEqualTo("Bidder 1");
			JsonNode event = watcher.await("event", (e) -> e.path("kind").asString().equals("bid"), WAIT);
			assertThat(event.path("lot").path("leader").asString()).isEqualTo("Bidder 1");

			bidder.send(bid(lot.id(), newId(), "10.10"));
			JsonNode rejected = bidder.await("bid-result");
			assertThat(rejected.path("accepted").asBoolean()).isFalse();
			assertThat(rejected.path("reason").asString()).isEqualTo("self-outbid");
		}
	}

	@Test
	void aRetriedRequestIdIsAnsweredWithTheFirstOutcomeAndMakesNoSecondBid() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient bidder = connect(ada)) {
			String requestId = newId();
			bidder.send(bid(lot.id(), requestId, "11.00"));
			bidder.send(bid(lot.id(), requestId, "11.00"));
			JsonNode first = bidder.await("bid-result");
			JsonNode second = bidder.await("bid-result");
			assertThat(first.path("accepted").asBoolean()).isTrue();
			assertThat(second.path("accepted").asBoolean()).isTrue();
			assertThat(second.path("sequence").asLong()).isEqualTo(first.path("sequence").asLong());
		}
		assertThat(restLot(lot.id()).path("bids").asInt()).isEqualTo(1);
	}

	@Test
	void rejectedBidsSayWhy() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient bidder = connect(ada)) {
			bidder.send(bid(lot.id(), newId(), "9.99"));
			JsonNode low = bidder.await("bid-result");
			assertThat(low.path("reason").asString()).isEqualTo("below-minimum");
			assertThat(low.path("ask").asString()).isEqualTo("10.00");
			bidder.send(bid(lot.id(), newId(), "10.001"));
			assertThat(bidder.await("bid-result").path("reason").asString()).isEqualTo("invalid-amount");
			bidder.send(bid(999_999, newId(), "10.00"));
			assertThat(bidder.await("bid-result").path("reason").asString()).isEqualTo("lot-not-found");
			this.engine.closeNow(lot.id());
			bidder.send(bid(lot.id(), newId(), "50.00"));
			assertThat(bidder.await("bid-result").path("reason").asString()).isEqualTo("lot-closed");
		}
	}

	@Test
	void anAnonymousSocketMayWatchButNotBid() {
		LotView lot = openLot();
		try (LiveTestClient anonymous = connectAnonymous()) {
			anonymous.send(bid(lot.id(), newId(), "10.00"));
			JsonNode result = anonymous.await("bid-result");
			assertThat(result.path("accepted").asBoolean()).isFalse();
			assertThat(result.path("reason").asString()).isEqualTo("not-signed-in");
		}
		assertThat(restLot(lot.id()).path("bids").asInt()).isZero();
	}

	@Test
	void outbidGoesOnlyToTheBidderWhoLostTheLeadAndOnlyWhenItChanged() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Account cy = bidder("cy");
		try (LiveTestClient adaSocket = connect(ada); LiveTestClient benSocket = connect(ben);
				LiveTestClient cySocket = connect(cy)) {
			adaSocket.send(maximum(lot.id(), newId(), "30.00"));
			assertThat(adaSocket.await("bid-result").path("leading").asBoolean()).isTrue();
			// Ben's bid loses at once to Ada's maximum: the lead does not change, nobody is outbid.
			benSocket.send(bid(lot.id(), newId(), "15.00"));
			JsonNode benResult = benSocket.await("bid-result");
			assertThat(benResult.path("accepted").asBoolean()).isTrue();
			assertThat(benResult.path("leading").asBoolean()).isFalse();
			assertThat(adaSocket.noMessage("outbid", Duration.ofMillis(300))).isTrue();
			// Cy beats Ada's maximum: now Ada, and only Ada, hears of it.
			cySocket.send(bid(lot.id(), newId(), "40.00"));
			assertThat(cySocket.await("bid-result").path("leading").asBoolean()).isTrue();
			JsonNode outbid = adaSocket.await("outbid", (m) -> true, WAIT);
			assertThat(outbid.path("lot").asLong()).isEqualTo(lot.id());
			assertThat(outbid.path("price").asString()).isEqualTo("40.00");
			assertThat(benSocket.noMessage("outbid", Duration.ofMillis(300))).isTrue();
			assertThat(cySocket.noMessage("outbid", Duration.ofMillis(100))).isTrue();
		}
	}

	@Test
	void pingIsAnsweredWithTheServerTime() {
		try (LiveTestClient client = connectAnonymous()) {
			long before = System.currentTimeMillis();
			client.send(Map.of("type", "ping", "t", 12345));
			JsonNode pong = client.await("pong");
			assertThat(pong.path("t").asLong()).isEqualTo(12345);
			assertThat(pong.path("serverTime").asLong()).isBetween(before - 1000, System.currentTimeMillis() + 1000);
		}
	}

	@Test
	void badInputGetsAnErrorAndTheConnectionStays() {
		LotView lot = openLot();
		try (LiveTestClient client = connectAnonymous()) {
			client.send("{not json");
			assertThat(client.await("error").path("code").asString()).isEqualTo("bad-message");
			client.send("{\"type\":\"bidd\"}");
			assertThat(client.await("error").path("message").asString()).contains("bidd");
			client.send("[1,2]");
			assertThat(client.await("error").path("code").asString()).isEqualTo("bad-message");
			client.send("{\"type\":\"subscribe\",\"lots\":\"all\"}");
			assertThat(client.await("error").path("code").asString()).isEqualTo("bad-message");
			client.send("{\"type\":\"bid\",\"lot\":1,\"requestId\":7,\"amount\":\"1\"}");
			assertThat(client.await("error").path("message").asString()).contains("requestId");
			client.send(Map.of("type", "subscribe", "lots", java.util.List.of(Map.of("id", 987654))));
			assertThat(client.await("error").path("code").asString()).isEqualTo("not-found");
			// Still connected and working:
			client.send(subscribe(lot.id()));
			assertThat(client.await("snapshot").path("lot").path("id").asLong()).isEqualTo(lot.id());
			assertThat(client.isClosed()).isFalse();
		}
	}

	@Test
	void aBinaryFrameClosesWith1003() {
		try (LiveTestClient client = connectAnonymous()) {
			client.sendBinary(new byte[] { 1, 2, 3 });
			assertThat(client.awaitClose(WAIT)).isEqualTo(1003);
		}
	}

	@Test
	void aMessageOverTheSizeLimitClosesWith1009() {
		try (LiveTestClient client = connectAnonymous()) {
			client.send("{\"type\":\"ping\",\"t\":1,\"pad\":\"" + "x".repeat(5000) + "\"}");
			assertThat(client.awaitClose(WAIT)).isEqualTo(1009);
		}
	}

	@Test
	void aForeignOriginIsRefusedAtTheHandshake() {
		assertThatThrownBy(() -> LiveTestClient.connectAsync(this.port, null, null, "http://evil.example")
			.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		try (LiveTestClient sameOrigin = LiveTestClient.connect(this.port, null, null,
				"http://localhost:" + this.port)) {
			assertThat(sameOrigin.await("hello")).isNotNull();
		}
	}

	@Test
	void aBannedUserIsClosedWith1008AndCannotReconnect() {
		Account mallory = bidder("mallory");
		try (LiveTestClient client = connect(mallory)) {
			this.accounts.setBanned(mallory.id(), true);
			assertThat(client.awaitClose(WAIT)).isEqualTo(1008);
		}
		try (LiveTestClient again = LiveTestClient.connect(this.port, mallory.username(), PASSWORD)) {
			assertThat(again.awaitClose(WAIT)).isEqualTo(1008);
		}
	}

	@Test
	void tooManyBidsFromOneSocketAreRateLimited() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient client = connect(ada)) {
			for (int i = 0; i < 15; i++) {
				client.send(bid(lot.id(), newId(), "1.00"));
			}
			int limited = 0;
			for (int i = 0; i < 15; i++) {
				if (client.await("bid-result").path("reason").asString().equals("rate-limited")) {
					limited++;
				}
			}
			assertThat(limited).isGreaterThanOrEqualTo(4);
			assertThat(client.isClosed()).isFalse();
		}
	}

	@Test
	void resubscribingWithTheLastSequenceReplaysExactlyTheMissedEvents() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		long seen;
		try (LiveTestClient first = connectAnonymous()) {
			first.send(subscribe(lot.id()));
			seen = first.await("snapshot").path("lot").path("sequence").asLong();
		}
		restBid(ada, lot.id(), "10.00");
		restBid(ben, lot.id(), "11.00");
		restBid(ada, lot.id(), "12.00");
		try (LiveTestClient again = connectAnonymous()) {
			again.send(subscribe(lot.id(), seen));
			for (long seq = seen + 1; seq <= seen + 3; seq++) {
				long expected = seq;
				JsonNode event = again.await("event", (e) -> true, WAIT);
				assertThat(event.path("seq").asLong()).isEqualTo(expected);
			}
			assertThat(again.noMessage("snapshot", Duration.ofMillis(300))).isTrue();
			assertThat(again.unmatched()).isEmpty();
		}
	}

	@Test
	void restAndSocketBidsInterleaveOnOneLog() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		try (LiveTestClient adaSocket = connect(ada); LiveTestClient watcher = connectAnonymous()) {
			watcher.send(subscribe(lot.id()));
			long start = watcher.await("snapshot").path("lot").path("sequence").asLong();
			adaSocket.send(bid(lot.id(), newId(), "10.00"));
			adaSocket.await("bid-result");
			assertThat(restBid(ben, lot.id(), "11.00").accepted()).isTrue();
			adaSocket.send(bid(lot.id(), newId(), "12.00"));
			assertThat(adaSocket.await("bid-result").path("accepted").asBoolean()).isTrue();
			assertThat(restBid(ben, lot.id(), "12.50").accepted()).isTrue();
			String[] prices = { "10.00", "11.00", "12.00", "12.50" };
			for (int i = 0; i < prices.length; i++) {
				long seq = start + 1 + i;
				JsonNode event = watcher.await("event", (e) -> e.path("seq").asLong() == seq, WAIT);
				assertThat(event.path("lot").path("price").asString()).isEqualTo(prices[i]);
			}
		}
	}

	@Test
	void theOperationsFeedIsForAdminsOnly() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient admin = LiveTestClient.connect(this.port, "admin", "admin-password-1");
				LiveTestClient bidder = connect(ada); LiveTestClient anonymous = connectAnonymous()) {
			admin.await("hello");
			anonymous.send(subscribe(lot.id()));
			anonymous.await("snapshot");
			restBid(ada, lot.id(), "10.00");

			bidder.send(Map.of("type", "subscribe-ops"));
			assertThat(bidder.await("error").path("code").asString()).isEqualTo("forbidden");
			anonymous.send(Map.of("type", "subscribe-ops"));
			assertThat(anonymous.await("error").path("code").asString()).isEqualTo("forbidden");

			admin.send(Map.of("type", "subscribe-ops"));
			JsonNode ops = admin.await("ops", (o) -> o.path("connections").asInt() >= 3, WAIT);
			assertThat(ops.path("subscriptions").asInt()).isGreaterThanOrEqualTo(1);
			assertThat(ops.path("watchers").toString()).contains("\"lot\":" + lot.id());
			assertThat(ops.path("bidsPerMinute")).hasSize(30);
			long bidsCounted = 0;
			for (JsonNode minute : ops.path("bidsPerMinute")) {
				bidsCounted += minute.path("bids").asLong();
			}
			assertThat(bidsCounted).isGreaterThanOrEqualTo(1);
			assertThat(ops.path("closingNext")).isNotEmpty();
			String previous = "";
			for (JsonNode closing : ops.path("closingNext")) {
				assertThat(closing.path("endsAt").asString()).isGreaterThanOrEqualTo(previous);
				previous = closing.path("endsAt").asString();
			}
			// It keeps coming without being asked again.
			admin.await("ops", (o) -> true, WAIT);
			assertThat(bidder.noMessage("ops", Duration.ofMillis(300))).isTrue();
		}
	}

	private JsonNode restLot(long id) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/lots/" + id)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return LiveTestClient.JSON.readTree(response.body()).path("lot");
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
