package com.gavel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.LotView;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import org.springframework.stereotype.Component;

/**
 * The demo house's live sale: five lots of its catalogue (none of the timed sale's) under lot
 * numbers and estimates, open for absentee bids at once and called by {@link DemoClerk} from two
 * minutes later, one lot at a time, so a newcomer can watch a live sale from its room. The demo
 * bidders leave absentee maximums before it goes live and bid on the lot that is up; one lot has
 * no demo bidder, so unless a person bids on it the clerk passes it. When a live demo sale is
 * over the next one opens, as long as the house is under its limit of lots
 * ({@code gavel.demo.max-lots}). Everything goes through the public services.
 */
@Component
class DemoLiveSale {

	private static final Logger log = LoggerFactory.getLogger(DemoLiveSale.class);

	/**
	 * An item it sells, in lot-number order, with its estimate (low, high).
	 * @param bidders whether the demo bidders bid on it
	 */
	record Entry(String item, String low, String high, boolean bidders) {
	}

	static final List<Entry> LOTS = List.of(new Entry("teapot", "50", "80", true),
			new Entry("rocking-chair", "45", "70", true), new Entry("celadon-vase", "70", "110", true),
			new Entry("side-table", "70", "110", false), new Entry("river-landscape", "200", "300", true));

	/** From its opening (absentee bids only) to the clerk bringing lot 1 up. */
	static final Duration GOES_LIVE_AFTER = Duration.ofMinutes(2);

	/** The demo bidders' first absentee maximums, one lot after the other, this far apart. */
	static final Duration ABSENTEE_APART = Duration.ofSeconds(10);

	private final Sales sales;

	private final DemoSaleLots saleLots;

	private final DemoLots lots;

	private final DemoProperties properties;

	private final Clock clock;

	DemoLiveSale(Sales sales, DemoSaleLots saleLots, DemoLots lots, DemoProperties properties, Clock clock) {
		this.sales = sales;
		this.saleLots = saleLots;
		this.lots = lots;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Puts up the next live demo sale, open now, when no live demo sale is open or coming and the
	 * house has room for its lots (under the layout's lock, which {@code DemoSchedule} takes).
	 */
	void topUp() {
		if (!this.lots.roomForSale(SaleKind.LIVE, LOTS.size(), this.properties.maxLots())) {
			return;
		}
		putUp(this.clock.instant());
	}

	/** A live demo sale, open for absentee bids from {@code now} and going live two minutes later. */
	void putUp(Instant now) {
		int number = this.lots.sales(SaleKind.LIVE) + 1;
		String currency = "EUR";
		Instant goesLive = now.plus(GOES_LIVE_AFTER);
		long sale = this.sales.create(new SaleSpec("Furniture, ceramics and pictures: live sale no. " + number,
				"Five lots called by the house's clerk one at a time, from two minutes after the sale opens."
						+ " Leave a maximum before then, or watch the room and bid on the lot that is up.",
				currency, SaleKind.LIVE, now, goesLive, Duration.ofMinutes(1), false, new BigDecimal("20"),
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
		}
		this.sales.schedule(sale, () -> {
		});
		this.sales.openNow(sale, () -> {
		});
		for (int i = 0; i < made.size(); i++) {
			Entry entry = LOTS.get(i);
			// A lot nobody plans to bid on keeps no plan: the demo bidders never look at it.
			Instant firstBid = entry.bidders()
					? now.plus(DemoAuctioneer.FIRST_BID_WITHIN.dividedBy(2)).plus(ABSENTEE_APART.multipliedBy(i))
					: null;
			this.lots.add(made.get(i).id(), entry.item(), firstBid);
		}
		log.info("Put up live demo sale no. {} ({} lots), going live at {}", number, made.size(), goesLive);
	}

}
