package com.gavel.auction;

import java.time.Instant;
import java.util.List;

/**
 * A sale with its terms and its lots in lot-number order ({@code GET /api/sales/{id}}).
 *
 * @param lots each lot with its number, its estimate and its state (the same state the live channel sends)
 */
public record SaleDetails(long id, String title, String description, String kind, String status, String currency,
		Instant startsAt, Instant firstLotEndsAt, long intervalSeconds, boolean groupSoftClose, Terms terms,
		List<SaleLot> lots) {

	/**
	 * The sale's terms as bidders read them.
	 * @param buyersPremium percent, exact ({@code "25"}, {@code "12.5"})
	 * @param tax percent, exact
	 * @param increments the table its lots bid in, in major units
	 * @param houseIncrements whether that is the house's table for the currency (the sale has none of its own)
	 */
	public record Terms(String buyersPremium, String tax, List<Band> increments, boolean houseIncrements,
			String payment, String collection) {
	}

	/** From {@code from} (major units) the increment is {@code increment}. */
	public record Band(String from, String increment) {
	}

	/** A lot of the sale: its number, its estimate ({@code null} without one) and its state. */
	public record SaleLot(int lotNumber, Estimate estimate, LotView lot) {
	}

	/** The house's estimate of what a lot fetches, decimal text in the sale's currency. */
	public record Estimate(String low, String high) {

		static Estimate of(Long low, Long high, String currency) {
			return low == null || high == null ? null : new Estimate(Money.text(low, currency), Money.text(high, currency));
		}

	}

	public SaleSummary summary() {
		return new SaleSummary(this.id, this.title, this.kind, this.status, this.currency, this.startsAt,
				this.firstLotEndsAt, this.intervalSeconds, this.groupSoftClose, this.lots.size(),
				this.lots.stream().map((l) -> l.lot().endsAt()).max(Instant::compareTo).orElse(null));
	}

}
