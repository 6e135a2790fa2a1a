package com.gavel.auction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An increment table written down: one band per line as admins type it ({@code "1000 100"}: from
 * 1,000 the increment is 100, in major units), and the compact form a sale row keeps
 * ({@code "0:10,1000:100"}). Both are read exactly, never through floating point.
 */
public final class IncrementSteps {

	/** More bands than any real table has. */
	static final int MAX_STEPS = 40;

	private IncrementSteps() {
	}

	/**
	 * Reads bands typed one per line, "from increment" (blank lines are skipped).
	 * @throws IllegalArgumentException naming the first line that is not a band
	 */
	public static List<IncrementTable.Step> parseLines(String text) {
		List<IncrementTable.Step> steps = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[\\s:=]+");
			if (parts.length != 2) {
				throw new IllegalArgumentException("line " + (i + 1) + ": write a band as \"from increment\", e.g. \"100 2.50\"");
			}
			steps.add(step(parts[0], parts[1], "line " + (i + 1)));
		}
		return check(steps);
	}

	/** The bands one per line, as {@link #parseLines} reads them. */
	public static String lines(List<IncrementTable.Step> steps) {
		StringJoiner text = new StringJoiner("\n");
		steps.forEach((s) -> text.add(s.from().toPlainString() + " " + s.increment().toPlainString()));
		return text.toString();
	}

	/** The compact stored form, {@code "0:10,1000:100"}. */
	static String store(List<IncrementTable.Step> steps) {
		StringJoiner text = new StringJoiner(",");
		steps.forEach((s) -> text.add(s.from().toPlainString() + ":" + s.increment().toPlainString()));
		return text.toString();
	}

	static List<IncrementTable.Step> stored(String text) {
		List<IncrementTable.Step> steps = new ArrayList<>();
		for (String band : text.split(",")) {
			String[] parts = band.split(":");
			steps.add(step(parts[0], parts[1], "stored band"));
		}
		return check(steps);
	}

	/**
	 * Whether every band is a whole number of the currency's minor units, so that no rounding
	 * hides what the admin wrote (a yen table cannot step by 0.05).
	 * @throws IllegalArgumentException naming the first band that is not
	 */
	static void checkFor(List<IncrementTable.Step> steps, String currency) {
		for (IncrementTable.Step s : steps) {
			try {
				Money.toMinor(s.from(), currency);
				Money.toMinor(s.increment(), currency);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("the band from " + s.from().toPlainString() + " by "
						+ s.increment().toPlainString() + " is not in whole " + currency + " minor units");
			}
		}
	}

	private static IncrementTable.Step step(String from, String increment, String where) {
		try {
			if (!from.matches("[0-9]{1,15}(\\.[0-9]{1,4})?") || !increment.matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
				throw new NumberFormatException();
			}
			BigDecimal f = new BigDecimal(from);
			BigDecimal i = new BigDecimal(increment);
			if (f.signum() < 0 || i.signum() <= 0 || f.scale() > Money.MAX_DECIMALS || i.scale() > Money.MAX_DECIMALS
					|| f.precision() - f.scale() > Money.MAX_INTEGER_DIGITS
					|| i.precision() - i.scale() > Money.MAX_INTEGER_DIGITS) {
				throw new NumberFormatException();
			}
			return new IncrementTable.Step(f.stripTrailingZeros().scale() < 0 ? f.setScale(0) : f.stripTrailingZeros(),
					i.stripTrailingZeros().scale() < 0 ? i.setScale(0) : i.stripTrailingZeros());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					where + ": a band is a price from which it applies (0 or more) and a positive increment, such as 100 2.50");
		}
	}

	private static List<IncrementTable.Step> check(List<IncrementTable.Step> steps) {
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("an increment table needs at least one band");
		}
		if (steps.size() > MAX_STEPS) {
			throw new IllegalArgumentException("an increment table has at most " + MAX_STEPS + " bands");
		}
		if (steps.stream().map(IncrementTable.Step::from).distinct().count() < steps.size()) {
			throw new IllegalArgumentException("two bands start at the same price");
		}
		return List.copyOf(new IncrementTable(steps).steps());
	}

}
