package com.gavel.auction;

import java.util.Locale;

public enum LotEventType {

	SCHEDULED, OPENED, BID, EXTENDED, PAUSED, RESUMED, CLOSED, CANCELLED, VOIDED,

	/** An admin changed a public lot's title, description or (before it opened) its terms. */
	UPDATED;

	/** The name used on the wire and in the log, e.g. {@code "bid"}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
