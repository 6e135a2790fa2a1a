package com.gavel.auction;

import java.time.Clock;

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
		try {
			for (long id : this.lots.findDueToOpen(this.clock.instant())) {
				this.engine.openIfDue(id);
			}
			for (long id : this.lots.findDueToClose(this.clock.instant())) {
				this.engine.closeIfDue(id);
			}
		}
		catch (RuntimeException ex) {
			log.error("Opening or closing lots failed; trying again on the next tick", ex);
		}
	}

}
