package com.gavel.auction;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Timed sales close lot by lot, on the application's own scheduler driven by a clock the test
 * moves: lot N (in lot-number order) ends at the first lot's end plus N-1 intervals, a late bid
 * extends only its lot, or with group soft close every later lot by the same amount, each with an
 * event its watchers get.
 */
@GavelSpringBootTest
class SaleClosingTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	@Autowired
	private Sales sales;

	@Autowired
	private SaleCatalog saleCatalog;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SettleWindow settle;

	@Autowired
	private EventRecorder recorder;

	@Autowired
	private EventLog eventLog;

	@Autowired
	private JdbcTemplate jdbc;

	private Account ada;

	private Account ben;

	private Instant start;

	private Instant firstEnd;

	@BeforeEach
	void setUp() {
		this.ada = TestAccounts.newBidder(this.accounts, "ada");
		this.ben = TestAccounts.newBidder(this.accounts, "ben");
		this.start = this.clock.advanceToWholeSecond().plus(Duration.ofMinutes(5));
		this.firstEnd = this.start.plus(Duration.ofMinutes(30));
	}

	// ---- staggered closing ------------------------------------------------------------------

	@Test
	void lotsCloseOneIntervalApartInLotNumberOrder() {
		long sale = sale(false);
		// Entered out of order, with a gap in the numbers: the order of the numbers decides.
		List<LotView> lots = this.sales.createLots(sale,
				List.of(lot("Third", 30), lot("First", 5), lot("Second", 12)), (view, spec) -> {
				});
		long third = lots.get(0).id();
		long first = lots.get(1).id();
		long second = lots.get(2).id();

		this.sales.schedule(sale, () -> {
		});

		assertThat(this.saleCatalog.sale(sale).orElseThrow().status()).isEqualTo("scheduled");
		assertThat(end(first)).isEqualTo(this.firstEnd);
		assertThat(end(second)).isEqualTo(this.firstEnd.plus(INTERVAL));
		assertThat(end(third)).isEqualTo(this.firstEnd.plus(INTERVAL.multipliedBy(2)));
		assertThat(this.saleCatalog.sale(sale).orElseThrow().lots()).extracting(SaleDetails.SaleLot::lotNumber)
			.containsExactly(5, 12, 30);

		this.clock.moveTo(this.start);
		awaitStatus(first, "open");
		awaitStatus(second, "open");
		awaitStatus(third, "open");
		awaitSaleStatus(sale, "open");

		this.clock.moveTo(settled(this.firstEnd));
		awaitStatus(first, "closed");
		assertThat(status(second)).isEqualTo("open");
		assertThat(status(third)).isEqualTo("open");

		this.clock.moveTo(this.firstEnd.plus(INTERVAL).minusMillis(1));
		assertStaysOpen(second);
		this.clock.moveTo(settled(this.firstEnd.plus(INTERVAL)));
		awaitStatus(second, "closed");
		assertThat(status(third)).isEqualTo("open");
		assertThat(this.saleCatalog.sale(sale).orElseThrow().status()).isEqualTo("open");

		this.clock.moveTo(settled(this.firstEnd.plus(INTERVAL.multipliedBy(2))));
		awaitStatus(third, "closed");
		awaitSaleStatus(sale, "closed");
	}

	@Test
	void renumberingBeforeTheSaleOpensMovesTheLotsTimes() {
		long sale = sale(false);
		List<LotView> lots = this.sales.createLots(sale, List.of(lot("Apple", 1), lot("Pear", 2)), (view, spec) -> {
		});
		long apple = lots.get(0).id();
		long pear = lots.get(1).id();
		this.sales.schedule(sale, () -> {
		});
		assertThat(end(apple)).isEqualTo(this.firstEnd);

		this.sales.recatalogue(sale, List.of(new Catalogue(apple, 2, 1000L, 2000L), new Catalogue(pear, 1, null, null)),
				() -> {
				});

		assertThat(end(pear)).isEqualTo(this.firstEnd);
		assertThat(end(apple)).isEqualTo(this.firstEnd.plus(INTERVAL));
		assertThat(lastEvent(apple).kind()).isEqualTo("updated");
		SaleDetails details = this.saleCatalog.sale(sale).orElseThrow();
		assertThat(details.lots()).extracting((l) -> l.lot().id()).containsExactly(pear, apple);
		assertThat(details.lots().get(1).estimate()).isEqualTo(new SaleDetails.Estimate("10.00", "20.00"));
		assertThat(details.lots().get(0).estimate()).isNull();

		this.sales.openNow(sale, () -> {
		});
		assertThat(status(apple)).isEqualTo("open");
		assertThatExceptionOfType(SaleStateException.class).isThrownBy(() -> this.sales.recatalogue(sale,
				List.of(new Catalogue(apple, 1, null, null), new Catalogue(pear, 2, null, null)), () -> {
				}));
		assertThat(end(pear)).isEqualTo(this.firstEnd);
	}

	// ---- soft close: one lot, or the group ---------------------------------------------------

	@Test
	void withoutGroupSoftCloseALateBidExtendsOnlyItsLot() {
		long sale = sale(false);
		List<LotView> lots = openSale(sale);
		long first = lots.get(0).id();
		long second = lots.get(1).id();
		long third = lots.get(2).id();
		long secondSequence = sequence(second);

		Instant late = this.firstEnd.minusSeconds(30);
		this.clock.moveTo(late);
		assertThat(bid(first, this.ada, "10.00").accepted()).isTrue();

		assertThat(end(first)).isEqualTo(late.plus(Duration.ofMinutes(2)));
		assertThat(end(second)).isEqualTo(this.firstEnd.plus(INTERVAL));
		assertThat(end(third)).isEqualTo(this.firstEnd.plus(INTERVAL.multipliedBy(2)));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(sequence(second)).isEqualTo(secondSequence);
		assertThat(this.jdbc.queryForObject("select count(*) from sale_move where sale_id = ?", Integer.class, sale))
			.isZero();
	}

	@Test
	void withGroupSoftCloseALateBidMovesEveryLaterLotByTheSameAmount() {
		long sale = sale(true);
		List<LotView> lots = openSale(sale);
		long first = lots.get(0).id();
		long second = lots.get(1).id();
		long third = lots.get(2).id();
		Instant secondEnd = this.firstEnd.plus(INTERVAL);
		Instant thirdEnd = this.firstEnd.plus(INTERVAL.multipliedBy(2));

		// Lot 2 is bid on 30 seconds before its end: it moves to 2 minutes after the bid, 90 seconds on.
		Instant late = secondEnd.minusSeconds(30);
		this.clock.moveTo(late);
		BidResult result = bid(second, this.ada, "10.00");
		assertThat(result.accepted()).isTrue();
		Duration shift = Duration.ofSeconds(90);
		assertThat(end(second)).isEqualTo(secondEnd.plus(shift));

		// Lot 3 follows by the same 90 seconds, with an event its watchers get; lot 1, earlier, stays.
		await().atMost(PATIENCE).until(() -> end(third).equals(thirdEnd.plus(shift)));
		EventLog.Payload moved = lastEvent(third);
		assertThat(moved.kind()).isEqualTo("extended");
		assertThat(moved.detail()).containsEntry("previousEndsAt", thirdEnd.toString());
		assertThat(((Number) moved.detail().get("followsLot")).intValue()).isEqualTo(2);
		assertThat(moved.lot().endsAt()).isEqualTo(thirdEnd.plus(shift));
		assertThat(moved.lot().originalEndsAt()).isEqualTo(thirdEnd);
		assertThat(moved.lot().extensions()).isZero();
		EventRecorder.Seen seen = last(this.recorder.of(third));
		assertThat(seen.event().type()).isEqualTo(LotEventType.EXTENDED);
		assertThat(seen.committed()).isTrue();
		// Lot 1 ended before the bid (the clock is past its end): it closes at its own end, unmoved.
		awaitStatus(first, "closed");
		assertThat(end(first)).isEqualTo(this.firstEnd);
		assertThat(kinds(first)).doesNotContain("extended");
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForObject("select count(*) from sale_move where sale_id = ?", Integer.class,
					sale) == 0);

		// Each lot then closes at its own end: lot 3 no longer at the end it had.
		this.clock.moveTo(thirdEnd);
		assertStaysOpen(third);
		this.clock.moveTo(settled(secondEnd.plus(shift)));
		awaitStatus(second, "closed");
		assertThat(status(third)).isEqualTo("open");
		this.clock.moveTo(settled(thirdEnd.plus(shift)));
		awaitStatus(third, "closed");
		awaitSaleStatus(sale, "closed");
	}

	@Test
	void aBidOnTheLastLotOfAGroupMovesNothingElse() {
		long sale = sale(true);
		List<LotView> lots = openSale(sale);
		long second = lots.get(1).id();
		long third = lots.get(2).id();
		Instant thirdEnd = this.firstEnd.plus(INTERVAL.multipliedBy(2));

		this.clock.moveTo(thirdEnd.minusSeconds(60));
		assertThat(bid(third, this.ben, "10.00").accepted()).isTrue();

		assertThat(end(third)).isEqualTo(thirdEnd.plus(Duration.ofMinutes(1)));
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForObject("select count(*) from sale_move where sale_id = ?", Integer.class,
					sale) == 0);
		assertThat(kinds(second)).doesNotContain("extended");
		assertThat(end(second)).isEqualTo(this.firstEnd.plus(INTERVAL));
	}

	@Test
	void aMoveLeftUnfinishedHoldsTheLaterLotsOpenUntilItIsCarriedOut() {
		long sale = sale(true);
		List<LotView> lots = openSale(sale);
		long second = lots.get(1).id();
		long third = lots.get(2).id();
		Instant secondEnd = this.firstEnd.plus(INTERVAL);
		Instant thirdEnd = this.firstEnd.plus(INTERVAL.multipliedBy(2));

		// As a node that committed a late bid on lot 1 and died before moving the later lots would leave it.
		this.clock.moveTo(secondEnd);
		this.jdbc.update("insert into sale_move (sale_id, after_lot_number, shift_micros, moved_through, created_at)"
				+ " values (?, 1, ?, 1, ?)", sale, Duration.ofMinutes(3).toNanos() / 1000, Timestamp.from(secondEnd));

		// Lot 2's end has come, but the move it is owed has not reached it: it stays open.
		assertStaysOpen(second);

		// Once the move is old enough, the sweep carries it out: both later lots move by 3 minutes.
		this.clock.moveTo(secondEnd.plusSeconds(6));
		await().atMost(PATIENCE).until(() -> end(third).equals(thirdEnd.plus(Duration.ofMinutes(3))));
		assertThat(end(second)).isEqualTo(secondEnd.plus(Duration.ofMinutes(3)));
		assertThat(status(second)).isEqualTo("open");
		assertThat(((Number) lastEvent(second).detail().get("followsLot")).intValue()).isEqualTo(1);
		this.clock.moveTo(settled(secondEnd.plus(Duration.ofMinutes(3))));
		awaitStatus(second, "closed");
	}

	// ---- increments ------------------------------------------------------------------------

	@Test
	void aYenSaleBidsInTheYenTableWhileALoneYenLotKeepsTheHouseTable() {
		long sale = this.sales.create(spec("Yen sale", "JPY", false, null), (id) -> {
		});
		long inSale = this.sales.createLots(sale,
				List.of(new SaleLotSpec("Netsuke", "", 10_000, null, null, 1, 20_000L, 30_000L)), (v, s) -> {
				}).get(0).id();
		this.sales.schedule(sale, () -> {
		});
		this.sales.openNow(sale, () -> {
		});
		LotView alone = this.engine.createLot(new LotSpec("Lone netsuke", "", "JPY", 10_000, null, null,
				this.clock.instant(), this.firstEnd, null, Duration.ofMinutes(2), Duration.ofMinutes(2), null));
		this.engine.openNow(alone.id());

		bid(inSale, this.ada, "10000");
		bid(alone.id(), this.ada, "10000");

		// From ¥10,000 the yen table steps by ¥500; the house table, made for euros, by 100.
		assertThat(this.catalog.lot(inSale).orElseThrow().ask()).isEqualTo("10500");
		assertThat(this.catalog.lot(alone.id()).orElseThrow().ask()).isEqualTo("10100");
		assertThat(bid(inSale, this.ben, "10100").reason()).isEqualTo(RejectReason.BELOW_MINIMUM);
		assertThat(this.saleCatalog.sale(sale).orElseThrow().terms().houseIncrements()).isTrue();
		assertThat(this.saleCatalog.sale(sale).orElseThrow().lots().get(0).estimate())
			.isEqualTo(new SaleDetails.Estimate("20000", "30000"));
	}

	@Test
	void aSaleWithItsOwnTableBidsInIt() {
		List<IncrementTable.Step> own = IncrementSteps.parseLines("0 5\n100 20");
		long sale = this.sales.create(spec("Own table", "EUR", false, own), (id) -> {
		});
		long lot = this.sales.createLots(sale, List.of(new SaleLotSpec("Vase", "", 10_000, null, null, 1, null, null)),
				(v, s) -> {
				}).get(0).id();
		this.sales.schedule(sale, () -> {
		});
		this.sales.openNow(sale, () -> {
		});

		bid(lot, this.ada, "100.00");

		assertThat(this.catalog.lot(lot).orElseThrow().ask()).isEqualTo("120.00");
		SaleDetails.Terms terms = this.saleCatalog.sale(sale).orElseThrow().terms();
		assertThat(terms.houseIncrements()).isFalse();
		assertThat(terms.increments()).containsExactly(new SaleDetails.Band("0", "5"), new SaleDetails.Band("100", "20"));
		assertThat(terms.buyersPremium()).isEqualTo("25");
		assertThat(terms.tax()).isEqualTo("8.875");
		// Once the sale is open its terms are what bidders rely on.
		SaleSpec cheaper = spec("Own table", "EUR", false, IncrementSteps.parseLines("0 1"));
		assertThatExceptionOfType(SaleStateException.class).isThrownBy(() -> this.sales.amend(sale, cheaper, () -> {
		}));
		assertThat(this.catalog.lot(lot).orElseThrow().ask()).isEqualTo("120.00");
	}

	// ---- helpers ----------------------------------------------------------------------------

	private long sale(boolean group) {
		return this.sales.create(spec("Timed sale", "EUR", group, null), (id) -> {
		});
	}

	private SaleSpec spec(String title, String currency, boolean group, List<IncrementTable.Step> increments) {
		return new SaleSpec(title + " " + UUID.randomUUID(), "A sale made by a test.", currency, SaleKind.TIMED,
				this.start, this.firstEnd, INTERVAL, group, new BigDecimal("25"), new BigDecimal("8.875"), increments,
				"Pay within three days.", "Collect by Friday.");
	}

	private static SaleLotSpec lot(String title, int number) {
		return new SaleLotSpec(title, "", 500, null, null, number, null, null);
	}

	/** Three lots numbered 1 to 3, scheduled and opened at the sale's start. */
	private List<LotView> openSale(long sale) {
		List<LotView> lots = this.sales.createLots(sale, List.of(lot("One", 1), lot("Two", 2), lot("Three", 3)),
				(view, spec) -> {
				});
		this.sales.schedule(sale, () -> {
		});
		this.clock.moveTo(this.start);
		lots.forEach((l) -> awaitStatus(l.id(), "open"));
		return lots;
	}

	private BidResult bid(long lot, Account bidder, String amount) {
		return this.engine.placeBid(
				BidRequest.of(lot, bidder.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null));
	}

	private LotAdminView admin(long lot) {
		return this.catalog.adminLot(lot).orElseThrow();
	}

	private Instant end(long lot) {
		return admin(lot).lot().endsAt();
	}

	private String status(long lot) {
		return admin(lot).status();
	}

	private long sequence(long lot) {
		return admin(lot).lot().sequence();
	}

	/**
	 * When a lot that ends at {@code end} closes: at its end on one node, once the settle window
	 * after it passed in cluster mode (SaleClosingOnPostgresTests).
	 */
	private Instant settled(Instant end) {
		return end.plus(this.settle.length());
	}

	private void awaitStatus(long lot, String status) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(lot)).isEqualTo(status));
	}

	private void awaitSaleStatus(long sale, String status) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.saleCatalog.adminSale(sale).orElseThrow().status()).isEqualTo(status));
	}

	/** Several scheduler ticks (100 ms each in tests) pass and the lot is still open. */
	private void assertStaysOpen(long lot) {
		await().during(Duration.ofMillis(600)).atMost(PATIENCE).until(() -> "open".equals(status(lot)));
	}

	private EventLog.Payload lastEvent(long lot) {
		return this.eventLog.parse(last(this.catalog.eventsAfter(lot, 0, 1000).orElseThrow()));
	}

	private List<String> kinds(long lot) {
		return this.catalog.eventsAfter(lot, 0, 1000)
			.orElseThrow()
			.stream()
			.map((payload) -> this.eventLog.parse(payload).kind())
			.toList();
	}

	private static <T> T last(List<T> list) {
		return list.get(list.size() - 1);
	}

}
