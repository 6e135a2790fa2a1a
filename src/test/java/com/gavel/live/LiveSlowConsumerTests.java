package com.gavel.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A watcher that stops reading must not delay the others, must not make the server queue without
 * bound, and must be brought back by a snapshot once it reads again. Small socket buffers make
 * the stall bite after a few dozen events instead of megabytes.
 */
@Import(SmallServerSendBuffer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-slow;DB_CLOSE_DELAY=-1", "gavel.live.queue-capacity=256" })
class LiveSlowConsumerTests extends LiveTestSupport {

	/**
	 * Enough bids to overflow the stalled watcher's queue (the house's default of 256 frames) twice
	 * over, while a reading watcher, even on a busy machine, stays well inside it.
	 */
	private static final int BIDS = 600;

	/** How many bids go in before the test waits for the reading watcher to have them all. */
	private static final int BATCH = 50;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void smallClientBuffers() {
		System.setProperty("jdk.httpclient.receiveBufferSize", "2048");
	}

	@Test
	void aStalledWatcherDelaysNobodyAndIsBroughtBackByASnapshot() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		double overflowsBefore = this.meters.counter("gavel.live.overflows").count();
		try (LiveTestClient slow = connectAnonymous(); LiveTestClient fast = connectAnonymous()) {
			slow.send(subscribe(lot.id()));
			long applied = slow.await("snapshot").path("lot").path("sequence").asLong();
			fast.send(subscribe(lot.id()));
			fast.await("snapshot");
			slow.stopReading();

			String ask = lot.ask();
			JsonNode newest = null;
			for (int i = 0; i < BIDS; i++) {
				BidResult result = restBid(i % 2 == 0 ? ada : ben, lot.id(), ask);
				assertThat(result.accepted()).isTrue();
				ask = result.lot().ask();
				if ((i + 1) % BATCH == 0) {
					// The reading watcher gets every event promptly, as an event, although the other one
					// reads nothing. Bids go on once it has them, so how fast this machine lets the test's
					// own client read never decides the outcome: only a server that made it wait would.
					long sequence = result.lot().sequence();
					newest = fast.await("event", (e) -> e.path("seq").asLong() == sequence, Duration.ofSeconds(5));
				}
			}
			LotView finalState = this.catalog.lot(lot.id()).orElseThrow();
			long last = finalState.sequence();
			assertThat(newest.path("seq").asLong()).isEqualTo(last);
			assertThat(newest.path("lot").path("price").asString()).isEqualTo(finalState.price());
			assertThat(this.meters.counter("gavel.live.overflows").count()).isGreaterThan(overflowsBefore);

			slow.resumeReading();
			// Read as a page does: an event applies when it is the next in sequence, a snapshot replaces
			// what came before. The stalled watcher is brought back by at least one snapshot (of the lot
			// as it stood when its queue overflowed, or later) and never sees a gap, up to the final state.
			int snapshots = 0;
			JsonNode caughtUp = null;
			while (applied < last) {
				JsonNode message = slow.awaitOneOf(Duration.ofSeconds(10), "event", "snapshot");
				if (message.path("type").asString().equals("snapshot")) {
					snapshots++;
					applied = Math.max(applied, message.path("lot").path("sequence").asLong());
					caughtUp = message;
				}
				else if (message.path("seq").asLong() > applied) {
					assertThat(message.path("seq").asLong()).as("the next event, without a gap").isEqualTo(applied + 1);
					applied = message.path("seq").asLong();
					caughtUp = message;
				}
			}
			assertThat(snapshots).isPositive();
			assertThat(caughtUp.path("lot").path("sequence").asLong()).isEqualTo(last);
			assertThat(caughtUp.path("lot").path("price").asString()).isEqualTo(finalState.price());
			assertThat(slow.isClosed()).isFalse();
			slow.send(Map.of("type", "ping", "t", 7));
			assertThat(slow.await("pong", (p) -> true, Duration.ofSeconds(5)).path("t").asLong()).isEqualTo(7);
		}
	}

	/**
	 * A peer that keeps sending but reads none of the answers cannot be queued for: it is closed
	 * with 1013 (try again later, so a browser reconnects and resyncs), not 1008 (which says
	 * banned). The close frame reaches it as soon as it reads again.
	 */
	@Test
	void aSocketThatReadsNothingIsClosedWith1013AndHearsTheCloseFrame() throws IOException {
		Account ada = bidder("ada");
		double closedBefore = closedWith(1013);
		try (RawWebSocket ws = RawWebSocket.open(this.port, ada.username(), PASSWORD, 2048)) {
			assertThat(ws.readText()).contains("\"type\":\"hello\"");
			// Every bid is answered (past the bid rate with rate-limited); none of it is read.
			for (int i = 0; i < 20_000 && closedWith(1013) == closedBefore; i++) {
				ws.text("{\"type\":\"bid\",\"lot\":987654,\"requestId\":\"r" + i + "\",\"amount\":\"10.00\"}");
			}
			assertThat(closedWith(1013)).as("the server gave up on the socket").isGreaterThan(closedBefore);
			RawWebSocket.Ending ending = ws.awaitEnd();
			assertThat(ending.closeFrame()).as("a close frame, not a bare end of the connection: %s", ending).isTrue();
			assertThat(ending.code()).isEqualTo(1013);
			assertThat(ending.reason()).isEqualTo("too slow");
		}
	}

	private double closedWith(int code) {
		Counter counter = this.meters.find("gavel.live.closes").tag("code", Integer.toString(code)).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
