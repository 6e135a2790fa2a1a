package com.gavel.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A sale's details and terms as an admin entered them (validated here) or as code builds them.
 *
 * @param startsAt when the sale opens: a timed sale's lots open, a live sale's lots take absentee bids
 * @param firstLotEndsAt when the first lot (in lot-number order) of a timed sale ends; when the clerk
 * begins calling a live sale
 * @param interval how long after the lot before it each later lot of a timed sale ends (a live sale
 * keeps it unused)
 * @param groupSoftClose whether a late bid's extension also moves every later lot by as much
 * @param buyersPremium percent, at most four decimals (25 is 25 %)
 * @param taxRate percent, at most four decimals
 * @param increments the sale's own increment table, {@code null} for the house table of its currency
 */
public record SaleSpec(String title, String description, String currency, SaleKind kind, Instant startsAt,
		Instant firstLotEndsAt, Duration interval, boolean groupSoftClose, BigDecimal buyersPremium,
		BigDecimal taxRate, List<IncrementTable.Step> increments, String paymentText, String collectionText) {

	/** Decimals a percentage keeps (basis points and two more). */
	public static final int PERCENT_SCALE = 4;

	public static final Duration LONGEST_INTERVAL = Duration.ofDays(1);

	public SaleSpec {
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw new IllegalArgumentException("a sale needs a title of at most 200 characters");
		}
		title = title.strip();
		description = description == null ? "" : description;
		paymentText = paymentText == null ? "" : paymentText;
		collectionText = collectionText == null ? "" : collectionText;
		if (description.length() > 4000 || paymentText.length() > 4000 || collectionText.length() > 4000) {
			throw new IllegalArgumentException("the description, payment and collection texts have at most 4000 characters each");
		}
		try {
			Currency.getInstance(currency);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the currency must be an ISO 4217 code such as EUR");
		}
		if (kind == null) {
			throw new IllegalArgumentException("a sale is timed or live");
		}
		if (startsAt == null) {
			throw new IllegalArgumentException("a sale needs a start");
		}
		if (firstLotEndsAt == null || !firstLotEndsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException(kind == SaleKind.LIVE ? "the live sale must begin after absentee bidding opens"
					: "the first lot must end after the sale starts");
		}
		if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(LONGEST_INTERVAL) > 0
				|| interval.getNano() != 0) {
			throw new IllegalArgumentException("lots close one after another: the interval is 1 second to 1 day, in whole seconds");
		}
		buyersPremium = percent(buyersPremium, "buyer's premium");
		taxRate = percent(taxRate, "tax");
		if (increments != null) {
			increments = List.copyOf(new IncrementTable(increments).steps());
			IncrementSteps.checkFor(increments, currency);
		}
	}

	private static BigDecimal percent(BigDecimal value, String what) {
		if (value == null) {
			return BigDecimal.ZERO.setScale(PERCENT_SCALE);
		}
		if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("the " + what + " is a percentage from 0 to 100");
		}
		if (value.scale() > 64) {
			throw new IllegalArgumentException("the " + what + " has at most " + PERCENT_SCALE + " decimals");
		}
		try {
			return value.setScale(PERCENT_SCALE, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("the " + what + " has at most " + PERCENT_SCALE + " decimals");
		}
	}

	/**
	 * Reads a percentage as people type it ({@code "25"}, {@code "8.875"}; blank is 0), in time
	 * bounded by its length: plain digits, at most three before the point and four after.
	 * @throws IllegalArgumentException for anything else
	 */
	public static BigDecimal parsePercent(String text, String what) {
		if (text == null || text.isBlank()) {
			return BigDecimal.ZERO;
		}
		String plain = text.strip();
		if (plain.endsWith("%")) {
			plain = plain.substring(0, plain.length() - 1).strip();
		}
		if (!plain.matches("[0-9]{1,3}(\\.[0-9]{1," + PERCENT_SCALE + "})?")) {
			throw new IllegalArgumentException("the " + what + " is a percentage such as 25 or 8.875");
		}
		return new BigDecimal(plain);
	}

	/** A percentage as people write it: {@code 25}, {@code 8.875}. */
	public static String percentText(BigDecimal percent) {
		BigDecimal plain = percent.stripTrailingZeros();
		return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
	}

}
