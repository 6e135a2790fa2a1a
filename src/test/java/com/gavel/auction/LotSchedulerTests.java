package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lots open and close on time with nobody connected: the application's own scheduler does it,
 * driven by the (test-controlled) clock. Where a test must know that the scheduler looked at a
 * given moment and did nothing, it runs one tick itself; otherwise it waits, bounded, for the
 * scheduled ticks.
 */
@GavelSpringBootTest
class LotSchedulerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private LotScheduler scheduler;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EventLog eventLog;

	@Test
	void opensAScheduledLotWhenItsStartComes() {
		Instant now = this.clock.advanceToWholeSecond();
		long lot = scheduledLot(now.plus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)));

		this.clock.moveTo(now.plus(Duration.ofMinutes(1)).minusMillis(1));
		this.scheduler.tick();
		assertThat(status(lot)).isEqualTo("scheduled");

		this.clock.moveTo(now.plus(Duration.ofMinutes(1)));
		awaitStatus(lot, "open");
		assertThat(kinds(lot)).containsExactly("scheduled", "opened");
	}

	@Test
	void closesAnOpenLotWhenItsEndComes() {
		Instant now = this.clock.advanceToWholeSecond();
		Instant end = now.plus(Duration.ofMinutes(30));
		long lot = openLot(now, end);
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		assertThat(bid(lot, ada, "sched-1", "1.00").accepted()).isTrue();

		this.clock.moveTo(end.minusMillis(1));
		this.scheduler.tick();
		assertThat(status(lot)).isEqualTo("open");

		this.clock.moveTo(end);
		awaitStatus(lot, "closed");
		LotView closed = this.catalog.lot(lot).orElseThrow();
		assertThat(closed.outcome()).isEqualTo("sold");
		assertThat(closed.endsAt()).isEqualTo(end);
		assertThat(kinds(lot)).containsExactly("opened", "bid", "closed");
		assertThat(bid(lot, ada, "sched-2", "5.00").reason()).isEqualTo(RejectReason.LOT_CLOSED);
	}

	@Test
	void aLateBidPostponesTheClose() {
		Instant now = this.clock.advanceToWholeSecond();
		Instant end = now.plus(Duration.ofMinutes(30));
		long lot = openLot(now, end);
		Account ada = TestAccounts.newBidder(this.accounts, "ada");

		Instant late = this.clock.moveTo(end.minusSeconds(30));
		bid(lot, ada, "late-1", "1.00");
		Instant newEnd = late.plus(Duration.ofMinutes(2));
		assertThat(this.catalog.lot(lot).orElseThrow().endsAt()).isEqualTo(newEnd);

		this.clock.moveTo(end);
		this.scheduler.tick();
		assertThat(status(lot)).isEqualTo("open");

		this.clock.moveTo(newEnd);
		awaitStatus(lot, "closed");
		assertThat(kinds(lot)).containsExactly("opened", "bid", "extended", "closed");
	}

	@Test
	void lotsWhoseTimePassedWhileNobodyLookedAreDealtWithAtOnce() {
		Instant now = this.clock.advanceToWholeSecond();
		long scheduled = scheduledLot(now.plus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(5)));
		long open = openLot(now, now.plus(Duration.ofMinutes(5)));

		// As after a restart: both the start and the end have long passed.
		this.clock.advance(Duration.ofHours(6));

		awaitStatus(scheduled, "closed");
		awaitStatus(open, "closed");
		assertThat(kinds(scheduled)).containsExactly("scheduled", "opened", "closed");
		assertThat(this.catalog.lot(scheduled).orElseThrow().outcome()).isEqualTo("unsold");
	}

	@Test
	void pausedLotsWaitForTheirResume() {
		Instant now = this.clock.advanceToWholeSecond();
		Instant end = now.plus(Duration.ofMinutes(10));
		long lot = openLot(now, end);
		this.engine.pause(lot);

		this.clock.advance(Duration.ofMinutes(20));
		this.scheduler.tick();
		assertThat(status(lot)).isEqualTo("paused");

		this.engine.resume(lot);
		assertThat(this.catalog.lot(lot).orElseThrow().endsAt()).isEqualTo(end.plus(Duration.ofMinutes(20)));
		this.scheduler.tick();
		assertThat(status(lot)).isEqualTo("open");

		this.clock.advance(Duration.ofMinutes(10));
		awaitStatus(lot, "closed");
	}

	private long scheduledLot(Instant start, Instant end) {
		LotView lot = this.engine.createLot(LotTerms.of("EUR", "1.00").running(start, end).spec());
		this.engine.schedule(lot.id());
		return lot.id();
	}

	private long openLot(Instant start, Instant end) {
		LotView lot = this.engine.createLot(LotTerms.of("EUR", "1.00").running(start, end).spec());
		this.engine.openNow(lot.id());
		return lot.id();
	}

	private BidResult bid(long lot, Account bidder, String requestId, String amount) {
		return this.engine.placeBid(BidRequest.of(lot, bidder.id(), requestId, new BigDecimal(amount), null));
	}

	private String status(long lot) {
		return this.catalog.lot(lot).orElseThrow().status();
	}

	private void awaitStatus(long lot, String status) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(lot)).isEqualTo(status));
	}

	private List<String> kinds(long lot) {
		return this.catalog.eventsAfter(lot, 0, 100)
			.orElseThrow()
			.stream()
			.map((payload) -> this.eventLog.parse(payload).kind())
			.toList();
	}

}
