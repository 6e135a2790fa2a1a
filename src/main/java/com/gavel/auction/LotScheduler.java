package com.gavel.auction;

import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens and closes lots on time, with nobody connected. It runs as soon as the application is up,
 * so lots whose time passed while it was down are dealt with at once.
 */
@Component
class LotScheduler {

	private static final Logger log = LoggerFactory.getLogger(LotScheduler.class);

	private final LotRepository lots;

	private final AuctionEngine engine;

	private final Clock clock;

	LotScheduler(LotRepository lots, AuctionEngine engine, Clock clock) {
		this.lots = lots;
		this.engine = engine;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${gavel.auction.tick:500ms}")
	void tick() {
		List<Long> dueToOpen;
		List<Long> dueToClose;
		try {
			dueToOpen = this.lots.findDueToOpen(this.clock.instant());
			dueToClose = this.lots.findDueToClose(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Looking for lots to open and close failed; trying again on the next tick", ex);
			return;
		}
		// One lot that fails (a broken row, a constraint) must not hold up the others' times.
		dueToOpen.forEach((id) -> eachLot(id, "open", this.engine::openIfDue));
		dueToClose.forEach((id) -> eachLot(id, "close", this.engine::closeIfDue));
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
