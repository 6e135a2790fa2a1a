package com.gavel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import org.springframework.stereotype.Component;

/**
 * The demo house's timed sale: six lots of its catalogue under lot numbers and estimates, closing
 * one a minute with group soft close, so a newcomer can watch a sale close lot by lot (and see a
 * late bid push the later lots back). The demo bidders bid on its lots as on the others. When a
 * demo sale is over, the next one opens a minute later, as long as the house is under its limit
 * of lots ({@code gavel.demo.max-lots}). Everything goes through the public services.
 */
@Component
class DemoSale {

	private static final Logger log = LoggerFactory.getLogger(DemoSale.class);

	/** The items it sells, in lot-number order, each with its estimate (low, high). */
	record Entry(String item, String low, String high) {
	}

	static final List<Entry> LOTS = List.of(new Entry("pocket-watch", "80", "120"),
			new Entry("mantel-clock", "150", "200"), new Entry("carriage-clock", "100", "160"),
			new Entry("desk-lamp", "50", "70"), new Entry("oil-lamp", "60", "90"),
			new Entry("botanical-print", "40", "60"));

	/** From its opening to the first lot's end; the others follow one a minute. */
	static final Duration FIRST_LOT_AFTER = Duration.ofMinutes(5);

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Sales sales;

	private final AuctionEngine engine;

	private final AuctionCatalog catalog;

	private final DemoSaleLots saleLots;

	private final DemoLots lots;

	private final DemoProperties properties;

	private final Clock clock;

	DemoSale(Sales sales, AuctionEngine engine, AuctionCatalog catalog, DemoSaleLots saleLots,
			DemoLots lots, DemoProperties properties, Clock clock) {
		this.sales = sales;
		this.engine = engine;
		this.catalog = catalog;
		this.saleLots = saleLots;
		this.lots = lots;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Puts up the next demo sale, opening a minute from now, when no demo sale is open or coming
	 * and the house has room for its lots (under the layout's lock, which {@code DemoSchedule} takes).
	 */
	void topUp() {
		if (!this.lots.roomForSale(SaleKind.TIMED, LOTS.size(), this.properties.maxLots())) {
			return;
		}
		putUp(this.clock.instant().plus(Duration.ofMinutes(1)));
	}

	/** A demo sale that opens at {@code opensAt} (at once, if that has come). */
	void putUp(Instant opensAt) {
		int number = this.lots.sales(SaleKind.TIMED) + 1;
		String currency = "EUR";
		long sale = this.sales.create(new SaleSpec("Clocks, lamps and prints: timed sale no. " + number,
				"Six lots from the demo house, closing one a minute. Bid late on one and watch the later lots move.",
				currency, SaleKind.TIMED, opensAt, opensAt.plus(FIRST_LOT_AFTER), INTERVAL, true, new BigDecimal("20"),
				new BigDecimal("8"), null,
				"This is a demo house: nothing is sold or paid for. A real house says here how and when to pay.",
				"A real house says here where and when to collect what you won."), (id) -> {
				});
		List<SaleLotSpec> specs = LOTS.stream()
			.map((entry) -> DemoSaleLots.spec(entry.item(), LOTS.indexOf(entry) + 1, entry.low(), entry.high(), currency))
			.toList();
		List<LotView> made = this.sales.createLots(sale, specs, (lot, spec) -> {
		});
		for (int i = 0; i < made.size(); i++) {
			long lotId = made.get(i).id();
			this.saleLots.dress(lotId, LOTS.get(i).item());
			LotSpec terms = this.catalog.adminLot(lotId).orElseThrow().terms();
			this.engine.amend(lotId, new LotSpec(terms.title(), terms.description(), terms.currency(),
					terms.startPrice(), terms.reservePrice(), terms.buyNowPrice(), terms.startsAt(), terms.endsAt(),
					null, DemoAuctioneer.SOFT_CLOSE, DemoAuctioneer.SOFT_CLOSE, DemoAuctioneer.MAX_EXTENSIONS));
		}
		this.sales.schedule(sale, () -> {
		});
		if (!opensAt.isAfter(this.clock.instant())) {
			this.sales.openNow(sale, () -> {
			});
		}
		for (int i = 0; i < made.size(); i++) {
			this.lots.add(made.get(i).id(), LOTS.get(i).item(), opensAt.plus(DemoAuctioneer.FIRST_BID_WITHIN.dividedBy(2)));
		}
		log.info("Put up demo sale no. {} ({} lots), opening at {}", number, made.size(), opensAt);
	}

}
