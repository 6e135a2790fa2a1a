package com.gavel.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.awaitility.Awaitility;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LedgerEntry;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleStatus;
import com.gavel.auction.SaleSummary;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The demo house as a newcomer finds it, with time driven by the test clock: a dozen lots in
 * several categories, each with its photo; demo bidders who bid on every open lot within a
 * minute by themselves; and lots that keep opening, up to the house's limit (30 here: the layout
 * puts up 23, its dozen and the lots of a timed and a live sale).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-demo-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=true", "gavel.demo.tick=100ms", "gavel.demo.max-lots=30",
				"gavel.admin.password=demo-test-admin-password", "gavel.auction.tick=100ms" })
@Import(GavelTestConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHouseTests {

	/** gavel.demo.live-lots, left at its default here. */
	static final int LIVE_LOTS = 6;

	/** gavel.demo.max-lots here. */
	static final int MAX_LOTS = 30;

	/** Generous: the scheduler ticks every 100 ms, but CI machines are slow. */
	static final Duration PROMPTLY = Duration.ofSeconds(15);

	@Autowired
	MutableClock clock;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	LotPhotos photos;

	@Autowired
	LotCategories categories;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SaleCatalog sales;

	List<Long> demoLots() {
		return this.jdbc.queryForList("select lot_id from demo_lot order by lot_id", Long.class);
	}

	LotView lot(long id) {
		return this.catalog.lot(id).orElseThrow();
	}

	Set<Long> demoBidderIds() {
		Set<Long> ids = new HashSet<>();
		for (String name : DemoBidders.NAMES) {
			ids.add(this.accounts.findByUsername(name).map(Account::id).orElseThrow());
		}
		return ids;
	}

	static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(PROMPTLY);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				fail("not within " + PROMPTLY + ": " + what);
			}
			Thread.sleep(50);
		}
	}

	@Test
	@Order(0)
	void theHouseHasATimedSaleWhoseLotsCloseOneAMinute() {
		List<SaleSummary> open = this.sales.sales(EnumSet.of(SaleStatus.OPEN))
			.stream()
			.filter((s) -> "timed".equals(s.kind()))
			.toList();
		assertThat(open).hasSize(1);
		SaleDetails sale = this.sales.sale(open.get(0).id()).orElseThrow();
		assertThat(sale.groupSoftClose()).isTrue();
		assertThat(sale.lots()).extracting(SaleDetails.SaleLot::lotNumber).containsExactly(1, 2, 3, 4, 5, 6);
		Instant first = sale.lots().get(0).lot().endsAt();
		for (int i = 0; i < sale.lots().size(); i++) {
			SaleDetails.SaleLot lot = sale.lots().get(i);
			assertThat(lot.lot().status()).isEqualTo("open");
			assertThat(lot.lot().endsAt()).isEqualTo(first.plus(Duration.ofMinutes(i)));
			assertThat(lot.estimate()).isNotNull();
			assertThat(this.photos.pictures(lot.lot().id())).hasSize(1);
		}
		assertThat(first).isAfter(this.clock.instant()).isBefore(this.clock.instant().plus(Duration.ofMinutes(6)));
		assertThat(demoLots()).containsAll(sale.lots().stream().map((l) -> l.lot().id()).toList());
	}

	@Test
	@Order(1)
	void theHouseOpensWithADozenLotsInSeveralCategoriesEachWithItsPhoto() {
		List<Long> lots = demoLots().subList(0, DemoCatalogue.ITEMS.size());
		assertThat(lots).hasSize(12);
		Set<String> categories = new HashSet<>();
		Map<String, Integer> statuses = new HashMap<>();
		for (long id : lots) {
			LotView lot = lot(id);
			DemoCatalogue.Item item = DemoCatalogue.ITEMS.stream()
				.filter((i) -> i.title().equals(lot.title()))
				.findFirst()
				.orElseThrow();
			List<LotPhotos.Picture> pictures = this.photos.pictures(id);
			assertThat(pictures).as(lot.title()).hasSize(1);
			assertThat(pictures.get(0).alt()).isEqualTo(item.alt());
			assertThat(pictures.get(0).display().width()).isEqualTo(DemoPictures.WIDTH);
			assertThat(pictures.get(0).thumb().width()).isEqualTo(320);
			categories.add(this.categories.of(id).orElseThrow());
			statuses.merge(lot.status(), 1, Integer::sum);
		}
		assertThat(categories).hasSizeGreaterThanOrEqualTo(4);
		// Some open now, some about to open, the rest already over.
		assertThat(statuses.get("open")).isGreaterThanOrEqualTo(3);
		assertThat(statuses.get("scheduled")).isGreaterThanOrEqualTo(1);
		assertThat(statuses.get("closed")).isGreaterThanOrEqualTo(3);
	}

	@Test
	@Order(2)
	void theDemoBiddersBidOnEveryOpenLotWithinAMinuteByThemselves() throws Exception {
		Instant now = this.clock.instant();
		List<LotView> open = demoLots().stream()
			.map(this::lot)
			.filter((l) -> "open".equals(l.status()) && l.endsAt().isAfter(now.plus(Duration.ofMinutes(2))))
			// The live sale's lots go at the pace of its clerk (DemoLiveSaleTests).
			.filter((l) -> !l.live())
			.toList();
		assertThat(open).isNotEmpty();
		Map<Long, Integer> before = new HashMap<>();
		open.forEach((l) -> before.put(l.id(), l.bids()));
		// While the clock stands still nobody bids...
		Thread.sleep(500);
		open.forEach((l) -> assertThat(lot(l.id()).bids()).isEqualTo(before.get(l.id())));
		// ...and within a minute of the house's time every open lot has had a new bid.
		this.clock.advance(Duration.ofSeconds(55));
		for (LotView l : open) {
			await("a demo bid on " + l.title(), () -> lot(l.id()).bids() > before.get(l.id()));
			List<LedgerEntry> ledger = this.catalog.ledger(l.id());
			assertThat(demoBidderIds()).as("who bid last on " + l.title())
				.contains(ledger.get(ledger.size() - 1).bidderId());
		}
	}

	@Test
	@Order(3)
	void lotsKeepOpeningUntilTheHousesLimit() throws Exception {
		long lastOfLayout = demoLots().get(DemoCatalogue.ITEMS.size() - 1);
		Set<Long> seenOpen = new HashSet<>();
		for (int minute = 0; minute < 90; minute++) {
			this.clock.advance(Duration.ofMinutes(1));
			Instant now = this.clock.instant();
			// The scheduler closes what ended and the rotation tops the house up.
			await("lots that ended are closed", () -> demoLots().stream()
				.map(this::lot)
				.noneMatch((l) -> "open".equals(l.status()) && !l.endsAt().isAfter(now)));
			await("the house is topped up", () -> live() >= LIVE_LOTS || demoLots().size() >= MAX_LOTS);
			demoLots().stream().filter((id) -> "open".equals(lot(id).status())).forEach(seenOpen::add);
			assertThat(demoLots()).hasSizeLessThanOrEqualTo(MAX_LOTS);
		}
		assertThat(demoLots()).hasSize(MAX_LOTS);
		assertThat(seenOpen).as("lots put up after the layout opened").anyMatch((id) -> id > lastOfLayout);
		long rebid = seenOpen.stream()
			.filter((id) -> id > lastOfLayout)
			.filter((id) -> this.catalog.ledger(id).stream().anyMatch((b) -> demoBidderIds().contains(b.bidderId())))
			.count();
		assertThat(rebid).as("lots put up later that the demo bidders bid on").isPositive();
		// At its limit the house stops: another hour puts up nothing more, and its lots end, the
		// live sale's as its clerk calls them (seconds apart, so the clock moves in seconds).
		for (int minute = 0; minute < 30; minute++) {
			this.clock.advance(Duration.ofMinutes(2));
		}
		Awaitility.await("every demo lot has ended")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				if (live() == 0) {
					return true;
				}
				this.clock.advance(Duration.ofSeconds(2));
				return false;
			});
		assertThat(demoLots()).hasSize(MAX_LOTS);
	}

	long live() {
		return demoLots().stream().map(this::lot).filter((l) -> Set.of("scheduled", "open", "paused").contains(l.status()))
			.count();
	}

}
