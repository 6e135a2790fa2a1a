package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import org.springframework.security.core.userdetails.UserDetailsService;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * A live sale as its clerk runs it, on a clock the test moves: absentee maximums placed before a
 * lot comes up bid for their bidders against floor and online bids; fair warning runs on the
 * server, every bid restarts it, and the hammer cannot fall while it runs; a pass leaves the lot
 * unsold; one lot is up at a time; the clock never closes a live lot before its lapse.
 */
@GavelSpringBootTest
class LiveSaleTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	/** The house's fair-warning period in tests (the default). */
	private static final Duration WARNING = Duration.ofSeconds(5);

	@Autowired
	private Sales sales;

	@Autowired
	private LiveSales live;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private EventLog eventLog;

	@Autowired
	private LotRepository lots;

	@Autowired
	private AccountService accounts;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SettleWindow settle;

	private Account ada;

	private Account ben;

	private Instant start;

	private Instant liveAt;

	@BeforeEach
	void setUp() {
		this.ada = TestAccounts.newBidder(this.accounts, "ada");
		this.ben = TestAccounts.newBidder(this.accounts, "ben");
		this.start = this.clock.advanceToWholeSecond().plus(Duration.ofMinutes(5));
		this.liveAt = this.start.plus(Duration.ofHours(1));
	}

	@Test
	void anAbsenteeMaximumAFloorBidFairWarningResetByAnOnlineBidAndTheHammer() {
		long sale = liveSale();
		List<LotView> lots = openSale(sale, 2);
		long first = lots.get(0).id();
		// Before the sale: Ada leaves a maximum of 80.00 (start price 50.00).
		assertThat(maximum(first, this.ada, "80.00").accepted()).isTrue();
		this.clock.moveTo(this.liveAt);

		LotView up = this.live.bringUp(sale, 1, (lot) -> {
		});
		assertThat(up.upAt()).isEqualTo(this.liveAt);
		assertThat(lastEvent(first).type()).isEqualTo("up");
		assertThat(this.live.room(sale).current().id()).isEqualTo(first);

		// The room bids 55.00 by paddle 12; Ada's maximum answers at once.
		BidResult floor = this.live.floorBid(sale, 12, new BigDecimal("55.00"), "floor-" + UUID.randomUUID());
		assertThat(floor.accepted()).isTrue();
		assertThat(floor.leading()).isFalse();
		LiveSales.Console console = this.live.console(sale);
		assertThat(console.clerk().leader()).isEqualTo(this.ada.username());
		assertThat(console.clerk().leaderMaximum()).isEqualTo("80.00");
		assertThat(console.clerk().absentee()).singleElement()
			.satisfies((a) -> assertThat(a.bidder()).isEqualTo(this.ada.username()))
			.satisfies((a) -> assertThat(a.maximum()).isEqualTo("80.00"));
		assertThat(console.clerk().recent()).anySatisfy((r) -> {
			assertThat(r.bidder()).isEqualTo("Paddle 12");
			assertThat(r.floor()).isTrue();
		});

		// Hammer before any fair warning: refused.
		assertRefused(() -> this.live.hammer(sale, (lot) -> {
		}), "no-fair-warning");

		LotView warned = this.live.callFairWarning(sale, (lot) -> {
		});
		assertThat(warned.fairWarningEndsAt()).isEqualTo(this.liveAt.plus(WARNING));
		assertThat(lastEvent(first).type()).isEqualTo("fair_warning");

		// Two seconds in, Ben bids online at the ask: fair warning starts again from his bid.
		this.clock.moveTo(this.liveAt.plusSeconds(2));
		assertRefused(() -> this.live.hammer(sale, (lot) -> {
		}), "fair-warning-running");
		BidResult online = bid(first, this.ben, "90.00");
		assertThat(online.accepted()).isTrue();
		assertThat(online.leading()).isTrue();
		assertThat(online.lot().fairWarningEndsAt()).isEqualTo(this.liveAt.plusSeconds(2).plus(WARNING));

		// When the first warning would have run out, the restarted one still runs.
		this.clock.moveTo(this.liveAt.plus(WARNING));
		assertRefused(() -> this.live.hammer(sale, (lot) -> {
		}), "fair-warning-running");
		assertThat(this.live.room(sale).current().id()).isEqualTo(first);

		this.clock.moveTo(this.liveAt.plusSeconds(2).plus(WARNING));
		LotView sold = this.live.hammer(sale, (lot) -> {
		});
		assertThat(sold.status()).isEqualTo("closed");
		assertThat(sold.outcome()).isEqualTo("sold");
		assertThat(sold.price()).isEqualTo("90.00");
		assertThat(lastEvent(first).type()).isEqualTo("closed");
		assertThat(lastEvent(first).json()).contains("\"hammer\":true");
		Lot stored = lot(first);
		assertThat(stored.getLeaderId()).isEqualTo(this.ben.id());
		assertThat(stored.sold()).isTrue();

		// Between lots the room has nobody up; the next lot is the second.
		LiveSales.Room between = this.live.room(sale);
		assertThat(between.current()).isNull();
		assertThat(between.next()).extracting(LotView::id).containsExactly(lots.get(1).id());
		this.live.bringUp(sale, 2, (lot) -> {
		});
		assertThat(this.live.room(sale).current().id()).isEqualTo(lots.get(1).id());
	}

	@Test
	void aPassedLotIsUnsoldWhateverItsBidsAndOnlyOneLotIsUpAtATime() {
		long sale = liveSale();
		List<LotView> lots = openSale(sale, 3);
		this.clock.moveTo(this.liveAt);
		this.live.bringUp(sale, 2, (lot) -> {
		});
		assertRefused(() -> this.live.bringUp(sale, 3, (lot) -> {
		}), "lot-up");
		assertRefused(() -> this.live.callFairWarning(sale, (lot) -> {
		}), "no-bids");
		assertThat(bid(lots.get(1).id(), this.ada, "60.00").accepted()).isTrue();

		LotView passed = this.live.pass(sale, (lot) -> {
		});
		assertThat(passed.outcome()).isEqualTo("unsold");
		assertThat(lastEvent(lots.get(1).id()).json()).contains("\"passed\":true");
		assertThat(lot(lots.get(1).id()).sold()).isFalse();
		assertThat(bid(lots.get(1).id(), this.ben, "70.00").reason()).isEqualTo(RejectReason.LOT_CLOSED);
		// A lot that was called cannot come up again.
		assertRefused(() -> this.live.bringUp(sale, 2, (lot) -> {
		}), "lot-done");
		assertRefused(() -> this.live.hammer(sale, (lot) -> {
		}), "no-lot-up");

		this.live.bringUp(sale, 1, (lot) -> {
		});
		assertThat(this.live.room(sale).current().lotNumber()).isEqualTo(1);
	}

	@Test
	void theClockNeverClosesALiveLotUntilItsLapseAndThenItPasses() {
		long sale = liveSale();
		List<LotView> lots = openSale(sale, 1);
		long only = lots.get(0).id();
		assertThat(lots.get(0).live()).isTrue();
		assertThat(bid(only, this.ada, "60.00").accepted()).isTrue();
		this.clock.moveTo(this.liveAt.plus(Duration.ofDays(1)));
		await().during(Duration.ofMillis(600)).atMost(PATIENCE).until(() -> "open".equals(status(only)));
		// A late bid moves no end: a live lot has no soft close.
		assertThat(bid(only, this.ben, "70.00").accepted()).isTrue();
		assertThat(lot(only).getExtensions()).isZero();

		// At its lapse, once the settle window passed (none on one node; in cluster mode, docs/sales.md).
		this.clock.moveTo(this.liveAt.plus(Sale.LIVE_LOTS_LAPSE).plus(this.settle.length()));
		await().atMost(PATIENCE).until(() -> "closed".equals(status(only)));
		assertThat(lot(only).sold()).as("only the hammer sells a live lot").isFalse();
	}

	@Test
	void aBidAndTheHammerAtOnceNeverBothSucceed() throws Exception {
		long sale = liveSale();
		List<LotView> lots = openSale(sale, 12);
		this.clock.moveTo(this.liveAt);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int n = 1; n <= 12; n++) {
				long lotId = lots.get(n - 1).id();
				this.live.bringUp(sale, n, (lot) -> {
				});
				assertThat(bid(lotId, this.ada, "50.00").accepted()).isTrue();
				this.live.callFairWarning(sale, (lot) -> {
				});
				this.clock.moveTo(this.clock.instant().plus(WARNING));
				Future<BidResult> online = pool.submit(() -> bid(lotId, this.ben, "60.00"));
				Future<Boolean> hammer = pool.submit(succeeds(() -> this.live.hammer(sale, (lot) -> {
				})));
				boolean bidAccepted = online.get().accepted();
				boolean hammered = hammer.get();
				assertThat(bidAccepted).as("lot %d: the bid or the hammer came first, never both", n)
					.isNotEqualTo(hammered);
				if (bidAccepted) {
					// The bid restarted fair warning; once it ran out the hammer sells to Ben.
					this.clock.moveTo(this.clock.instant().plus(WARNING));
					assertThat(this.live.hammer(sale, (lot) -> {
					}).price()).isEqualTo("60.00");
				}
				else {
					assertThat(online.get().reason()).isEqualTo(RejectReason.LOT_CLOSED);
				}
				assertThat(lot(lotId).getLeaderId()).isEqualTo(bidAccepted ? this.ben.id() : this.ada.id());
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aPaddleIsOneBidderForTheSaleWhoNeverSignsIn() {
		long sale = liveSale();
		List<LotView> lots = openSale(sale, 1);
		this.clock.moveTo(this.liveAt);
		this.live.bringUp(sale, 1, (lot) -> {
		});
		assertThat(this.live.floorBid(sale, 7, null, "a-" + UUID.randomUUID()).price()).isEqualTo("50.00");
		assertThat(bid(lots.get(0).id(), this.ada, "60.00").accepted()).isTrue();
		BidResult again = this.live.floorBid(sale, 7, null, "b-" + UUID.randomUUID());
		assertThat(again.accepted()).isTrue();
		assertThat(again.alias()).isEqualTo("Bidder 1");
		long paddle = lot(lots.get(0).id()).getLeaderId();
		Account floor = this.accounts.find(paddle).orElseThrow();
		assertThat(floor.floor()).isTrue();
		assertThatExceptionOfType(UsernameNotFoundException.class)
			.isThrownBy(() -> this.users.loadUserByUsername(floor.username()));
		assertThatIllegalArgumentException().as("no paddle 0")
			.isThrownBy(() -> this.live.floorBid(sale, 0, null, "c-" + UUID.randomUUID()));
	}

	// ---- helpers ------------------------------------------------------------------------------

	private static Callable<Boolean> succeeds(Runnable call) {
		return () -> {
			try {
				call.run();
				return true;
			}
			catch (LiveSaleException ex) {
				return false;
			}
		};
	}

	private static void assertRefused(Runnable call, String reason) {
		assertThatExceptionOfType(LiveSaleException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private long liveSale() {
		return this.sales.create(new SaleSpec("Live sale " + UUID.randomUUID(), "Called by a clerk.", "EUR",
				SaleKind.LIVE, this.start, this.liveAt, Duration.ofMinutes(1), false, new BigDecimal("20"),
				BigDecimal.ZERO, null, "Pay at the desk.", "Collect tomorrow."), (id) -> {
				});
	}

	/** Lots numbered 1 to {@code count}, start price 50.00, open at the sale's start. */
	private List<LotView> openSale(long sale, int count) {
		List<SaleLotSpec> specs = new java.util.ArrayList<>();
		for (int n = 1; n <= count; n++) {
			specs.add(new SaleLotSpec("Lot " + n, "", 5000, null, null, n, null, null));
		}
		List<LotView> lots = this.sales.createLots(sale, specs, (view, spec) -> {
		});
		this.sales.schedule(sale, () -> {
		});
		this.clock.moveTo(this.start);
		lots.forEach((l) -> await().atMost(PATIENCE).until(() -> "open".equals(status(l.id()))));
		await().atMost(PATIENCE).until(() -> this.live.room(sale).status().equals("open"));
		return lots.stream().map((l) -> this.catalog.lot(l.id()).orElseThrow()).toList();
	}

	private BidResult bid(long lot, Account bidder, String amount) {
		return this.engine.placeBid(
				BidRequest.of(lot, bidder.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null));
	}

	private BidResult maximum(long lot, Account bidder, String maximum) {
		return this.engine.placeBid(
				BidRequest.of(lot, bidder.id(), UUID.randomUUID().toString(), null, new BigDecimal(maximum)));
	}

	private Lot lot(long id) {
		return this.lots.findById(id).orElseThrow();
	}

	private String status(long lot) {
		return this.catalog.adminLot(lot).orElseThrow().status();
	}

	/** The lot's last event as stored: its type, and its JSON to look into. */
	private Last lastEvent(long lot) {
		List<String> events = this.catalog.eventsAfter(lot, 0, 1000).orElseThrow();
		String json = events.get(events.size() - 1);
		return new Last(this.eventLog.parse(json).kind(), json);
	}

	private record Last(String type, String json) {
	}

}
