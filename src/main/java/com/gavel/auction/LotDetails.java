package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;

/** A lot's public page: its live state plus the terms that do not change while it runs. */
public record LotDetails(LotView lot, String description, String startPrice, Duration softCloseWindow,
		Duration softCloseExtension, Integer maxExtensions, Instant hardStopAt) {
}
