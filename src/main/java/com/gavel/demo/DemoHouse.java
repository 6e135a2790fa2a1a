package com.gavel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.LotView;
import com.gavel.config.SharedDatabase;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty house, puts up the demo catalogue: a dozen lots in five categories, each with its
 * photo, some open and closing within minutes, some about to open, some already sold or not, a
 * timed sale of six more lots closing one a minute ({@link DemoSale}), a live sale of five more that
 * the house's clerk calls from two minutes later ({@link DemoLiveSale}, {@link DemoClerk}), and the
 * demo bidders; so a newcomer sees a living auction at once. {@link DemoRotation} keeps lots
 * opening, {@link DemoSale} and {@link DemoLiveSale} sales, and {@link DemoBidders} keeps them
 * moving from then on. Everything goes through the public services, like any admin's and bidder's
 * actions would.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoHouse implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoHouse.class);

	/** The lock the layout and the rotation share, so a house is laid out once and then topped up. */
	static final String LOCK = "demo house";

	/** Lots open when the house is laid out; the rest of the live ones are about to open. */
	private static final int OPEN_AT_FIRST = 4;

	private final DemoProperties properties;

	private final AccountService accounts;

	private final AuctionEngine engine;

	private final AuctionCatalog catalog;

	private final DemoAuctioneer auctioneer;

	private final DemoLots lots;

	private final Clock clock;

	private final SharedDatabase database;

	private final DemoSale sale;

	private final DemoLiveSale liveSale;

	DemoHouse(DemoProperties properties, AccountService accounts, AuctionEngine engine, AuctionCatalog catalog,
			DemoAuctioneer auctioneer, DemoLots lots, Clock clock, SharedDatabase database, DemoSale sale,
			DemoLiveSale liveSale) {
		this.sale = sale;
		this.liveSale = liveSale;
		this.properties = properties;
		this.accounts = accounts;
		this.engine = engine;
		this.catalog = catalog;
		this.auctioneer = auctioneer;
		this.lots = lots;
		this.clock = clock;
		this.database = database;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.enabled()) {
			// Nodes starting together on one database: the first lays the house out, the others find it.
			this.database.once(LOCK, this::layOut);
		}
	}

	private void layOut() {
		if (!this.catalog.allLots().isEmpty()) {
			return;
		}
		Account ada = bidder("ada", this.properties.password());
		Account ben = bidder("ben", this.properties.password());
		// Nobody signs in as the automatic bidders: their password is made here and forgotten.
		List<Account> automatic = DemoBidders.NAMES.stream()
			.map((name) -> bidder(name, "demo-" + UUID.randomUUID()))
			.toList();
		Instant now = this.clock.instant();
		List<DemoCatalogue.Item> items = DemoCatalogue.ITEMS;
		int live = Math.min(this.properties.liveLots(), items.size());
		for (int i = 0; i < live; i++) {
			DemoCatalogue.Item item = items.get(i);
			if (i < OPEN_AT_FIRST) {
				LotView lot = this.auctioneer.openNow(item, now, now.plus(Duration.ofMinutes(3 + 4L * i)));
				bidAtAsk(lot.id(), i % 2 == 0 ? ada : ben);
				bidAtAsk(lot.id(), automatic.get(i % automatic.size()));
			}
			else {
				this.auctioneer.schedule(item, now.plus(Duration.ofMinutes(1 + 3L * (i - OPEN_AT_FIRST))));
			}
		}
		// The rest ended before the newcomer came: most sold, one without a bid, one below its reserve.
		for (int i = live; i < items.size(); i++) {
			LotView lot = this.auctioneer.openNow(items.get(i), now, now.plus(Duration.ofMinutes(30)));
			int bids = (i % 3 == 0) ? 0 : 2 + i % 3;
			for (int b = 0; b < bids; b++) {
				bidAtAsk(lot.id(), b % 2 == 0 ? automatic.get(b % automatic.size()) : ada);
			}
			this.engine.closeNow(lot.id());
			this.lots.nextBid(lot.id(), null);
		}
		this.sale.putUp(now);
		this.liveSale.putUp(now);
		log.info("Opened the demo house: {} lots, a timed sale of {} and a live sale of {}; demo bidders 'ada' and 'ben'"
				+ " sign in with password '{}'", items.size(), DemoSale.LOTS.size(), DemoLiveSale.LOTS.size(),
				this.properties.password());
	}

	private Account bidder(String name, String password) {
		return this.accounts.findByUsername(name)
			.orElseGet(() -> this.accounts.register(name, name + "@demo.gavel.local", password, Role.BIDDER));
	}

	private void bidAtAsk(long lotId, Account bidder) {
		LotView lot = this.catalog.lot(lotId).orElseThrow();
		this.engine.placeBid(
				BidRequest.of(lotId, bidder.id(), "demo-" + UUID.randomUUID(), new BigDecimal(lot.ask()), null));
	}

}
