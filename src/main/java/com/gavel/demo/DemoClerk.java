package com.gavel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.gavel.auction.LiveSaleException;
import com.gavel.auction.LiveSales;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo house's clerk: calls its open live sales through {@link LiveSales}, with the calls a
 * clerk makes from the console, at a pace a newcomer can follow (a lot every 30 to 60 seconds).
 * Once a sale has gone live it brings the next lot up a few seconds after the last one closed;
 * once the lot up has a bid and has been quiet a while it calls fair warning (at once after 40
 * seconds up, however lively), and hammers when the warning ran out; it passes a lot nobody bid
 * on; and now and then it enters a bid from the room by paddle, as a clerk does for the floor.
 * <p>
 * Every step follows from the sale as it stands and the house's clock, so nothing is kept
 * between ticks: {@link DemoSchedule} runs it under a house-wide lock of its own, and a node that
 * takes the lock after another finds the step made. A call the sale refuses as things stand (a
 * bid restarted fair warning just now) is tried again on the next tick.
 */
@Component
@ConditionalOnProperty(name = "gavel.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoClerk {

	/** After a lot closes, the next comes up this much later. */
	static final Duration BETWEEN_LOTS = Duration.ofSeconds(12);

	/** Fair warning once a lot with a bid has had no bid for this long. */
	static final Duration QUIET = Duration.ofSeconds(10);

	/** Fair warning after this long up, however lively the lot. */
	static final Duration LONGEST_UP = Duration.ofSeconds(40);

	/** A lot without a bid is passed after this long up. */
	static final Duration PASS_AFTER = Duration.ofSeconds(20);

	/** The room bids only after a short lull, before the clerk would call fair warning. */
	static final Duration FLOOR_AFTER = Duration.ofSeconds(4);

	/** The two bidders in the room, by paddle. */
	static final List<Integer> PADDLES = List.of(14, 27);

	private static final Set<String> UP = Set.of("open", "paused");

	private final DemoLots lots;

	private final SaleCatalog sales;

	private final LiveSales live;

	private final Clock clock;

	DemoClerk(DemoLots lots, SaleCatalog sales, LiveSales live, Clock clock) {
		this.lots = lots;
		this.sales = sales;
		this.live = live;
		this.clock = clock;
	}

	/** Makes the next step in every open live demo sale (under the lock {@link DemoSchedule} takes). */
	void call() {
		for (long saleId : this.lots.openLiveSales()) {
			this.sales.sale(saleId).ifPresent(this::call);
		}
	}

	private void call(SaleDetails sale) {
		Instant now = this.clock.instant();
		if (now.isBefore(sale.firstLotEndsAt())) {
			return; // absentee bidding only, until the sale goes live
		}
		List<LotView> lots = sale.lots().stream().map(SaleDetails.SaleLot::lot).toList();
		Optional<LotView> up = lots.stream().filter((l) -> l.upAt() != null && UP.contains(l.status())).findFirst();
		try {
			if (up.isPresent()) {
				if ("open".equals(up.get().status())) {
					callLot(sale.id(), up.get(), now);
				}
			}
			else {
				bringUpNext(sale.id(), lots, now);
			}
		}
		catch (LiveSaleException ex) {
			// The sale moved meanwhile (a bid restarted fair warning): the next tick looks again.
		}
	}

	private void bringUpNext(long saleId, List<LotView> lots, Instant now) {
		Optional<LotView> next = lots.stream().filter((l) -> "open".equals(l.status()) && l.upAt() == null).findFirst();
		if (next.isEmpty()) {
			return;
		}
		Optional<Instant> lastClosed = lots.stream()
			.filter((l) -> l.upAt() != null && l.closedAt() != null)
			.map(LotView::closedAt)
			.max(Instant::compareTo);
		if (lastClosed.isPresent() && now.isBefore(lastClosed.get().plus(BETWEEN_LOTS))) {
			return;
		}
		this.live.bringUp(saleId, next.get().lotNumber(), (lot) -> {
		});
	}

	private void callLot(long saleId, LotView lot, Instant now) {
		if (lot.fairWarningEndsAt() != null) {
			if (!now.isBefore(lot.fairWarningEndsAt())) {
				this.live.hammer(saleId, (l) -> {
				});
			}
			return;
		}
		if (lot.leader() == null) {
			if (!now.isBefore(lot.upAt().plus(PASS_AFTER))) {
				this.live.pass(saleId, (l) -> {
				});
			}
			return;
		}
		LiveSales.Clerk clerk = this.live.console(saleId).clerk();
		if (clerk == null) {
			return; // closed between the two looks
		}
		Instant lastBid = clerk.recent()
			.stream()
			.filter(LiveSales.Recent::accepted)
			.map(LiveSales.Recent::at)
			.findFirst()
			.orElse(lot.upAt());
		Instant quietSince = lastBid.isAfter(lot.upAt()) ? lastBid : lot.upAt();
		if (!now.isBefore(quietSince.plus(QUIET)) || !now.isBefore(lot.upAt().plus(LONGEST_UP))) {
			this.live.callFairWarning(saleId, (l) -> {
			});
			return;
		}
		if (!now.isBefore(quietSince.plus(FLOOR_AFTER))) {
			floorBid(saleId, lot, clerk);
		}
	}

	/**
	 * A bid from the room at the ask: on lot 1 once, on lot 2 twice, on lot 3 never, and so on,
	 * never when the room leads already nor above the item's ceiling.
	 */
	private void floorBid(long saleId, LotView lot, LiveSales.Clerk clerk) {
		long made = clerk.recent().stream().filter((r) -> r.floor() && r.accepted()).count();
		if (made >= lot.lotNumber() % 3 || lot.ask() == null
				|| PADDLES.stream().anyMatch((p) -> ("Paddle " + p).equals(clerk.leader()))) {
			return;
		}
		Optional<BigDecimal> ceiling = this.lots.item(lot.id())
			.flatMap(DemoCatalogue::item)
			.map(DemoCatalogue.Item::ceilingAmount);
		if (ceiling.isEmpty() || new BigDecimal(lot.ask()).compareTo(ceiling.get()) > 0) {
			return;
		}
		int paddle = PADDLES.get((int) (made % PADDLES.size()));
		this.live.floorBid(saleId, paddle, null, "demo-floor-" + UUID.randomUUID());
	}

}
