package com.gavel.auction;

/**
 * A new lot for a sale, as an admin or an import describes it: amounts in minor units of the sale's
 * currency; the sale gives it its currency, times and the house's soft close.
 *
 * @param estimateLow with {@code estimateHigh}, both or neither
 */
public record SaleLotSpec(String title, String description, long startPrice, Long reservePrice, Long buyNowPrice,
		int lotNumber, Long estimateLow, Long estimateHigh) {

	public SaleLotSpec {
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw new IllegalArgumentException("a lot needs a title of at most 200 characters");
		}
		title = title.strip();
		description = description == null ? "" : description;
		if (description.length() > 4000) {
			throw new IllegalArgumentException("a lot's description has at most 4000 characters");
		}
		Catalogue.check(lotNumber, estimateLow, estimateHigh);
	}

}
