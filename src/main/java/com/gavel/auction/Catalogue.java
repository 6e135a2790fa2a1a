package com.gavel.auction;

/**
 * A lot's place in a sale's catalogue: its number and its estimate.
 *
 * @param estimateLow with {@code estimateHigh} in minor units of the sale's currency, both or neither
 */
public record Catalogue(long lotId, int lotNumber, Long estimateLow, Long estimateHigh) {

	/** The highest lot number a sale uses. */
	public static final int MAX_LOT_NUMBER = 99_999;

	public Catalogue {
		check(lotNumber, estimateLow, estimateHigh);
	}

	static void check(int lotNumber, Long low, Long high) {
		if (lotNumber < 1 || lotNumber > MAX_LOT_NUMBER) {
			throw new IllegalArgumentException("a lot number is a whole number from 1 to " + MAX_LOT_NUMBER);
		}
		if ((low == null) != (high == null)) {
			throw new IllegalArgumentException("an estimate has a low and a high figure, or none");
		}
		if (low != null && (low <= 0 || high < low)) {
			throw new IllegalArgumentException("an estimate's low figure is above zero and not above its high one");
		}
	}

}
