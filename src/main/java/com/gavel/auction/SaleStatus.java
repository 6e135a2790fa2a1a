package com.gavel.auction;

import java.util.Locale;

/**
 * Where a sale stands: a DRAFT only admins see; SCHEDULED (public, its lots open at its start);
 * OPEN once it started; CLOSED once none of its lots is running any more.
 */
public enum SaleStatus {

	DRAFT, SCHEDULED, OPEN, CLOSED;

	public boolean isPublic() {
		return this != DRAFT;
	}

	/** {@code draft}, {@code scheduled}, ...: the name on the wire and in pages. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
