package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bid is judged by when it arrived, not by when its lot's turn came: while a lot is busy, bids
 * queue up stamped with their arrival, the scheduler's close queues behind them, and they are
 * decided in the order they came.
 */
@GavelSpringBootTest
class ArrivalTimeTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private LotWriter writer;

	@Autowired
	private LotScheduler scheduler;

	@Autowired
	private LotRepository lots;

	@Autowired
	private EventLog eventLog;

	@Autowired
	private EventRecorder recorder;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private Account ada;

	private Account ben;

	@BeforeEach
	void bidder() {
		this.ada = TestAccounts.newBidder(this.accounts, "early");
		this.ben = TestAccounts.newBidder(this.accounts, "later");
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.threads.shutdownNow();
	}

	@Test
	void aBidThatArrivedBeforeTheEndIsOnTimeEvenWhenDecidedAfterItAndExtendsFromItsArrival() throws Exception {
		Instant end = this.clock.advanceToWholeSecond().plus(Duration.ofMinutes(5));
		long lot = openLot(end);
		holdTheLot(lot);

		this.clock.moveTo(end.minusSeconds(10));
		Instant sent = LotWriter.stamp(this.clock);
		Future<BidResult> bid = this.threads.submit(() -> bid(lot, "on-time-1", "5.00"));
		awaitWaiting(lot, 1);
		// The lot's end passes while the bid still waits, and the scheduler comes to close it.
		this.clock.moveTo(end.plusSeconds(5));
		Future<?> close = this.threads.submit(this.scheduler::tick);
		awaitWaiting(lot, 2);
		this.release.countDown();

		BidResult result = bid.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		close.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(result.accepted()).as("a bid that arrived 10 s before the end, decided after it").isTrue();
		assertThat(result.arrivedAt()).isEqualTo(sent);
		LotView after = this.catalog.lot(lot).orElseThrow();
		// Extended to its arrival + 2 minutes, so the close that came 5 s after the end found it open.
		assertThat(after.status()).isEqualTo("open");
		assertThat(after.endsAt()).isEqualTo(sent.plus(Duration.ofMinutes(2)));
		assertThat(this.catalog.history(lot)).singleElement()
			.satisfies((row) -> assertThat(row.at()).isEqualTo(sent));
	}

	@Test
	void aBidThatArrivedAfterTheEndIsLateEvenWhenItsTurnCameFirst() throws Exception {
		Instant end = this.clock.advanceToWholeSecond().plus(Duration.ofMinutes(5));
		long lot = openLot(end);
		this.clock.moveTo(end.plusMillis(1));

		BidResult late = bid(lot, "late-1", "5.00");

		assertThat(late.reason()).isEqualTo(RejectReason.LOT_CLOSED);
		assertThat(late.arrivedAt()).isEqualTo(LotWriter.stamp(this.clock));
	}

	@Test
	void bidsOfOneLotAreDecidedInTheOrderTheyArrived() throws Exception {
		Instant end = this.clock.advanceToWholeSecond().plus(Duration.ofHours(1));
		long lot = openLot(end);
		holdTheLot(lot);
		List<Account> bidders = new ArrayList<>();
		List<Future<BidResult>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Account bidder = TestAccounts.newBidder(this.accounts, "queued");
			bidders.add(bidder);
			String amount = (i + 1) + ".00";
			this.clock.advance(Duration.ofMillis(3));
			results.add(this.threads.submit(() -> this.engine
				.placeBid(BidRequest.of(lot, bidder.id(), "queued-" + bidder.id(), new BigDecimal(amount), null))));
			awaitWaiting(lot, i + 1);
		}
		this.release.countDown();

		List<BidResult> decided = new ArrayList<>();
		for (Future<BidResult> result : results) {
			decided.add(result.get(WAIT.toSeconds(), TimeUnit.SECONDS));
		}
		// Each one outbids the one before it, which only works if they were decided in order.
		for (int i = 0; i < decided.size(); i++) {
			BidResult result = decided.get(i);
			assertThat(result.accepted()).as("bid %d", i).isTrue();
			if (i > 0) {
				assertThat(result.sequence()).isGreaterThan(decided.get(i - 1).sequence());
				assertThat(result.arrivedAt()).isAfter(decided.get(i - 1).arrivedAt());
			}
		}
		assertThat(this.catalog.lot(lot).orElseThrow().price()).isEqualTo("8.00");
	}

	@Test
	void aChangeThatFailsAmongQueuedBidsLeavesTheLotAsItWasAndTheBidsAroundItAreDecided() throws Exception {
		long lot = openLot(this.clock.advanceToWholeSecond().plus(Duration.ofHours(1)));
		holdTheLot(lot);
		Future<BidResult> before = this.threads.submit(() -> bid(lot, "before-failure", "2.00"));
		awaitWaiting(lot, 1);
		Future<String> failing = this.threads.submit(() -> this.writer.write(lot, (arrived) -> {
			// Closes the lot and logs it, then fails: none of it may stay, and nothing is published.
			Lot stored = this.lots.findById(lot).orElseThrow();
			stored.close(arrived, IncrementTable.defaults());
			stored.drainEvents().forEach((event) -> this.eventLog.append(stored, event));
			this.lots.saveAndFlush(stored);
			throw new IllegalStateException("refused after closing");
		}));
		awaitWaiting(lot, 2);
		Future<BidResult> after = this.threads.submit(() -> this.engine
			.placeBid(BidRequest.of(lot, this.ben.id(), "after-failure-" + this.ben.id(), new BigDecimal("3.00"), null)));
		awaitWaiting(lot, 3);

		this.release.countDown();

		BidResult first = before.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		BidResult second = after.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThatThrownBy(() -> failing.get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.hasRootCauseMessage("refused after closing");
		assertThat(first.accepted()).isTrue();
		assertThat(second.accepted()).isTrue();
		assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
		LotView now = this.catalog.lot(lot).orElseThrow();
		assertThat(now.status()).isEqualTo("open");
		assertThat(now.price()).isEqualTo("3.00");
		assertThat(this.catalog.eventsAfter(lot, 0, 100).orElseThrow())
			.noneMatch((event) -> event.contains("\"kind\":\"closed\""));
		assertThat(this.recorder.of(lot)).extracting((seen) -> seen.event().sequence())
			.containsExactly(1L, first.sequence(), second.sequence());
		assertThat(this.recorder.of(lot)).allMatch(EventRecorder.Seen::committed);
	}

	private long openLot(Instant end) {
		LotView lot = this.engine.createLot(
				LotTerms.of("EUR", "1.00").running(this.clock.instant().minusSeconds(60), end).spec());
		this.engine.openNow(lot.id());
		return lot.id();
	}

	private BidResult bid(long lot, String requestId, String amount) {
		return this.engine.placeBid(BidRequest.of(lot, this.ada.id(), requestId + "-" + this.ada.id(),
				new BigDecimal(amount), null));
	}

	/** Keeps the lot's turn on another thread, as a slow earlier change would, until released. */
	private void holdTheLot(long lot) throws Exception {
		CompletableFuture<Void> holding = new CompletableFuture<>();
		this.threads.submit(() -> this.writer.write(lot, (arrived) -> {
			holding.complete(null);
			try {
				return new LotWriter.Decided<>(this.release.await(WAIT.toSeconds(), TimeUnit.SECONDS), List.of());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new LotWriter.Decided<>(false, List.of());
			}
		}));
		holding.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private void awaitWaiting(long lot, int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.writer.waiting(lot) < count) {
			assertThat(System.nanoTime()).as("%d waiting for lot %d", count, lot).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
