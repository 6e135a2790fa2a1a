package com.gavel.auction;

import java.time.Instant;

/**
 * A lot as admins see it: the public state, the full terms (the reserve included) and who leads.
 * Never shown to bidders.
 *
 * @param terms the lot's terms as they stand (its end moves with extensions)
 * @param leaderId the user who leads (or won), {@code null} before the first bid
 * @param sold whether the lot closed with a winner who met the reserve
 * @param lastHash the hash of the lot's last event (docs/ledger.md), {@code null} before its first
 */
public record LotAdminView(LotView lot, LotSpec terms, Long leaderId, boolean sold, String cancelReason,
		Instant closedAt, Instant createdAt, String lastHash) {

	static LotAdminView of(Lot lot, IncrementTable increments) {
		return new LotAdminView(lot.view(increments), lot.terms(), lot.getLeaderId(), lot.sold(),
				lot.getCancelReason(), lot.getClosedAt(), lot.getCreatedAt(), lot.getLastHash());
	}

	public long id() {
		return this.lot.id();
	}

	public String status() {
		return this.lot.status();
	}

	public String startPrice() {
		return Money.text(this.terms.startPrice(), this.terms.currency());
	}

	public String reservePrice() {
		return Money.text(this.terms.reservePrice(), this.terms.currency());
	}

	public String buyNowPrice() {
		return Money.text(this.terms.buyNowPrice(), this.terms.currency());
	}

}
