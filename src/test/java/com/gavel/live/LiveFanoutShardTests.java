package com.gavel.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hot lot's watchers are spread over every fan-out thread (each socket's frames always offered
 * by its own shard's thread): every watcher still gets the lot's events gapless and in order, and
 * a shard whose thread has no room gets the newest state, never a gap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-fanout-shards;DB_CLOSE_DELAY=-1",
				"gavel.live.fanout-threads=2", "gavel.live.fanout-queue=64" })
class LiveFanoutShardTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	SessionRegistry registry;

	@Autowired
	AuctionCatalog catalog;

	@Test
	void watchersOnEveryShardGetEveryEventOfAHotLotInOrder() throws Exception {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		List<Watcher> watchers = new ArrayList<>();
		try {
			while (shards(watchers).size() < 2 || watchers.size() < 12) {
				assertThat(watchers).as("sockets land on both shards").hasSizeLessThan(40);
				watchers.add(watch(lot));
			}
			String ask = lot.ask();
			long last = 0;
			for (int i = 0; i < 30; i++) {
				BidResult result = restBid(i % 2 == 0 ? ada : ben, lot.id(), ask);
				assertThat(result.accepted()).isTrue();
				ask = result.lot().ask();
				last = this.catalog.lot(lot.id()).orElseThrow().sequence();
			}
			for (Watcher watcher : watchers) {
				for (long seq = watcher.from + 1; seq <= last; seq++) {
					JsonNode event = watcher.client.await("event", (e) -> true, WAIT);
					assertThat(event.path("seq").asLong()).as("shard %d, gapless and in order", watcher.shard)
						.isEqualTo(seq);
				}
			}
		}
		finally {
			watchers.forEach((w) -> w.client.close());
		}
	}

	@Test
	void aShardWhoseThreadHasNoRoomGetsTheNewestStateInsteadOfAGap() throws Exception {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		int home = this.executors.home(lot.id());
		List<Watcher> watchers = new ArrayList<>();
		try {
			Watcher away = null;
			while (away == null) {
				assertThat(watchers).as("a socket lands on the other shard").hasSizeLessThan(40);
				Watcher watcher = watch(lot);
				watchers.add(watcher);
				if (watcher.shard != home) {
					away = watcher;
				}
			}
			// The other shard's thread is stuck and its queue full: its sockets' frames cannot be queued.
			Stripe other = this.executors.stripeAt(away.shard);
			CountDownLatch stuck = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			assertThat(other.offer(() -> {
				stuck.countDown();
				await(release);
			})).isTrue();
			assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();
			for (int queued = 0; other.offer(() -> {
			}); queued++) {
				assertThat(queued).as("the stripe's queue is bounded").isLessThan(64);
			}
			BidResult last;
			try {
				String ask = lot.ask();
				last = null;
				for (int i = 0; i < 5; i++) {
					last = restBid(i % 2 == 0 ? ada : ben, lot.id(), ask);
					assertThat(last.accepted()).isTrue();
					ask = last.lot().ask();
				}
			}
			finally {
				release.countDown();
			}
			long newest = last.sequence();
			// Its frames could not be queued, so it was told to take the newest state instead: it
			// ends on it, and never sees an event out of order on the way.
			assertThat(away.client.await("snapshot", (s) -> true, WAIT).path("lot").path("sequence").asLong())
				.isGreaterThan(away.from);
			long seen = away.from;
			while (seen < newest) {
				JsonNode next = away.client.awaitOneOf(WAIT, "snapshot", "event");
				seen = next.path("type").asString().equals("event") ? next.path("seq").asLong()
						: next.path("lot").path("sequence").asLong();
			}
			assertThat(seen).isEqualTo(newest);
		}
		finally {
			watchers.forEach((w) -> w.client.close());
		}
	}

	private record Watcher(LiveTestClient client, int shard, long from) {
	}

	/** An anonymous socket watching the lot, and the shard the server gave it. */
	private Watcher watch(LotView lot) {
		Set<String> before = new HashSet<>();
		this.registry.all().forEach((s) -> before.add(s.id()));
		LiveTestClient client = connectAnonymous();
		LiveSession session = this.registry.all()
			.stream()
			.filter((s) -> !before.contains(s.id()))
			.findFirst()
			.orElseThrow();
		client.send(subscribe(lot.id()));
		long from = client.await("snapshot").path("lot").path("sequence").asLong();
		return new Watcher(client, this.executors.shardOf(session), from);
	}

	private static Set<Integer> shards(List<Watcher> watchers) {
		Set<Integer> shards = new HashSet<>();
		watchers.forEach((w) -> shards.add(w.shard));
		return shards;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
