package com.gavel.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.LiveSales;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleStatus;
import com.gavel.auction.SaleSummary;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The demo house's live sale as a newcomer watches it, second by second of the house's time: it
 * opens with the house for absentee bids, the demo bidders leave maximums, two minutes later the
 * demo clerk brings lot 1 up, the room bids by paddle against the absentee maximum, fair warning,
 * the hammer; the next lot comes up a few seconds later; a lot nobody bid on is passed; and once
 * the sale is over the next live sale opens.
 * <p>
 * The demo's own scheduler waits an hour here: the test moves the house's clock a step at a time
 * and then makes the demo's tick itself, so every step of the clerk is seen at the second it is
 * due. The auction's scheduler runs as always.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-demo-live-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=true", "gavel.demo.tick=1h", "gavel.admin.password=demo-test-admin-password",
				"gavel.auction.tick=100ms" })
@Import(GavelTestConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLiveSaleTests {

	static final Duration PROMPTLY = Duration.ofSeconds(15);

	/** The house's fair-warning period (gavel.sales.fair-warning, its default). */
	static final Duration FAIR_WARNING = Duration.ofSeconds(5);

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DemoSchedule schedule;

	@Autowired
	SaleCatalog sales;

	@Autowired
	LiveSales live;

	@Autowired
	LotPhotos photos;

	@Autowired
	LotCategories categories;

	@Autowired
	JdbcTemplate jdbc;

	long saleId;

	Instant goesLive;

	@Test
	@Order(0)
	void theHouseOpensWithALiveSaleTakingAbsenteeBidsThatGoesLiveTwoMinutesLater() throws Exception {
		List<SaleSummary> open = liveSales();
		assertThat(open).hasSize(1);
		SaleDetails sale = this.sales.sale(open.get(0).id()).orElseThrow();
		this.saleId = sale.id();
		this.goesLive = sale.firstLotEndsAt();
		assertThat(this.goesLive).isEqualTo(sale.startsAt().plus(DemoLiveSale.GOES_LIVE_AFTER));
		// Open since the house was laid out (times are kept to the microsecond).
		assertThat(sale.startsAt()).isCloseTo(this.clock.instant(), within(1, ChronoUnit.MILLIS));
		assertThat(sale.lots()).extracting(SaleDetails.SaleLot::lotNumber).containsExactly(1, 2, 3, 4, 5);
		List<String> timedTitles = DemoSale.LOTS.stream()
			.map((e) -> DemoCatalogue.item(e.item()).orElseThrow().title())
			.toList();
		for (SaleDetails.SaleLot lot : sale.lots()) {
			assertThat(lot.lot().status()).isEqualTo("open");
			assertThat(lot.lot().live()).isTrue();
			assertThat(lot.lot().upAt()).isNull();
			assertThat(lot.estimate()).isNotNull();
			assertThat(this.photos.pictures(lot.lot().id())).hasSize(1);
			assertThat(this.categories.of(lot.lot().id())).isPresent();
			assertThat(lot.lot().title()).as("not one of the timed sale's items").isNotIn(timedTitles);
		}
		assertThat(this.jdbc.queryForList("select lot_id from demo_lot", Long.class))
			.containsAll(sale.lots().stream().map((l) -> l.lot().id()).toList());
		JsonNode room = room();
		assertThat(room.path("status").asString()).isEqualTo("open");
		assertThat(room.path("current").isNull()).isTrue();
		assertThat(room.path("next")).hasSize(5);
	}

	@Test
	@Order(1)
	void theDemoBiddersLeaveAbsenteeMaximumsBeforeItGoesLiveAndNoLotComesUpEarly() {
		while (this.clock.instant().plusSeconds(5).isBefore(this.goesLive)) {
			tick(Duration.ofSeconds(5));
		}
		assertThat(this.live.room(this.saleId).current()).isNull();
		List<LotView> lots = lots();
		for (int i = 0; i < lots.size(); i++) {
			List<Instant> maximums = this.jdbc.queryForList(
					"select b.received_at from bid b join app_user u on u.id = b.bidder_id where b.lot_id = ?"
							+ " and b.status = 'ACCEPTED' and b.maximum is not null and u.username in ('clara', 'dario', 'elif', 'femi')",
					Timestamp.class, lots.get(i).id())
				.stream()
				.map(Timestamp::toInstant)
				.toList();
			if (DemoLiveSale.LOTS.get(i).bidders()) {
				assertThat(maximums).as("absentee maximums on lot %d", i + 1)
					.isNotEmpty()
					.allMatch((at) -> at.isBefore(this.goesLive));
			}
			else {
				assertThat(lots.get(i).bids()).as("bids on lot %d, which the demo bidders leave alone", i + 1).isZero();
			}
		}
	}

	@Test
	@Order(2)
	void whenTheSaleGoesLiveTheClerkBringsLotOneUpWithTheAbsenteeMaximumsStanding() throws Exception {
		this.clock.moveTo(this.goesLive);
		this.schedule.tick();
		LiveSales.Console console = this.live.console(this.saleId);
		assertThat(console.room().current().lotNumber()).isEqualTo(1);
		assertThat(console.room().current().upAt()).isEqualTo(this.goesLive);
		assertThat(console.clerk().absentee()).isNotEmpty()
			.allSatisfy((a) -> assertThat(a.placedAt()).isBefore(this.goesLive))
			.allSatisfy((a) -> assertThat(DemoBidders.NAMES).contains(a.bidder()));
		assertThat(console.clerk().leader()).isIn(DemoBidders.NAMES);
		// What a newcomer's sale room reads.
		JsonNode room = room();
		assertThat(room.path("current").path("lotNumber").asInt()).isEqualTo(1);
		assertThat(room.path("current").path("live").asBoolean()).isTrue();
	}

	@Test
	@Order(3)
	void theRoomBidsFairWarningIsCalledTheHammerFallsAndLotTwoComesUpAFewSecondsLater() {
		LotView first = lots().get(0);
		// Within the clerk's longest time up, the warning and a bid or two restarting it.
		ticksUntil("lot 1 is hammered", Duration.ofSeconds(90), () -> "closed".equals(lot(first.id()).status()));
		LotView sold = lot(first.id());
		assertThat(sold.outcome()).isEqualTo("sold");
		assertThat(sold.fairWarningEndsAt()).isNotNull();
		assertThat(sold.closedAt()).as("the hammer waits for fair warning to run out")
			.isAfterOrEqualTo(sold.fairWarningEndsAt());
		assertThat(sold.closedAt()).isBeforeOrEqualTo(sold.upAt().plus(DemoClerk.LONGEST_UP).plus(Duration.ofSeconds(30)));
		List<String> events = clerkEvents(first.id());
		assertThat(events).containsExactly("up", "fair_warning", "closed");
		assertThat(lastPayload(first.id())).contains("\"hammer\":true");
		assertThat(floorBids(first.id())).as("the room bid on lot 1 by paddle").isPositive();

		LotView second = lots().get(1);
		ticksUntil("lot 2 comes up", DemoClerk.BETWEEN_LOTS.plusSeconds(2), () -> lot(second.id()).upAt() != null);
		assertThat(lot(second.id()).upAt()).isAfterOrEqualTo(sold.closedAt().plus(DemoClerk.BETWEEN_LOTS))
			.isBeforeOrEqualTo(sold.closedAt().plus(DemoClerk.BETWEEN_LOTS).plusSeconds(1));
		assertThat(this.live.room(this.saleId).current().lotNumber()).isEqualTo(2);
	}

	@Test
	@Order(4)
	void aLotNobodyBidOnIsPassed() {
		LotView quiet = lots().get(3);
		assertThat(DemoLiveSale.LOTS.get(3).bidders()).isFalse();
		ticksUntil("lot 4 is passed", Duration.ofMinutes(5), () -> "closed".equals(lot(quiet.id()).status()));
		LotView passed = lot(quiet.id());
		assertThat(passed.outcome()).isEqualTo("unsold");
		assertThat(passed.bids()).isZero();
		assertThat(passed.closedAt()).isEqualTo(passed.upAt().plus(DemoClerk.PASS_AFTER));
		assertThat(lastPayload(quiet.id())).contains("\"passed\":true");
		// Every lot before it was called in turn, each within a minute and a half.
		for (LotView lot : lots().subList(0, 3)) {
			assertThat(lot.status()).isEqualTo("closed");
			assertThat(Duration.between(lot.upAt(), lot.closedAt())).isLessThanOrEqualTo(Duration.ofSeconds(90));
		}
	}

	@Test
	@Order(5)
	void whenTheLiveSaleIsOverTheNextOneOpens() {
		LotView last = lots().get(4);
		ticksUntil("lot 5 is called", Duration.ofMinutes(3), () -> "closed".equals(lot(last.id()).status()));
		await().atMost(PROMPTLY)
			.until(() -> "closed".equals(this.sales.sale(this.saleId).orElseThrow().status()));
		this.schedule.tick();
		List<SaleSummary> open = liveSales();
		assertThat(open).singleElement().satisfies((s) -> {
			assertThat(s.id()).isNotEqualTo(this.saleId);
			assertThat(s.title()).endsWith("live sale no. 2");
			assertThat(s.lots()).isEqualTo(DemoLiveSale.LOTS.size());
			assertThat(s.startsAt()).isCloseTo(this.clock.instant(), within(1, ChronoUnit.MILLIS));
			assertThat(s.firstLotEndsAt()).isEqualTo(s.startsAt().plus(DemoLiveSale.GOES_LIVE_AFTER));
		});
		SaleDetails next = this.sales.sale(open.get(0).id()).orElseThrow();
		assertThat(next.lots()).allSatisfy((l) -> {
			assertThat(l.lot().status()).isEqualTo("open");
			assertThat(l.lot().upAt()).isNull();
		});
	}

	// ---- helpers ------------------------------------------------------------------------------

	/** One step of the house's time, then the demo's tick at that time. */
	void tick(Duration step) {
		this.clock.advance(step);
		this.schedule.tick();
	}

	/** Second by second until {@code done}, at most {@code limit} of the house's time. */
	void ticksUntil(String what, Duration limit, BooleanSupplier done) {
		Instant deadline = this.clock.instant().plus(limit);
		while (!done.getAsBoolean()) {
			if (this.clock.instant().isAfter(deadline)) {
				fail("not within " + limit + " of the house's time: " + what);
			}
			tick(Duration.ofSeconds(1));
		}
	}

	List<SaleSummary> liveSales() {
		return this.sales.sales(EnumSet.of(SaleStatus.OPEN)).stream().filter((s) -> "live".equals(s.kind())).toList();
	}

	List<LotView> lots() {
		return this.sales.sale(this.saleId).orElseThrow().lots().stream().map(SaleDetails.SaleLot::lot).toList();
	}

	LotView lot(long id) {
		return lots().stream().filter((l) -> l.id() == id).findFirst().orElseThrow();
	}

	/** The lot's clerk events in order. */
	List<String> clerkEvents(long lotId) {
		return this.jdbc.queryForList("select type from lot_event where lot_id = ?"
				+ " and type in ('up', 'fair_warning', 'closed') order by sequence", String.class, lotId);
	}

	String lastPayload(long lotId) {
		return this.jdbc.queryForObject(
				"select payload from lot_event where lot_id = ? order by sequence desc fetch first 1 rows only", String.class,
				lotId);
	}

	int floorBids(long lotId) {
		return this.jdbc.queryForObject("select count(*) from bid b join floor_paddle p on p.user_id = b.bidder_id"
				+ " where b.lot_id = ? and b.status = 'ACCEPTED'", Integer.class, lotId);
	}

	JsonNode room() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/sales/" + this.saleId + "/live"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

}
