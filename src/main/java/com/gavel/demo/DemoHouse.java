package com.gavel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;
import com.gavel.config.SharedDatabase;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty house, puts up a few lots in different states and two demo bidders, so a newcomer
 * sees a living auction at once. Everything goes through the public services, like any admin's
 * and bidder's actions would.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoHouse implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoHouse.class);

	private final DemoProperties properties;

	private final AccountService accounts;

	private final AuctionEngine engine;

	private final AuctionCatalog catalog;

	private final Clock clock;

	private final SharedDatabase database;

	DemoHouse(DemoProperties properties, AccountService accounts, AuctionEngine engine, AuctionCatalog catalog,
			Clock clock, SharedDatabase database) {
		this.database = database;
		this.properties = properties;
		this.accounts = accounts;
		this.engine = engine;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.enabled()) {
			// Nodes starting together on one database: the first lays the house out, the others find it.
			this.database.once("demo house", this::layOut);
		}
	}

	private void layOut() {
		if (!this.catalog.allLots().isEmpty()) {
			return;
		}
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Instant now = this.clock.instant();

		LotView pocketWatch = lot("Silver pocket watch, 1890s", "Hunter case, running, with its original key.", "EUR",
				"40.00", "120.00", null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
		this.engine.openNow(pocketWatch.id());
		bid(pocketWatch.id(), ada, "45.00", null);
		bid(pocketWatch.id(), ben, null, "80.00");
		bid(pocketWatch.id(), ada, "60.00", null);

		LotView lamp = lot("Brass desk lamp", "Green glass shade; rewired.", "EUR", "15.00", null, "90.00",
				now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(4)));
		this.engine.openNow(lamp.id());

		LotView print = lot("Hokusai woodblock print (later edition)", "Framed, 38 x 26 cm.", "USD", "200.00", null,
				null, now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(3)));
		this.engine.schedule(print.id());

		LotView chair = lot("Oak rocking chair", "Solid oak, early 20th century.", "EUR", "25.00", null, null,
				now.minus(Duration.ofHours(3)), now.plus(Duration.ofHours(1)));
		this.engine.openNow(chair.id());
		bid(chair.id(), ben, "25.00", null);
		bid(chair.id(), ada, "30.00", null);
		this.engine.closeNow(chair.id());

		log.info("Opened the demo house: 4 lots; demo bidders 'ada' and 'ben' sign in with password '{}'",
				this.properties.password());
	}

	private Account bidder(String name) {
		return this.accounts.findByUsername(name)
			.orElseGet(() -> this.accounts.register(name, name + "@demo.gavel.local", this.properties.password(),
					Role.BIDDER));
	}

	private LotView lot(String title, String description, String currency, String start, String reserve,
			String buyNow, Instant startsAt, Instant endsAt) {
		return this.engine.createLot(new LotSpec(title, description, currency, minor(start, currency),
				reserve == null ? null : minor(reserve, currency), buyNow == null ? null : minor(buyNow, currency),
				startsAt, endsAt, null, Duration.ofMinutes(2), Duration.ofMinutes(2), null));
	}

	private void bid(long lotId, Account bidder, String amount, String maximum) {
		this.engine.placeBid(BidRequest.of(lotId, bidder.id(), UUID.randomUUID().toString(),
				amount == null ? null : new BigDecimal(amount), maximum == null ? null : new BigDecimal(maximum)));
	}

	private static long minor(String amount, String currency) {
		return Money.toMinor(new BigDecimal(amount), currency);
	}

}
