package com.gavel.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Conversions between integer minor units (how Gavel stores and computes money) and decimal
 * major units (how people read and type it). Never goes through floating point.
 */
public final class Money {

	private Money() {
	}

	public static int scale(String currency) {
		return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
	}

	/**
	 * @throws IllegalArgumentException when the amount has more decimals than the currency has
	 */
	public static long toMinor(BigDecimal major, String currency) {
		try {
			return major.setScale(scale(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("amount " + major.toPlainString() + " is not a whole number of "
					+ currency + " minor units");
		}
	}

	public static BigDecimal toMajor(long minor, String currency) {
		return BigDecimal.valueOf(minor, scale(currency));
	}

	/** Decimal text such as {@code "12.50"}, or {@code null} for no amount. */
	public static String text(Long minor, String currency) {
		return minor == null ? null : toMajor(minor, currency).toPlainString();
	}

}
