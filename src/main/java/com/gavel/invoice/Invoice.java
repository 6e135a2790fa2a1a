package com.gavel.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.gavel.auction.Money;
import com.gavel.auction.SaleSpec;

/**
 * One buyer's invoice for one sale: a line per lot they bought in it, and the totals. Amounts are
 * integer minor units of the sale's currency, worked out by {@link InvoiceArithmetic}, so the
 * lines always add up to the totals exactly.
 *
 * @param number {@code S{saleId}-{buyerId}}: the same for the same buyer and sale, whenever asked
 * @param house the name of the house the buyer pays
 * @param provisional whether the sale is still running, so the invoice may still grow; once the
 * sale is closed the invoice is final
 * @param date when the buyer's last lot in the sale closed
 * @param buyersPremium the sale's premium, percent
 * @param taxRate the sale's tax, percent, charged on hammer price and premium together
 * @param payment the house's payment text for the sale, empty if none
 * @param collection the house's collection text for the sale, empty if none
 */
public record Invoice(String number, String house, long saleId, String saleTitle, String currency, long buyerId,
		String buyerName, boolean provisional, Instant date, BigDecimal buyersPremium, BigDecimal taxRate,
		List<Line> lines, Amounts totals, String payment, String collection) {

	/**
	 * A lot on the invoice.
	 * @param hammer the price the lot was knocked down at
	 * @param premium the buyer's premium on the hammer price
	 * @param tax the tax on hammer price and premium
	 * @param total hammer + premium + tax
	 */
	public record Line(long lotId, int lotNumber, String title, long hammer, long premium, long tax, long total) {
	}

	/** Sums of the lines' figures. */
	public record Amounts(long hammer, long premium, long tax, long total) {
	}

	/** The invoice number of a buyer's invoice for a sale. */
	public static String number(long saleId, long buyerId) {
		return "S" + saleId + "-" + buyerId;
	}

	/** {@code "final"} or {@code "provisional"}: the word on the wire and in the export. */
	public String status() {
		return this.provisional ? "provisional" : "final";
	}

	/** An amount of the invoice as decimal text in its currency, e.g. {@code "136.09"}. */
	public String money(long minor) {
		return Money.text(minor, this.currency);
	}

	/** The premium as people read it: {@code "25"}, {@code "12.5"}. */
	public String premiumPercent() {
		return SaleSpec.percentText(this.buyersPremium);
	}

	/** The tax as people read it: {@code "8.875"}. */
	public String taxPercent() {
		return SaleSpec.percentText(this.taxRate);
	}

}
