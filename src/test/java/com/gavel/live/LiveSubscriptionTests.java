package com.gavel.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a subscription costs, and that nothing of it outlives its socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-subscriptions;DB_CLOSE_DELAY=-1" })
class LiveSubscriptionTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	SessionRegistry registry;

	@Autowired
	WatchedLots lots;

	@Test
	void aSubscribeStillQueuedWhenItsSocketClosesLeavesNoWatcherBehind() throws InterruptedException {
		LotView lot = openLot();
		Stripe stripe = this.executors.stripe(lot.id());
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		assertThat(stripe.offer(() -> {
			blocked.countDown();
			awaitQuietly(release);
		})).isTrue();
		assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
		LiveSession session;
		try {
			Set<LiveSession> before = Set.copyOf(this.registry.all());
			LiveTestClient client = connectAnonymous();
			session = this.registry.all().stream().filter((s) -> !before.contains(s)).findFirst().orElseThrow();
			client.send(subscribe(lot.id()));
			// The snapshot is read; its hand-over waits behind the blocked fan-out thread.
			awaitTrue("the hand-over is queued", () -> stripe.queued() == 1);
			client.close();
			awaitTrue("the server saw the socket close", () -> !this.registry.all().contains(session));
		}
		finally {
			release.countDown();
		}
		settleSubscriptions(lot.id());

		assertThat(this.lots.watchers(lot.id())).doesNotContain(session).isEmpty();
		assertThat(session.subscriptions().count()).isZero();
		// Nobody watches the lot, so its state is not kept either.
		assertThat(this.lots.latest(lot.id())).isNull();
	}

	@Test
	void subscribingAgainToAWatchedLotSendsNothingUnlessItAsksForMissedEvents() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient client = connectAnonymous()) {
			client.send(subscribe(lot.id()));
			long seq = client.await("snapshot").path("lot").path("sequence").asLong();

			client.send(subscribe(lot.id()));
			client.send(subscribe(lot.id(), seq));
			client.send(Map.of("type", "subscribe", "lots", List.of(Map.of("id", lot.id()), Map.of("id", lot.id()))));
			roundTrip(client);
			settleSubscriptions(lot.id());
			roundTrip(client);
			assertThat(client.unmatched()).as("nothing new for a lot watched and known").isEmpty();

			BidResult bid = restBid(ada, lot.id(), "10.00");
			client.await("event", (e) -> e.path("seq").asLong() == bid.sequence(), WAIT);
			client.send(subscribe(lot.id(), seq));
			JsonNode replayed = client.await("event", (e) -> e.path("seq").asLong() == bid.sequence(), WAIT);
			assertThat(replayed.path("lot").path("price").asString()).isEqualTo("10.00");
			assertThat(client.unmatched()).noneMatch((m) -> m.path("type").asString().equals("snapshot"));
		}
	}

	@Test
	void aLotsStateIsForgottenWhenItsLastWatcherLeaves() {
		LotView lot = openLot();
		try (LiveTestClient first = connectAnonymous(); LiveTestClient second = connectAnonymous()) {
			first.send(subscribe(lot.id()));
			first.await("snapshot");
			second.send(subscribe(lot.id()));
			second.await("snapshot");
			assertThat(this.lots.latest(lot.id())).isNotNull();

			first.send(Map.of("type", "unsubscribe", "lots", List.of(lot.id())));
			roundTrip(first);
			assertThat(this.lots.watchers(lot.id())).hasSize(1);
			assertThat(this.lots.latest(lot.id())).isNotNull();

			second.close();
			awaitTrue("the last watcher is gone", () -> this.lots.latest(lot.id()) == null);
			assertThat(this.lots.watchers(lot.id())).isEmpty();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
