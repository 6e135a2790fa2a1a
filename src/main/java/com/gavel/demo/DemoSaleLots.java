package com.gavel.demo;

import java.math.BigDecimal;

import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.Money;
import com.gavel.auction.SaleLotSpec;

import org.springframework.stereotype.Component;

/**
 * A demo catalogue item as a lot of a demo sale, timed or live: its terms under a lot number with
 * an estimate, then its photo and category once the lot exists.
 */
@Component
class DemoSaleLots {

	private final LotPhotos photos;

	private final LotCategories categories;

	DemoSaleLots(LotPhotos photos, LotCategories categories) {
		this.photos = photos;
		this.categories = categories;
	}

	/** The item's lot as the sale creates it; the estimate in major units of {@code currency}. */
	static SaleLotSpec spec(String itemKey, int lotNumber, String low, String high, String currency) {
		DemoCatalogue.Item item = DemoCatalogue.item(itemKey).orElseThrow();
		return new SaleLotSpec(item.title(), item.description(), minor(item.start(), currency),
				minor(item.reserve(), currency), null, lotNumber, minor(low, currency), minor(high, currency));
	}

	/** Gives the item's lot its photo and category, as the house. */
	void dress(long lotId, String itemKey) {
		DemoCatalogue.Item item = DemoCatalogue.item(itemKey).orElseThrow();
		this.photos.addForHouse(lotId, item.photo(), item.key() + ".jpg", item.alt());
		this.categories.setForHouse(lotId, item.category());
	}

	private static Long minor(String amount, String currency) {
		return amount == null ? null : Money.toMinor(new BigDecimal(amount), currency);
	}

}
