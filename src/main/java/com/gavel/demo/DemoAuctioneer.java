package com.gavel.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;

import org.springframework.stereotype.Component;

/**
 * Puts one item of the demo catalogue up for sale: a lot with the item's terms, photo and
 * category, noted as a demo lot once it is public. Everything goes through the public services,
 * as an admin's actions would; the photo and category are in place before the lot is public.
 */
@Component
class DemoAuctioneer {

	/** Soft close on demo lots: short, so a newcomer sees it, and capped, so lots still end. */
	static final Duration SOFT_CLOSE = Duration.ofMinutes(1);

	static final int MAX_EXTENSIONS = 2;

	/** The demo bidders' first bid comes this long after a lot opens, at most. */
	static final Duration FIRST_BID_WITHIN = Duration.ofSeconds(20);

	private final AuctionEngine engine;

	private final LotPhotos photos;

	private final LotCategories categories;

	private final DemoLots lots;

	DemoAuctioneer(AuctionEngine engine, LotPhotos photos, LotCategories categories, DemoLots lots) {
		this.engine = engine;
		this.photos = photos;
		this.categories = categories;
		this.lots = lots;
	}

	/** A lot of the item, open now until {@code endsAt}. */
	LotView openNow(DemoCatalogue.Item item, Instant now, Instant endsAt) {
		LotView lot = this.engine.openNow(prepare(item, now.minus(Duration.ofMinutes(5)), endsAt).id());
		this.lots.add(lot.id(), item.key(), now.plus(FIRST_BID_WITHIN.dividedBy(2)));
		return lot;
	}

	/** A lot of the item that opens by itself at {@code startsAt} and runs for the item's time. */
	LotView schedule(DemoCatalogue.Item item, Instant startsAt) {
		LotView lot = this.engine.schedule(prepare(item, startsAt, startsAt.plus(item.runs())).id());
		this.lots.add(lot.id(), item.key(), startsAt.plus(FIRST_BID_WITHIN.dividedBy(2)));
		return lot;
	}

	/** The lot as a draft, with its photo and category, so it is never public without them. */
	private LotView prepare(DemoCatalogue.Item item, Instant startsAt, Instant endsAt) {
		String currency = item.currency();
		LotView lot = this.engine.createLot(new LotSpec(item.title(), item.description(), currency,
				minor(item.start(), currency), minor(item.reserve(), currency), minor(item.buyNow(), currency),
				startsAt, endsAt, null, SOFT_CLOSE, SOFT_CLOSE, MAX_EXTENSIONS));
		this.photos.addForHouse(lot.id(), item.photo(), item.key() + ".jpg", item.alt());
		this.categories.setForHouse(lot.id(), item.category());
		return lot;
	}

	private static Long minor(String amount, String currency) {
		return amount == null ? null : Money.toMinor(new BigDecimal(amount), currency);
	}

}
