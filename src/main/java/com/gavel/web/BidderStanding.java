package com.gavel.web;

import com.gavel.auction.LotView;

/**
 * Where a viewer stands on a lot, in one word: {@code not-bidding}, {@code leading},
 * {@code outbid}, {@code voided} (the house voided their bid and they do not lead), {@code won},
 * {@code lost}, {@code withdrawn} or {@code suspended}. The lot page's script decides with the
 * same rules ({@code standing()} in frontend/js/lot-state.js), so a reload says what the live page
 * said.
 */
final class BidderStanding {

	private BidderStanding() {
	}

	/**
	 * @param alias the viewer's alias on the lot, {@code null} before their first bid there
	 * @param leading whether the viewer leads the lot now
	 * @param suspended whether the viewer's account is banned
	 * @param voided whether the viewer's newest bid on the lot was voided by the house
	 */
	static String of(LotView lot, String alias, boolean leading, boolean suspended, boolean voided) {
		if ("closed".equals(lot.status())) {
			if (alias == null) {
				return "not-bidding";
			}
			return leading && "sold".equals(lot.outcome()) ? "won" : "lost";
		}
		if ("cancelled".equals(lot.status())) {
			return alias == null ? "not-bidding" : "withdrawn";
		}
		// While the lot runs, what a suspended bidder most needs to know is that they cannot bid.
		if (suspended) {
			return "suspended";
		}
		if (alias == null) {
			return "not-bidding";
		}
		if (leading) {
			return "leading";
		}
		return voided ? "voided" : "outbid";
	}

}
