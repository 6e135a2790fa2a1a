package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL database, each with a clock of its own, so a bid can arrive on node
 * B "before" something node A decides and reach the lot after it, as it does when B is a few
 * milliseconds slower to the lot's lock. The settle window ({@link SettleWindow}) makes such a bid
 * count by its arrival: it is decided as on one node, before the lot's close or the hammer.
 */
class SettleWindowClusterTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	/** Long enough for the test to place a bid on node B while node A's hammer waits, however slow the machine. */
	private static final Duration SETTLE = Duration.ofSeconds(3);

	private static final Duration WARNING = Duration.ofSeconds(5);

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final Map<String, String> SETTINGS = Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
			"gavel.demo.enabled", "false", "gavel.auction.tick", "100ms", "gavel.auction.cluster-settle",
			SETTLE.toMillis() + "ms", "gavel.sales.fair-warning", WARNING.toMillis() + "ms");

	private static GavelNode a;

	private static GavelNode b;

	private MutableClock clockA;

	private MutableClock clockB;

	private Account ada;

	private Account ben;

	@BeforeAll
	static void startTwoNodes() {
		a = postgres.start(SETTINGS, GavelTestConfiguration.class);
		b = postgres.start(SETTINGS, GavelTestConfiguration.class);
	}

	@BeforeEach
	void setUp() {
		this.clockA = a.bean(MutableClock.class);
		this.clockB = b.bean(MutableClock.class);
		// Both nodes on the same whole second, later than anything an earlier test left.
		Instant now = latest(this.clockA.instant(), this.clockB.instant()).plusSeconds(1);
		Instant second = now.truncatedTo(ChronoUnit.SECONDS);
		this.clockA.moveTo(second);
		this.clockB.moveTo(second);
		this.ada = TestAccounts.newBidder(a.bean(AccountService.class), "ada");
		this.ben = TestAccounts.newBidder(a.bean(AccountService.class), "ben");
	}

	@Test
	void theWindowIsTheHousesSettingOnASharedDatabase() {
		assertThat(a.bean(SettleWindow.class).length()).isEqualTo(SETTLE);
	}

	// ---- timed lots ---------------------------------------------------------------------------

	@Test
	void aBidThatArrivedBeforeTheEndOnAnotherNodeIsDecidedAfterTheEndAndExtendsTheLot() {
		Instant now = this.clockA.instant();
		Instant end = now.plus(Duration.ofMinutes(10));
		long lot = a.bean(AuctionEngine.class)
			.createLot(new LotSpec("Brass carriage clock", "", "EUR", 1000, null, null, now, end, null,
					Duration.ofMinutes(2), Duration.ofMinutes(2), null))
			.id();
		a.bean(AuctionEngine.class).openNow(lot);

		// Node A is past the end, within the window: its scheduler leaves the lot open.
		this.clockA.moveTo(end.plusMillis(100));
		a.bean(LotScheduler.class).tick();
		await().during(Duration.ofMillis(600)).atMost(PATIENCE).until(() -> "open".equals(status(lot)));

		// The bid reached node B 2 ms before the end; it is decided now, after it, and counts.
		Instant arrived = end.minusMillis(2);
		this.clockB.moveTo(arrived);
		BidResult bid = bid(b, lot, this.ada, "10.00");
		assertThat(bid.accepted()).as("refused: %s", bid.reason()).isTrue();
		assertThat(bid.arrivedAt()).isEqualTo(arrived);
		Instant extended = arrived.plus(Duration.ofMinutes(2));
		assertThat(bid.lot().endsAt()).as("a soft-close lot moves from the bid's arrival").isEqualTo(extended);
		assertThat(bid.lot().extensions()).isEqualTo(1);

		// After the new end nothing late gets in while the window runs, and the lot stays open until it passed.
		this.clockB.moveTo(extended.plusMillis(1));
		assertThat(bid(b, lot, this.ben, "20.00").reason()).isEqualTo(RejectReason.LOT_CLOSED);
		this.clockA.moveTo(extended.plus(SETTLE).minusMillis(1));
		a.bean(LotScheduler.class).tick();
		await().during(Duration.ofMillis(600)).atMost(PATIENCE).until(() -> "open".equals(status(lot)));

		this.clockA.moveTo(extended.plus(SETTLE));
		await().atMost(PATIENCE).until(() -> "closed".equals(status(lot)));
		Lot closed = lot(lot);
		assertThat(closed.sold()).isTrue();
		assertThat(closed.getLeaderId()).isEqualTo(this.ada.id());
		assertThat(closed.getClosedAt()).isAfterOrEqualTo(extended.plus(SETTLE));
		assertThat(kinds(lot)).containsExactly("opened", "bid", "extended", "closed");
	}

	// ---- the hammer ---------------------------------------------------------------------------

	@Test
	void aBidThatArrivedBeforeTheHammerOnAnotherNodeRestartsFairWarningAndTheHammerIsRefused() throws Exception {
		long lot = liveLotUp(1).get(0);
		Instant warned = warnedAfterABid(lot, this.ada, "50.00");

		// The clerk hammers on node A once the warning ran out; Ben's bid reached node B 3 ms earlier.
		Instant hammer = warned.plus(WARNING).plusMillis(10);
		Instant arrived = hammer.minusMillis(3);
		this.clockA.moveTo(hammer);
		this.clockB.moveTo(arrived);
		CompletableFuture<LotView> clerk = hammerOn(a, saleOf(lot));
		await().atMost(PATIENCE).until(() -> hammer.equals(lot(lot).getHammerCalledAt()));
		assertThat(status(lot)).as("nothing is sold before the window passed").isEqualTo("open");

		BidResult bid = bid(b, lot, this.ben, "60.00");
		assertThat(bid.accepted()).as("refused: %s", bid.reason()).isTrue();
		assertThat(bid.lot().fairWarningEndsAt()).isEqualTo(arrived.plus(WARNING));

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> clerk.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(LiveSaleException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("fair-warning-running"));
		Lot after = lot(lot);
		assertThat(after.getStatus()).isEqualTo(LotStatus.OPEN);
		assertThat(after.getHammerCalledAt()).isNull();
		assertThat(after.getLeaderId()).isEqualTo(this.ben.id());
		assertThat(kinds(lot)).doesNotContain("closed");
	}

	@Test
	void aBidThatArrivedAfterTheHammerIsRefusedAndTheHammerSellsOnceTheWindowPassed() throws Exception {
		long lot = liveLotUp(1).get(0);
		Instant warned = warnedAfterABid(lot, this.ada, "50.00");

		Instant hammer = warned.plus(WARNING).plusMillis(10);
		this.clockA.moveTo(hammer);
		this.clockB.moveTo(hammer.plusMillis(1));
		long sale = saleOf(lot);
		CompletableFuture<LotView> clerk = hammerOn(a, sale);
		await().atMost(PATIENCE).until(() -> hammer.equals(lot(lot).getHammerCalledAt()));

		assertThat(bid(b, lot, this.ben, "60.00").reason()).isEqualTo(RejectReason.LOT_CLOSED);
		// A second clerk's pass waits for the hammer's answer instead of overtaking it.
		assertThatExceptionOfType(LiveSaleException.class).isThrownBy(() -> b.bean(LiveSales.class).pass(sale, (v) -> {
		})).satisfies((ex) -> assertThat(ex.reason()).isEqualTo("hammer-pending"));
		assertThat(status(lot)).isEqualTo("open");

		LotView sold = clerk.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(sold.status()).isEqualTo("closed");
		assertThat(sold.outcome()).isEqualTo("sold");
		assertThat(sold.price()).isEqualTo("50.00");
		Lot after = lot(lot);
		assertThat(after.sold()).isTrue();
		assertThat(after.getLeaderId()).isEqualTo(this.ada.id());
		assertThat(kinds(lot)).containsExactly("scheduled", "opened", "up", "bid", "fair_warning", "closed");
		assertThat(lastEventJson(lot)).contains("\"hammer\":true");
	}

	@Test
	void aHammerItsNodeLeftWaitingIsSettledByAnotherNodesScheduler() {
		long lot = liveLotUp(1).get(0);
		Instant warned = warnedAfterABid(lot, this.ada, "50.00");
		Instant hammer = warned.plus(WARNING);
		this.clockA.moveTo(hammer);
		// Only the first step, as when node A stops while the clerk's request waits.
		assertThat(a.bean(AuctionEngine.class).callHammer(lot)).isEqualTo(hammer);

		this.clockB.moveTo(hammer.plus(SETTLE));
		b.bean(LotScheduler.class).tick();
		assertThat(status(lot)).as("the clerk's own request has the first window").isEqualTo("open");

		this.clockB.moveTo(hammer.plus(SETTLE.multipliedBy(2)));
		await().atMost(PATIENCE).until(() -> "closed".equals(status(lot)));
		assertThat(lot(lot).sold()).isTrue();
		assertThat(lastEventJson(lot)).contains("\"hammer\":true");
	}

	// ---- helpers ------------------------------------------------------------------------------

	/** A live sale opened with {@code count} lots (start 50.00), its first lot brought up on node A. */
	private List<Long> liveLotUp(int count) {
		Instant now = this.clockA.instant();
		Instant start = now.plus(Duration.ofMinutes(5));
		Instant liveAt = start.plus(Duration.ofHours(1));
		Sales sales = a.bean(Sales.class);
		long sale = sales.create(new SaleSpec("Live sale " + UUID.randomUUID(), "Called by a clerk.", "EUR",
				SaleKind.LIVE, start, liveAt, Duration.ofMinutes(1), false, new BigDecimal("20"), BigDecimal.ZERO, null,
				"Pay at the desk.", "Collect tomorrow."), (id) -> {
				});
		List<SaleLotSpec> specs = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			specs.add(new SaleLotSpec("Lot " + n, "", 5000, null, null, n, null, null));
		}
		List<Long> lots = sales.createLots(sale, specs, (view, spec) -> {
		}).stream().map(LotView::id).toList();
		sales.schedule(sale, () -> {
		});
		this.clockA.moveTo(start);
		lots.forEach((lot) -> await().atMost(PATIENCE).until(() -> "open".equals(status(lot))));
		await().atMost(PATIENCE).until(() -> a.bean(LiveSales.class).room(sale).status().equals("open"));
		this.clockA.moveTo(liveAt);
		this.clockB.moveTo(liveAt);
		a.bean(LiveSales.class).bringUp(sale, 1, (view) -> {
		});
		return lots;
	}

	/** A bid on node A, then fair warning called there: when it was called. */
	private Instant warnedAfterABid(long lot, Account bidder, String amount) {
		assertThat(bid(a, lot, bidder, amount).accepted()).isTrue();
		LotView warned = a.bean(LiveSales.class).callFairWarning(saleOf(lot), (view) -> {
		});
		return warned.fairWarningEndsAt().minus(WARNING);
	}

	private static CompletableFuture<LotView> hammerOn(GavelNode node, long sale) {
		return CompletableFuture.supplyAsync(() -> node.bean(LiveSales.class).hammer(sale, (view) -> {
		}));
	}

	private static BidResult bid(GavelNode node, long lot, Account bidder, String amount) {
		return node.bean(AuctionEngine.class)
			.placeBid(BidRequest.of(lot, bidder.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null));
	}

	private static Lot lot(long id) {
		return a.bean(LotRepository.class).findById(id).orElseThrow();
	}

	private static long saleOf(long lot) {
		return Objects.requireNonNull(lot(lot).getSaleId());
	}

	private static String status(long lot) {
		return a.bean(AuctionCatalog.class).adminLot(lot).orElseThrow().status();
	}

	/** The kinds of the lot's events, in sequence order, as any watcher gets them. */
	private static List<String> kinds(long lot) {
		return events(lot).stream().map((json) -> a.bean(EventLog.class).parse(json).kind()).toList();
	}

	private static String lastEventJson(long lot) {
		List<String> events = events(lot);
		return events.get(events.size() - 1);
	}

	private static List<String> events(long lot) {
		return a.bean(AuctionCatalog.class).eventsAfter(lot, 0, 1000).orElseThrow();
	}

	private static Instant latest(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

}
