package com.gavel.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.LotView;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo house's automatic bidders: on every open demo lot one of them bids at the ask (now and
 * then with a maximum) every 20 to 50 seconds, never against themself and never above the item's
 * ceiling, so a newcomer who opens any demo lot sees it move within a minute, and a person can
 * still win. Their bids go through the engine like anyone's, so every page sees them live.
 * <p>
 * Only with the demo house on. On a shared database every node's {@link DemoSchedule} ticks, but
 * under one house-wide lock and from the plan in {@code demo_lot}: a node that finds a bid already
 * made by another (the lot's next bid moved into the future) makes none.
 */
@Component
@ConditionalOnProperty(name = "gavel.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoBidders {

	/** Their usernames; the public sees only "Bidder 3". */
	static final List<String> NAMES = List.of("clara", "dario", "elif", "femi");

	static final Duration SHORTEST_PAUSE = Duration.ofSeconds(20);

	static final Duration LONGEST_PAUSE = Duration.ofSeconds(50);

	private final DemoLots lots;

	private final AuctionCatalog catalog;

	private final AuctionEngine engine;

	private final AccountService accounts;

	private final Clock clock;

	private final Random random = new Random();

	DemoBidders(DemoLots lots, AuctionCatalog catalog, AuctionEngine engine, AccountService accounts,
			Clock clock) {
		this.lots = lots;
		this.catalog = catalog;
		this.engine = engine;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Bids wherever a demo lot's next bid is due (under the house-wide lock {@link DemoSchedule} takes). */
	void bidWhereDue() {
		Instant now = this.clock.instant();
		List<DemoLots.Due> due = this.lots.dueToBid(now);
		if (due.isEmpty()) {
			return;
		}
		List<Account> bidders = NAMES.stream().map(this.accounts::findByUsername).flatMap(Optional::stream).toList();
		for (DemoLots.Due lot : due) {
			bidOn(lot, bidders, now);
		}
	}

	private void bidOn(DemoLots.Due due, List<Account> bidders, Instant now) {
		Optional<LotView> found = this.catalog.lot(due.lotId());
		Optional<DemoCatalogue.Item> item = DemoCatalogue.item(due.item());
		if (found.isEmpty() || item.isEmpty() || bidders.size() < 2) {
			this.lots.nextBid(due.lotId(), null);
			return;
		}
		LotView lot = found.get();
		if ("closed".equals(lot.status()) || "cancelled".equals(lot.status())) {
			this.lots.nextBid(due.lotId(), null);
			return;
		}
		if (!"open".equals(lot.status()) || lot.ask() == null || !now.isBefore(lot.endsAt())) {
			return; // not open yet, paused, or closing: look again on the next tick
		}
		BigDecimal ask = new BigDecimal(lot.ask());
		BigDecimal ceiling = item.get().ceilingAmount();
		if (ask.compareTo(ceiling) > 0) {
			this.lots.nextBid(due.lotId(), null); // the price went past what they would pay
			return;
		}
		List<Account> free = bidders.stream().filter((b) -> !leads(lot.id(), b)).toList();
		Account bidder = free.get(this.random.nextInt(free.size()));
		BigDecimal amount = ask;
		BigDecimal maximum = null;
		if (this.random.nextInt(10) < 3) {
			// Now and then a maximum a little above the ask, so the engine bids for them.
			BigDecimal top = ask.multiply(BigDecimal.valueOf(105 + this.random.nextInt(16), 2))
				.setScale(0, RoundingMode.UP)
				.min(ceiling);
			if (top.compareTo(ask) > 0) {
				amount = null;
				maximum = top;
			}
		}
		this.engine.placeBid(BidRequest.of(lot.id(), bidder.id(), "demo-" + UUID.randomUUID(), amount, maximum));
		this.lots.nextBid(due.lotId(), now.plus(pause()));
	}

	private boolean leads(long lotId, Account bidder) {
		return this.catalog.positionOf(lotId, bidder.id()).map(AuctionCatalog.BidderPosition::leading).orElse(false);
	}

	private Duration pause() {
		long spread = LONGEST_PAUSE.minus(SHORTEST_PAUSE).toMillis();
		return SHORTEST_PAUSE.plusMillis((long) (this.random.nextDouble() * spread));
	}

}
