package com.gavel.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket that floods the server with subscribes and pings is told it is limited, keeps its
 * socket, and does not hold up anybody else's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-flood;DB_CLOSE_DELAY=-1" })
class LiveFloodTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(5);

	/** Far above what the events take unflooded (milliseconds), far below what a flood did (seconds). */
	private static final Duration PROMPTLY = Duration.ofMillis(500);

	@Test
	void aSubscribeAndPingFloodFromOneSocketDoesNotDelayAnotherSocketsEvents() throws Exception {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		// A history worth replaying: every replay the flood asks for costs the server a read.
		String ask = lot.ask();
		for (int i = 0; i < 60; i++) {
			ask = restBid(i % 2 == 0 ? ada : ben, lot.id(), ask).lot().ask();
		}
		try (LiveTestClient watcher = connectAnonymous(); LiveTestClient flooder = connectAnonymous()) {
			watcher.send(subscribe(lot.id()));
			watcher.await("snapshot");
			flooder.send(subscribe(lot.id()));
			flooder.await("snapshot");

			AtomicBoolean stop = new AtomicBoolean();
			AtomicInteger sent = new AtomicInteger();
			Thread flood = new Thread(() -> {
				for (int i = 0; !stop.get() && i < 200_000; i++) {
					// Replays of everything, subscriptions to lots that do not exist, and pings.
					Object message = switch (i % 3) {
						case 0 -> subscribe(lot.id(), 0);
						case 1 -> Map.of("type", "subscribe", "lots", List.of(Map.of("id", 9_000_000 + i)));
						default -> Map.of("type", "ping", "t", i);
					};
					flooder.send(message);
					sent.incrementAndGet();
				}
			}, "flood");
			flood.start();
			long worst = 0;
			try {
				long deadline = System.nanoTime() + WAIT.toNanos();
				while (sent.get() < 1000 && System.nanoTime() < deadline) {
					Thread.sleep(5);
				}
				assertThat(sent.get()).as("the flood is under way").isGreaterThanOrEqualTo(1000);
				for (int i = 0; i < 10; i++) {
					BidResult result = restBid(i % 2 == 0 ? ada : ben, lot.id(), ask);
					long acknowledged = System.nanoTime();
					assertThat(result.accepted()).isTrue();
					watcher.await("event", (e) -> e.path("seq").asLong() == result.sequence(), WAIT);
					worst = Math.max(worst, System.nanoTime() - acknowledged);
					ask = result.lot().ask();
				}
			}
			finally {
				stop.set(true);
				flood.join(WAIT.toMillis());
			}

			assertThat(Duration.ofNanos(worst)).as("slowest event after its bid's acknowledgement")
				.isLessThan(PROMPTLY);
			JsonNode limited = flooder.await("error", (e) -> e.path("code").asString().equals("rate-limited"), WAIT);
			assertThat(limited.path("message").asString()).contains("a second");
			assertThat(flooder.isClosed()).isFalse();
			assertThat(answersAPing(flooder)).isTrue();
		}
	}

	@Test
	void aBurstOfPingsIsAnsweredWithRateLimitedInsteadOfAClose() throws InterruptedException {
		try (LiveTestClient client = connectAnonymous()) {
			for (int i = 0; i < 300; i++) {
				client.send(Map.of("type", "ping", "t", i));
			}
			assertThat(client.await("error", (e) -> e.path("code").asString().equals("rate-limited"), WAIT)
				.path("message")
				.asString()).contains("'ping'");
			client.await("pong", (p) -> p.path("t").asLong() == 0, WAIT);
			assertThat(client.isClosed()).isFalse();
			assertThat(answersAPing(client)).isTrue();
		}
	}

	/** Whether the socket answers a ping within a few seconds (its allowance refills meanwhile). */
	private static boolean answersAPing(LiveTestClient client) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		long t = 1_000_000;
		while (System.nanoTime() < deadline) {
			long asked = ++t;
			client.send(Map.of("type", "ping", "t", asked));
			try {
				client.await("pong", (p) -> p.path("t").asLong() == asked, Duration.ofMillis(500));
				return true;
			}
			catch (AssertionError ex) {
				// refused while the allowance refills: ask again
			}
		}
		return false;
	}

}
