package com.gavel.auction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens and closes lots on time, with nobody connected. It runs as soon as the application is up,
 * so lots whose time passed while it was down are dealt with at once. In cluster mode a lot
 * closes once its settle window after its end has passed ({@link SettleWindow}), and a hammer its
 * node left waiting is settled here.
 */
@Component
class LotScheduler {

	private static final Logger log = LoggerFactory.getLogger(LotScheduler.class);

	private final LotRepository lots;

	private final AuctionEngine engine;

	private final Clock clock;

	private final SettleWindow settle;

	LotScheduler(LotRepository lots, AuctionEngine engine, Clock clock, SettleWindow settle) {
		this.lots = lots;
		this.engine = engine;
		this.clock = clock;
		this.settle = settle;
	}

	@Scheduled(fixedDelayString = "${gavel.auction.tick:500ms}")
	void tick() {
		List<Long> dueToOpen;
		List<Long> dueToClose;
		List<Long> hammersLeft;
		try {
			Instant now = this.clock.instant();
			dueToOpen = this.lots.findDueToOpen(now);
			dueToClose = this.lots.findDueToClose(this.settle.endedBy(now));
			hammersLeft = this.settle.none() ? List.of()
					: this.lots.findHammersCalledBy(this.settle.hammersLeftBefore(now));
		}
		catch (RuntimeException ex) {
			log.error("Looking for lots to open and close failed; trying again on the next tick", ex);
			return;
		}
		// One lot that fails (a broken row, a constraint) must not hold up the others' times.
		dueToOpen.forEach((id) -> eachLot(id, "open", this.engine::openIfDue));
		dueToClose.forEach((id) -> eachLot(id, "close", this.engine::closeIfDue));
		hammersLeft.forEach((id) -> eachLot(id, "settle the hammer of", this.engine::settleHammerIfDue));
	}

	private static void eachLot(long lotId, String what, LongConsumer step) {
		try {
			step.accept(lotId);
		}
		catch (RuntimeException ex) {
			log.error("Could not {} lot {}; trying again on the next tick", what, lotId, ex);
		}
	}

}
