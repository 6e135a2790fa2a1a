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
 * still win. On a live sale's lots they leave absentee maximums before it goes live, then bid
 * at the ask on the lot that is up while it is up. Their bids go through the engine like
 * anyone's, so every page sees them live.
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

	/**
	 * On a live lot that is up they bid faster, as a room does; now and then {@link DemoClerk}
	 * calls fair warning between two of their bids, and the second one restarts it.
	 */
	static final Duration LIVE_SHORTEST_PAUSE = Duration.ofSeconds(4);

	static final Duration LIVE_LONGEST_PAUSE = Duration.ofSeconds(10);

	/** They bid on a live lot only this long after it came up, so the clerk can call it. */
	static final Duration LIVE_BIDDING_FOR = Duration.ofSeconds(35);

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
		if (lot.live()) {
			bidLive(lot, bidder, ask, ceiling, now);
			return;
		}
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

	/**
	 * A lot of a live sale: before the sale goes live an absentee maximum now and then; once it
	 * has, nothing until the clerk brings the lot up; while it is up a bid at the ask every few
	 * seconds, until they drop out or it has been up long enough for the clerk to call it.
	 */
	private void bidLive(LotView lot, Account bidder, BigDecimal ask, BigDecimal ceiling, Instant now) {
		if (lot.upAt() == null) {
			Instant goesLive = this.lots.goesLive(lot.id()).orElse(now);
			if (!now.isBefore(goesLive)) {
				return; // waiting to come up: look again on the next tick
			}
			BigDecimal maximum = ask.multiply(BigDecimal.valueOf(110 + this.random.nextInt(21), 2))
				.setScale(0, RoundingMode.UP)
				.min(ceiling);
			if (maximum.compareTo(ask) > 0) {
				this.engine.placeBid(BidRequest.of(lot.id(), bidder.id(), "demo-" + UUID.randomUUID(), null, maximum));
			}
			Instant next = now.plus(pause());
			this.lots.nextBid(lot.id(), next.isBefore(goesLive) ? next : goesLive);
			return;
		}
		if (now.isBefore(lot.upAt().plus(LIVE_SHORTEST_PAUSE))) {
			// Just up: the room hears the clerk first, then the bidders answer.
			this.lots.nextBid(lot.id(), lot.upAt().plus(livePause()));
			return;
		}
		if (!now.isBefore(lot.upAt().plus(LIVE_BIDDING_FOR))) {
			this.lots.nextBid(lot.id(), null);
			return;
		}
		this.engine.placeBid(BidRequest.of(lot.id(), bidder.id(), "demo-" + UUID.randomUUID(), ask, null));
		boolean dropOut = this.random.nextInt(3) == 0;
		this.lots.nextBid(lot.id(), dropOut ? null : now.plus(livePause()));
	}

	private boolean leads(long lotId, Account bidder) {
		return this.catalog.positionOf(lotId, bidder.id()).map(AuctionCatalog.BidderPosition::leading).orElse(false);
	}

	private Duration livePause() {
		long spread = LIVE_LONGEST_PAUSE.minus(LIVE_SHORTEST_PAUSE).toMillis();
		return LIVE_SHORTEST_PAUSE.plusMillis((long) (this.random.nextDouble() * spread));
	}

	private Duration pause() {
		long spread = LONGEST_PAUSE.minus(SHORTEST_PAUSE).toMillis();
		return SHORTEST_PAUSE.plusMillis((long) (this.random.nextDouble() * spread));
	}

}
