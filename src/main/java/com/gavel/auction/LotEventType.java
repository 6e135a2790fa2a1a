package com.gavel.auction;

import java.util.Locale;

public enum LotEventType {

	SCHEDULED, OPENED, BID, EXTENDED, PAUSED, RESUMED, CLOSED, CANCELLED, VOIDED,

	/** An admin changed a public lot's title, description or (before it opened) its terms. */
	UPDATED,

	/** A clerk brought a lot of a live sale up: it is being called now. */
	UP,

	/** A clerk called fair warning on the lot up: the hammer may fall once it ran out. */
	FAIR_WARNING;

	/** The name used on the wire and in the log, e.g. {@code "bid"}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
