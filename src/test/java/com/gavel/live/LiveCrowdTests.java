package com.gavel.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotView;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Many watchers and several bidders on one lot all end on the same state, with no gaps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-channel;DB_CLOSE_DELAY=-1",
				// Fifty-five sockets from one address (loopback): more than a client may hold by default.
				"gavel.live.max-sockets-per-address=100",
				// Each bidder sends its twelve bids as fast as the answers come: on a quick run the
				// house's bid rate (a burst of ten) would refuse some, which is the throttle's business
				// (BidThrottleTests), not this test's.
				"gavel.auction.bid-burst=20" })
class LiveCrowdTests extends LiveTestSupport {

	private static final int WATCHERS = 50;

	private static final int BIDDERS = 5;

	private static final int BIDS_EACH = 12;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	MeterRegistry meters;

	@Test
	void fiftyWatchersAndFiveBiddersEndOnTheIdenticalStateWithGaplessSequences() throws Exception {
		LotView lot = openLot();
		List<CompletableFuture<LiveTestClient>> connecting = new ArrayList<>();
		for (int i = 0; i < WATCHERS; i++) {
			connecting.add(LiveTestClient.connectAsync(this.port, null, null, null));
		}
		List<LiveTestClient> watchers = new ArrayList<>();
		for (CompletableFuture<LiveTestClient> f : connecting) {
			watchers.add(f.get(10, TimeUnit.SECONDS));
		}
		List<LiveTestClient> bidders = new ArrayList<>();
		try {
			List<Long> startSeq = new ArrayList<>();
			for (LiveTestClient w : watchers) {
				w.await("hello");
				w.send(subscribe(lot.id()));
				startSeq.add(w.await("snapshot", (s) -> true, Duration.ofSeconds(10)).path("lot").path("sequence").asLong());
			}
			for (int i = 0; i < BIDDERS; i++) {
				Account account = bidder("crowd" + i);
				bidders.add(connect(account));
			}
			// Every bidder raises its maximum in turn; each figure is distinct, so each is a real bid.
			List<String> refusals = new ArrayList<>();
			for (int round = 0; round < BIDS_EACH; round++) {
				for (int i = 0; i < BIDDERS; i++) {
					String maximum = (20 + round * BIDDERS * 2 + i * 2) + ".00";
					bidders.get(i).send(maximum(lot.id(), newId(), maximum));
				}
				for (LiveTestClient b : bidders) {
					JsonNode result = b.await("bid-result", (r) -> true, Duration.ofSeconds(10));
					if (!result.path("accepted").asBoolean()) {
						refusals.add(result.path("reason").asString());
					}
				}
			}
			LotView finalState = this.catalog.lot(lot.id()).orElseThrow();
			assertThat(finalState.bids()).as("accepted bids; refused: %s", refusals)
				.isGreaterThan(BIDS_EACH * BIDDERS / 2);
			long last = finalState.sequence();

			JsonNode reference = null;
			for (int w = 0; w < WATCHERS; w++) {
				LiveTestClient watcher = watchers.get(w);
				JsonNode lastEvent = null;
				for (long seq = startSeq.get(w) + 1; seq <= last; seq++) {
					long expected = seq;
					lastEvent = watcher.await("event", (e) -> true, Duration.ofSeconds(10));
					assertThat(lastEvent.path("seq").asLong()).as("watcher %d gapless", w).isEqualTo(expected);
				}
				assertThat(lastEvent).isNotNull();
				JsonNode state = lastEvent.path("lot");
				assertThat(state.path("price").asString()).isEqualTo(finalState.price());
				assertThat(state.path("leader").asString()).isEqualTo(finalState.leader());
				if (reference == null) {
					reference = state;
				}
				assertThat(state).as("watcher %d final state", w).isEqualTo(reference);
			}
		}
		finally {
			watchers.forEach(LiveTestClient::close);
			bidders.forEach(LiveTestClient::close);
		}
	}

	@Test
	void watcherCountsAndFanoutAreVisibleAsMetrics() throws Exception {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient watcher = connectAnonymous()) {
			watcher.send(subscribe(lot.id()));
			watcher.await("snapshot");
			restBid(ada, lot.id(), "10.00");
			watcher.await("event", (e) -> true, Duration.ofSeconds(5));
			String prometheus = adminGet("/actuator/prometheus");
			assertThat(prometheus).contains("gavel_live_sessions").contains("gavel_live_subscriptions")
				.contains("gavel_live_fanout_latency_seconds").contains("gavel_live_events_total")
				.contains("gavel_bids_accepted_total");
		}
	}

	/**
	 * An open socket is not an HTTP request: its handshake shows in neither the request timings nor
	 * the requests in progress, however long the socket stays open.
	 */
	@Test
	void anOpenSocketIsNotCountedAsAnHttpRequest() throws Exception {
		try (LiveTestClient watcher = connectAnonymous()) {
			watcher.send(Map.of("type", "ping", "t", 1));
			watcher.await("pong", (p) -> true, Duration.ofSeconds(5));
			adminGet("/actuator/health");
			assertThat(this.meters.find("http.server.requests").tag("uri", "/ws").timers()).isEmpty();
			assertThat(this.meters.find("http.server.requests").timers()).as("other requests are still timed")
				.isNotEmpty();
			assertThat(this.meters.find("http.server.requests.active").longTaskTimers().stream()
				.mapToInt(LongTaskTimer::activeTasks)
				.sum()).isZero();
		}
	}

	private String adminGet(String path) throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString("admin:admin-password-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}


}
