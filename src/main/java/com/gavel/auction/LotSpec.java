package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;

/**
 * A lot's terms, in minor units, as an admin entered them (validated here) or as code builds them.
 */
public record LotSpec(String title, String description, String currency, long startPrice, Long reservePrice,
		Long buyNowPrice, Instant startsAt, Instant endsAt, Instant hardStopAt, Duration softCloseWindow,
		Duration softCloseExtension, Integer maxExtensions) {

	public LotSpec {
		if (startPrice <= 0) {
			throw new IllegalArgumentException("the start price must be positive");
		}
		if (reservePrice != null && reservePrice < startPrice) {
			throw new IllegalArgumentException("the reserve cannot be below the start price");
		}
		if (buyNowPrice != null && (buyNowPrice < startPrice || (reservePrice != null && buyNowPrice < reservePrice))) {
			throw new IllegalArgumentException("the buy-now price cannot be below the start price or the reserve");
		}
		if (!endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("the lot must end after it starts");
		}
		if (hardStopAt != null && hardStopAt.isBefore(endsAt)) {
			throw new IllegalArgumentException("the hard stop cannot be before the end");
		}
		if (softCloseWindow.isNegative() || softCloseExtension.isNegative()) {
			throw new IllegalArgumentException("soft-close times cannot be negative");
		}
		if (maxExtensions != null && maxExtensions < 0) {
			throw new IllegalArgumentException("the extension cap cannot be negative");
		}
	}

}
