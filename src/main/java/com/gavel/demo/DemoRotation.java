package com.gavel.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.AuctionCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps the demo house's lots opening: whenever fewer than {@code gavel.demo.live-lots} demo lots
 * are open or about to open, it puts up again the item whose last lot ended longest ago, to open
 * a minute later (the next a minute after that), so the catalogue always has lots closing within
 * minutes and lots starting soon.
 * <p>
 * Bounded: once the house has put up {@code gavel.demo.max-lots} demo lots it puts up no more
 * (with the defaults about a day of lots); ended lots stay as history, as every lot does. It
 * works only in a house that was laid out as a demo ({@code demo_lot} has rows), never among an
 * operator's own lots, and under the lock the layout takes, so on a shared database one node
 * tops the house up and the others find it topped up.
 */
@Component
@ConditionalOnProperty(name = "gavel.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoRotation {

	private static final Logger log = LoggerFactory.getLogger(DemoRotation.class);

	private static final Set<String> LIVE = Set.of("scheduled", "open", "paused");

	/** How long after the last one the next lot put up opens. */
	static final Duration APART = Duration.ofMinutes(1);

	private final DemoProperties properties;

	private final DemoLots lots;

	private final DemoAuctioneer auctioneer;

	private final AuctionCatalog catalog;

	private final Clock clock;

	private boolean capReported;

	DemoRotation(DemoProperties properties, DemoLots lots, DemoAuctioneer auctioneer, AuctionCatalog catalog,
			Clock clock) {
		this.properties = properties;
		this.lots = lots;
		this.auctioneer = auctioneer;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Puts up lots until enough are live (under the layout's lock, which {@link DemoSchedule} takes). */
	void topUp() {
		Map<String, Long> newest = this.lots.newestByItem();
		if (newest.isEmpty()) {
			return;
		}
		int total = this.lots.count();
		List<DemoCatalogue.Item> waiting = new ArrayList<>();
		int live = 0;
		for (DemoCatalogue.Item item : DemoCatalogue.ITEMS) {
			Long lotId = newest.get(item.key());
			boolean running = lotId != null
					&& this.catalog.lot(lotId).map((lot) -> LIVE.contains(lot.status())).orElse(false);
			if (running) {
				live++;
			}
			else {
				waiting.add(item);
			}
		}
		// Items never put up first, then the one whose last lot is oldest.
		waiting.sort(Comparator.comparing((DemoCatalogue.Item item) -> newest.getOrDefault(item.key(), 0L)));
		Instant opens = this.clock.instant();
		for (DemoCatalogue.Item item : waiting) {
			if (live >= this.properties.liveLots() || total >= this.properties.maxLots()) {
				break;
			}
			opens = opens.plus(APART);
			this.auctioneer.schedule(item, opens);
			live++;
			total++;
		}
		if (total >= this.properties.maxLots() && !this.capReported) {
			this.capReported = true;
			log.info("The demo house has put up {} lots, its limit (gavel.demo.max-lots): it puts up no more", total);
		}
	}

}
