package com.gavel.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.config.SharedDatabase;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What keeps the demo house alive, every {@code gavel.demo.tick} once the house is laid out:
 * {@link DemoRotation} puts up lots, {@link DemoSale} the next timed sale and
 * {@link DemoLiveSale} the next live one once one is over, {@link DemoClerk} calls the live
 * sale, and {@link DemoBidders} bid. Each runs under its own house-wide lock, so on a shared
 * database one node does it and the others find it done; a failure is logged and tried again
 * on the next tick.
 */
@Component
@ConditionalOnProperty(name = "gavel.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoSchedule {

	private static final Logger log = LoggerFactory.getLogger(DemoSchedule.class);

	private final DemoRotation rotation;

	private final DemoBidders bidders;

	private final SharedDatabase database;

	private final DemoSale sale;

	private final DemoLiveSale liveSale;

	private final DemoClerk clerk;

	private volatile boolean ready;

	DemoSchedule(DemoRotation rotation, DemoBidders bidders, SharedDatabase database, DemoSale sale,
			DemoLiveSale liveSale, DemoClerk clerk) {
		this.sale = sale;
		this.liveSale = liveSale;
		this.clerk = clerk;
		this.rotation = rotation;
		this.bidders = bidders;
		this.database = database;
	}

	/** Not before the house is laid out (application runners have run). */
	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		this.ready = true;
	}

	@Scheduled(fixedDelayString = "${gavel.demo.tick:5s}")
	void tick() {
		if (!this.ready) {
			return;
		}
		try {
			this.database.once(DemoHouse.LOCK, this.rotation::topUp);
		}
		catch (RuntimeException ex) {
			log.warn("Could not put up the next demo lot; trying again on the next tick", ex);
		}
		try {
			this.database.once(DemoHouse.LOCK, this.sale::topUp);
		}
		catch (RuntimeException ex) {
			log.warn("Could not put up the next demo sale; trying again on the next tick", ex);
		}
		try {
			this.database.once(DemoHouse.LOCK, this.liveSale::topUp);
		}
		catch (RuntimeException ex) {
			log.warn("Could not put up the next live demo sale; trying again on the next tick", ex);
		}
		try {
			this.database.once("demo clerk", this.clerk::call);
		}
		catch (RuntimeException ex) {
			log.warn("The demo clerk could not call the live sale; trying again on the next tick", ex);
		}
		try {
			this.database.once("demo bidders", this.bidders::bidWhereDue);
		}
		catch (RuntimeException ex) {
			log.warn("The demo bidders could not bid; trying again on the next tick", ex);
		}
	}

}
