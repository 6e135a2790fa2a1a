package com.gavel.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The one rounding rule of invoices. Everything is in integer minor units of the sale's currency
 * (cents for EUR, whole yen for JPY, whose minor unit is the yen): so rounding to a whole minor
 * unit is rounding to the currency's smallest coin, whatever the currency.
 * <ul>
 * <li>a line's premium = hammer × premium % , rounded half up to a whole minor unit;</li>
 * <li>a line's tax = (hammer + premium) × tax %, rounded the same way;</li>
 * <li>a line's total = hammer + premium + tax;</li>
 * <li>the invoice's totals are the sums of its lines' (already rounded) figures.</li>
 * </ul>
 * Nothing is rounded twice and nothing is rounded on the totals, so every column sums to its
 * total and hammer + premium + tax = total holds on every line and for the invoice, exactly.
 * Amounts are never negative, so "half up" is never ambiguous.
 */
final class InvoiceArithmetic {

	private InvoiceArithmetic() {
	}

	/** {@code percent} % of {@code minor} minor units, rounded half up to a whole minor unit. */
	static long percentOf(long minor, BigDecimal percent) {
		return BigDecimal.valueOf(minor)
			.multiply(percent)
			.movePointLeft(2)
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
	}

	static Invoice.Line line(long lotId, int lotNumber, String title, long hammer, BigDecimal premiumPercent,
			BigDecimal taxPercent) {
		long premium = percentOf(hammer, premiumPercent);
		long tax = percentOf(Math.addExact(hammer, premium), taxPercent);
		return new Invoice.Line(lotId, lotNumber, title, hammer, premium, tax,
				Math.addExact(Math.addExact(hammer, premium), tax));
	}

	static Invoice.Amounts totals(List<Invoice.Line> lines) {
		long hammer = 0;
		long premium = 0;
		long tax = 0;
		long total = 0;
		for (Invoice.Line line : lines) {
			hammer = Math.addExact(hammer, line.hammer());
			premium = Math.addExact(premium, line.premium());
			tax = Math.addExact(tax, line.tax());
			total = Math.addExact(total, line.total());
		}
		return new Invoice.Amounts(hammer, premium, tax, total);
	}

}
