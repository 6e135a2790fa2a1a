package com.gavel.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The minimum raise over the current price, by price band. Bands are given in major units so one
 * table serves every currency.
 */
public final class IncrementTable {

	/** A band: from this price (inclusive, major units) the increment is {@code increment}. */
	public record Step(BigDecimal from, BigDecimal increment) {
	}

	public static final List<Step> DEFAULT_STEPS = List.of(step("0", "0.05"), step("1", "0.25"), step("5", "0.50"),
			step("25", "1"), step("100", "2.50"), step("250", "5"), step("500", "10"), step("1000", "25"),
			step("2500", "50"), step("5000", "100"));

	private final List<Step> steps;

	public IncrementTable(List<Step> steps) {
		if (steps == null || steps.isEmpty()) {
			throw new IllegalArgumentException("an increment table needs at least one step");
		}
		for (Step s : steps) {
			if (s.from() == null || s.increment() == null || s.from().signum() < 0 || s.increment().signum() <= 0) {
				throw new IllegalArgumentException("increment steps need a non-negative start and a positive increment");
			}
		}
		this.steps = steps.stream().sorted(Comparator.comparing(Step::from)).toList();
	}

	public static IncrementTable defaults() {
		return new IncrementTable(DEFAULT_STEPS);
	}

	public List<Step> steps() {
		return this.steps;
	}

	/** The increment, in minor units (at least one), that applies at the given price. */
	public long incrementAt(long priceMinor, String currency) {
		BigDecimal price = Money.toMajor(priceMinor, currency);
		Step band = this.steps.get(0);
		for (Step s : this.steps) {
			if (s.from().compareTo(price) <= 0) {
				band = s;
			}
		}
		long minor = band.increment()
			.setScale(Money.scale(currency), RoundingMode.CEILING)
			.unscaledValue()
			.longValueExact();
		return Math.max(1, minor);
	}

	private static Step step(String from, String increment) {
		return new Step(new BigDecimal(from), new BigDecimal(increment));
	}

}
