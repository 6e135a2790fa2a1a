package com.gavel.auction;

import java.util.Locale;

public enum LotEventType {

	SCHEDULED, OPENED, BID, EXTENDED, PAUSED, RESUMED, CLOSED, CANCELLED, VOIDED;

	/** The name used on the wire and in the log, e.g. {@code "bid"}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
