package com.gavel.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream ({@code GET /api/lots/stream}), the live channel's fallback for clients that
 * cannot open the WebSocket, through a real HTTP client on the real server: the socket's messages,
 * in order, resumed by cursor without a gap, refusals as problem details, caps per address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-channel;DB_CLOSE_DELAY=-1" })
class LiveStreamTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	LiveStreams streams;

	@Autowired
	LiveStreamProperties streamProperties;

	@Test
	void aStreamSaysHelloSendsASnapshotThenEveryEventInOrderAsTheSocketSendsIt() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		try (StreamTestClient stream = StreamTestClient.open(this.port, "lots=" + lot.id(), null);
				LiveTestClient socket = connectAnonymous()) {
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			JsonNode hello = stream.next("hello").data();
			assertThat(hello.path("protocol").asString()).isEqualTo("gavel.v1");
			assertThat(hello.path("canBid").asBoolean()).isFalse();
			StreamTestClient.Message snapshot = stream.next("snapshot");
			long seq = snapshot.data().path("lot").path("sequence").asLong();
			assertThat(snapshot.data().path("lot").path("id").asLong()).isEqualTo(lot.id());
			assertThat(snapshot.id()).isEqualTo(lot.id() + ":" + seq);
			socket.send(subscribe(lot.id(), seq));
			roundTrip(socket);

			restBid(ada, lot.id(), "10.00");
			restBid(ben, lot.id(), "12.00");
			restBid(ada, lot.id(), "15.00");

			for (int i = 1; i <= 3; i++) {
				long expected = seq + i;
				StreamTestClient.Message event = stream.next("event");
				assertThat(event.data().path("seq").asLong()).isEqualTo(expected);
				assertThat(event.id()).isEqualTo(lot.id() + ":" + expected);
				JsonNode sameOnTheSocket = socket.await("event", (e) -> e.path("seq").asLong() == expected, WAIT);
				assertThat(event.data()).isEqualTo(sameOnTheSocket);
			}
		}
	}

	@Test
	void reconnectingWithLastEventIdResumesWhereTheStreamStoppedWithoutAGap() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		String lastId;
		long lastSeq;
		try (StreamTestClient stream = StreamTestClient.open(this.port, "lots=" + lot.id(), null)) {
			long seq = stream.next("snapshot").data().path("lot").path("sequence").asLong();
			restBid(ada, lot.id(), "10.00");
			StreamTestClient.Message event = stream.next("event");
			lastId = event.id();
			lastSeq = event.data().path("seq").asLong();
			assertThat(lastSeq).isEqualTo(seq + 1);
		}
		// Missed while away.
		restBid(ben, lot.id(), "12.00");
		restBid(ada, lot.id(), "14.00");
		restBid(ben, lot.id(), "16.00");

		try (StreamTestClient stream = StreamTestClient.open(this.port, "lots=" + lot.id(), lastId)) {
			stream.next("hello");
			List<Long> seqs = new ArrayList<>();
			List<String> prices = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				StreamTestClient.Message event = stream.next("event");
				seqs.add(event.data().path("seq").asLong());
				prices.add(event.data().path("lot").path("price").asString());
			}
			assertThat(seqs).containsExactly(lastSeq + 1, lastSeq + 2, lastSeq + 3);
			assertThat(prices).containsExactly("12.00", "14.00", "16.00");
			// And live from there on, still in order.
			assertThat(restBid(ada, lot.id(), "20.00").accepted()).isTrue();
			StreamTestClient.Message live = stream.next("event");
			assertThat(live.data().path("seq").asLong()).isEqualTo(lastSeq + 4);
			assertThat(live.id()).isEqualTo(lot.id() + ":" + (lastSeq + 4));
		}
	}

	@Test
	void aCursorCoversEveryLotAndLastEventIdWinsForTheLotsItNames() {
		LotView first = openLot();
		LotView second = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		long firstSeq = restBid(ada, first.id(), "10.00").lot().sequence();
		long secondSeq = second.sequence();
		restBid(ben, first.id(), "11.00");
		restBid(ada, second.id(), "10.00");

		// "after" says first:firstSeq-1 and second:secondSeq; Last-Event-ID moves first on to firstSeq.
		String query = "lots=" + first.id() + "," + second.id() + "&after=" + first.id() + ":" + (firstSeq - 1) + ","
				+ second.id() + ":" + secondSeq;
		try (StreamTestClient stream = StreamTestClient.open(this.port, query, first.id() + ":" + firstSeq)) {
			stream.next("hello");
			StreamTestClient.Message a = stream.next("event");
			assertThat(a.data().path("lotId").asLong()).isEqualTo(first.id());
			assertThat(a.data().path("seq").asLong()).isEqualTo(firstSeq + 1);
			StreamTestClient.Message b = stream.next("event");
			assertThat(b.data().path("lotId").asLong()).isEqualTo(second.id());
			assertThat(b.data().path("seq").asLong()).isEqualTo(secondSeq + 1);
			assertThat(b.id()).isEqualTo(first.id() + ":" + (firstSeq + 1) + "," + second.id() + ":" + (secondSeq + 1));
		}
	}

	@Test
	void aClientAheadOfTheServerGetsASnapshotAndAnUnknownLotAnErrorWhileTheOthersFollow() {
		LotView lot = openLot();
		long seq = lot.sequence();
		try (StreamTestClient stream = StreamTestClient.open(this.port,
				"lots=987654321," + lot.id() + "&after=" + lot.id() + ":" + (seq + 50), null)) {
			stream.next("hello");
			JsonNode error = stream.next("error").data();
			assertThat(error.path("code").asString()).isEqualTo("not-found");
			assertThat(error.path("message").asString()).contains("987654321");
			JsonNode snapshot = stream.next("snapshot").data();
			assertThat(snapshot.path("lot").path("sequence").asLong()).isEqualTo(seq);
			restBid(bidder("ada"), lot.id(), "10.00");
			assertThat(stream.next("event").data().path("seq").asLong()).isEqualTo(seq + 1);
		}
	}

	@Test
	void aBadRequestIsRefusedWithAProblemDetail() {
		for (String query : new String[] { null, "lots=", "lots=abc", "lots=1,-2", "lots=1&after=1-4" }) {
			StreamTestClient.Refusal refusal = StreamTestClient.refused(this.port, query);
			assertThat(refusal.status()).as(String.valueOf(query)).isEqualTo(400);
			assertThat(refusal.contentType()).startsWith("application/problem+json");
			assertThat(refusal.body().path("reason").asString()).isEqualTo("invalid-request");
		}
		StringBuilder tooMany = new StringBuilder("lots=1");
		for (int i = 2; i <= this.streamProperties.maxLots() + 1; i++) {
			tooMany.append(',').append(i);
		}
		StreamTestClient.Refusal refusal = StreamTestClient.refused(this.port, tooMany.toString());
		assertThat(refusal.status()).isEqualTo(400);
		assertThat(refusal.body().path("detail").asString()).contains("at most " + this.streamProperties.maxLots());
	}

	@Test
	void oneAddressMayHoldOnlySoManyStreams() {
		LotView lot = openLot();
		int cap = this.streamProperties.maxStreamsPerAddress();
		List<StreamTestClient> open = new ArrayList<>();
		try {
			// Streams of other tests count until the server notices they are gone: open until refused.
			StreamTestClient.Refusal refusal = null;
			while (refusal == null && open.size() <= cap) {
				StreamTestClient.Attempt attempt = StreamTestClient.attempt(this.port, "lots=" + lot.id());
				if (attempt.stream() != null) {
					open.add(attempt.stream());
					attempt.stream().next("snapshot");
				}
				refusal = attempt.refusal();
			}
			assertThat(refusal).as("refused past %d streams", cap).isNotNull();
			assertThat(open.size()).isLessThanOrEqualTo(cap);
			assertThat(refusal.status()).isEqualTo(429);
			assertThat(refusal.retryAfter()).isNotNull();
			assertThat(refusal.body().path("reason").asString()).isEqualTo("too-many-streams");
			// Those already open are not disturbed.
			restBid(bidder("ada"), lot.id(), "10.00");
			for (StreamTestClient stream : open) {
				assertThat(stream.next("event").data().path("lot").path("price").asString()).isEqualTo("10.00");
			}
		}
		finally {
			open.forEach(StreamTestClient::close);
			// The server notices a reader is gone when writing to it fails: heartbeats make it write.
			awaitTrue("the closed streams are noticed", () -> {
				this.streams.sweep();
				return this.streams.count() == 0;
			});
		}
	}

	@Test
	void anIdleStreamGetsHeartbeats() {
		LotView lot = openLot();
		try (StreamTestClient stream = StreamTestClient.open(this.port, "lots=" + lot.id(), null)) {
			stream.next("snapshot");
			this.streams.sweep();
			JsonNode heartbeat = stream.next((m) -> m.type().equals("heartbeat")).data();
			assertThat(heartbeat.path("serverTime").asLong()).isPositive();
		}
	}

}
