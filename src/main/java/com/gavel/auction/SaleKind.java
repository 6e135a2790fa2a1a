package com.gavel.auction;

import java.util.Locale;

/** How a sale runs: timed (lots close lot by lot on their own) or live (run from a clerk's console). */
public enum SaleKind {

	TIMED, LIVE;

	/** {@code timed}, {@code live}: the name on the wire and in pages. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
