package com.gavel.live;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, lots and clients for live-channel tests against the real server. */
abstract class LiveTestSupport {

	static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	Clock clock;

	@Autowired
	LiveExecutors executors;

	@Autowired
	LiveProperties liveProperties;

	Account bidder(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return this.accounts.register(name, name + "@test.gavel.local", PASSWORD, Role.BIDDER);
	}

	/** An open lot in EUR starting at 10.00, ending in an hour. */
	LotView openLot() {
		return openLot(Duration.ofHours(1), null);
	}

	LotView openLot(Duration endsIn, Long reserveMinor) {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(new LotSpec("Test lot " + UUID.randomUUID(), "A lot for tests.", "EUR",
				1000, reserveMinor, null, now.minusSeconds(60), now.plus(endsIn), null, Duration.ofMinutes(2),
				Duration.ofMinutes(2), null));
		return this.engine.openNow(lot.id());
	}

	LiveTestClient connect(Account account) {
		LiveTestClient client = LiveTestClient.connect(this.port, account.username(), PASSWORD);
		client.await("hello");
		return client;
	}

	LiveTestClient connectAnonymous() {
		LiveTestClient client = LiveTestClient.connect(this.port, null, null);
		client.await("hello");
		return client;
	}

	BidResult restBid(Account account, long lotId, String amount) {
		return this.engine.placeBid(
				BidRequest.of(lotId, account.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null));
	}

	static Map<String, Object> subscribe(long lotId) {
		return Map.of("type", "subscribe", "lots", java.util.List.of(Map.of("id", lotId)));
	}

	static Map<String, Object> subscribe(long lotId, long after) {
		return Map.of("type", "subscribe", "lots", java.util.List.of(Map.of("id", lotId, "after", after)));
	}

	static Map<String, Object> bid(long lotId, String requestId, String amount) {
		return Map.of("type", "bid", "lot", lotId, "requestId", requestId, "amount", amount);
	}

	static Map<String, Object> maximum(long lotId, String requestId, String maximum) {
		return Map.of("type", "bid", "lot", lotId, "requestId", requestId, "maximum", maximum);
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Waits until every subscription the server took so far was prepared and handed over on the
	 * lot's fan-out thread: the subscription threads are all seen running a task queued after it,
	 * then a task queued on the lot's thread after the hand-over has run.
	 */
	void settleSubscriptions(long lotId) {
		int threads = this.liveProperties.subscriptionThreads();
		CyclicBarrier everyThread = new CyclicBarrier(threads + 1);
		for (int i = 0; i < threads; i++) {
			this.executors.subscriptions().execute(() -> await(everyThread));
		}
		await(everyThread);
		CountDownLatch handedOver = new CountDownLatch(1);
		assertThat(this.executors.stripe(lotId).offer(handedOver::countDown)).isTrue();
		try {
			assertThat(handedOver.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
	}

	/** Waits until the server handled every message the client sent before: a ping's answer. */
	static void roundTrip(LiveTestClient client) {
		long t = System.nanoTime();
		client.send(Map.of("type", "ping", "t", t));
		client.await("pong", (p) -> p.path("t").asLong() == t, Duration.ofSeconds(5));
	}

	/** Waits (a bounded time) until the condition holds. */
	static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 5 s: " + what);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted");
			}
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
		catch (BrokenBarrierException | TimeoutException ex) {
			throw new AssertionError("the subscription threads did not all come round", ex);
		}
	}

}
