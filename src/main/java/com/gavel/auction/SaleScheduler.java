package com.gavel.auction;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each sale's status in step with its lots, with nobody connected: a scheduled sale whose
 * start has come is open (its lots open by themselves, {@link LotScheduler}), and an open sale
 * none of whose lots is still to run is closed. Both are single conditional updates, so nodes
 * sharing a database may all run them.
 */
@Component
class SaleScheduler {

	private static final Logger log = LoggerFactory.getLogger(SaleScheduler.class);

	private final SaleRepository sales;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SaleScheduler(SaleRepository sales, TransactionTemplate transactions, Clock clock) {
		this.sales = sales;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${gavel.auction.tick:500ms}")
	void tick() {
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.sales.openStarted(this.clock.instant());
				this.sales.closeFinished();
			});
		}
		catch (RuntimeException ex) {
			log.error("Bringing the sales' statuses up to date failed; trying again on the next tick", ex);
		}
	}

}
