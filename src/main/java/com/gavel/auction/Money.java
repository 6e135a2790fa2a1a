package com.gavel.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Conversions between integer minor units (how Gavel stores and computes money) and decimal
 * major units (how people read and type it). Never goes through floating point.
 */
public final class Money {

	/** Whole major units a typed amount may have: up to 999,999,999,999 of any currency. */
	public static final int MAX_INTEGER_DIGITS = 12;

	/** Decimals a typed amount may have before its currency is known; no currency has more. */
	public static final int MAX_DECIMALS = 4;

	/** Plain ASCII digits only: no sign, exponent, grouping or digits of other scripts. */
	private static final Pattern AMOUNT = Pattern
		.compile("[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1," + MAX_DECIMALS + "})?");

	private Money() {
	}

	/**
	 * Reads an amount as people type it, such as {@code "12.50"}, in time bounded by a few dozen
	 * characters whatever the input: the text is checked before any number is built, so an
	 * exponent such as {@code "1E-50000000"} never turns into a huge computation.
	 * @return the amount, {@code null} when {@code text} is {@code null}
	 * @throws IllegalArgumentException when the text is not a positive plain decimal amount
	 */
	public static BigDecimal parse(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.length() > MAX_INTEGER_DIGITS + 1 + MAX_DECIMALS || !AMOUNT.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("an amount is a plain decimal number such as 12.50, with at most "
					+ MAX_INTEGER_DIGITS + " digits before the point and " + MAX_DECIMALS + " after it");
		}
		BigDecimal amount = new BigDecimal(trimmed);
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("an amount must be more than zero");
		}
		return amount;
	}

	/**
	 * Whether {@code amount} is within what {@link #parse} accepts, checked without arithmetic on
	 * its digits (so in constant time even for a value with a huge exponent).
	 */
	public static boolean bounded(BigDecimal amount) {
		return amount.signum() > 0 && amount.scale() >= -MAX_INTEGER_DIGITS && amount.scale() <= MAX_DECIMALS
				&& amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS;
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
