package com.gavel.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.gavel.support.Gen;
import com.gavel.support.Property;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice's one rounding rule, in minor units: premium on the hammer price and tax on hammer
 * and premium, each rounded half up to a whole minor unit per lot; totals are the sums of the
 * rounded lines, so everything adds up exactly.
 */
class InvoiceArithmeticTests {

	private static final BigDecimal PREMIUM = new BigDecimal("25");

	private static final BigDecimal TAX = new BigDecimal("8.875");

	@Test
	void premiumIsOnTheHammerPriceAndTaxOnHammerAndPremiumEachRoundedHalfUpToTheCent() {
		// €100.00: premium €25.00; tax 8.875 % of €125.00 = €11.09375, so €11.09.
		assertThat(line(10_000, PREMIUM, TAX)).isEqualTo(new Invoice.Line(1, 1, "Lot", 10_000, 2_500, 1_109, 13_609));
		// €10.50: premium €2.625 rounds half up to €2.63; tax 8.875 % of €13.13 = €1.1652875, so €1.17.
		assertThat(line(1_050, PREMIUM, TAX)).isEqualTo(new Invoice.Line(1, 1, "Lot", 1_050, 263, 117, 1_430));
	}

	@Test
	void aYenInvoiceRoundsToWholeYenTheYenBeingItsMinorUnit() {
		// ¥12,345: premium 17.5 % = ¥2,160.375, so ¥2,160; tax 10 % of ¥14,505 = ¥1,450.5, half up ¥1,451.
		assertThat(line(12_345, new BigDecimal("17.5"), BigDecimal.TEN))
			.isEqualTo(new Invoice.Line(1, 1, "Lot", 12_345, 2_160, 1_451, 15_956));
	}

	@Test
	void theTotalsAreTheSumsOfTheRoundedLinesNotARoundingOfTheirSum() {
		// Three lots of €0.02 at 25 %: each premium €0.005 rounds up to €0.01, so the premium is
		// €0.03, where 25 % of the €0.06 hammer total would have been €0.015.
		List<Invoice.Line> lines = List.of(line(2, PREMIUM, BigDecimal.ZERO), line(2, PREMIUM, BigDecimal.ZERO),
				line(2, PREMIUM, BigDecimal.ZERO));
		assertThat(InvoiceArithmetic.totals(lines)).isEqualTo(new Invoice.Amounts(6, 3, 0, 9));
	}

	@Test
	void noPremiumAndNoTaxLeaveTheHammerPrice() {
		assertThat(line(4_100, BigDecimal.ZERO, BigDecimal.ZERO))
			.isEqualTo(new Invoice.Line(1, 1, "Lot", 4_100, 0, 0, 4_100));
	}

	/**
	 * Whatever the prices and rates: each line's premium and tax are its exact amounts rounded
	 * half up (never more than half a minor unit away, and a half goes up), every line adds up,
	 * and every total is the sum of its column.
	 */
	@TestFactory
	Stream<DynamicTest> everyInvoiceAddsUpExactly() {
		return Property.forAll(500, InvoiceArithmeticTests::anyInvoice, (invoice) -> {
			List<Invoice.Line> lines = new ArrayList<>();
			for (long hammer : invoice.hammers()) {
				Invoice.Line line = line(hammer, invoice.premium(), invoice.tax());
				assertThat(line.premium()).isEqualTo(halfUp(exactPercent(hammer, invoice.premium())));
				assertThat(line.tax()).isEqualTo(halfUp(exactPercent(hammer + line.premium(), invoice.tax())));
				assertThat(line.hammer() + line.premium() + line.tax()).isEqualTo(line.total());
				lines.add(line);
			}
			Invoice.Amounts totals = InvoiceArithmetic.totals(lines);
			assertThat(totals.hammer()).isEqualTo(lines.stream().mapToLong(Invoice.Line::hammer).sum());
			assertThat(totals.premium()).isEqualTo(lines.stream().mapToLong(Invoice.Line::premium).sum());
			assertThat(totals.tax()).isEqualTo(lines.stream().mapToLong(Invoice.Line::tax).sum());
			assertThat(totals.total()).isEqualTo(totals.hammer() + totals.premium() + totals.tax());
		});
	}

	record AnyInvoice(List<Long> hammers, BigDecimal premium, BigDecimal tax) {
	}

	private static AnyInvoice anyInvoice(Gen gen) {
		List<Long> hammers = new ArrayList<>();
		int count = gen.uniform(1, 12);
		for (int i = 0; i < count; i++) {
			hammers.add(gen.between(1, 100_000_000_00L));
		}
		return new AnyInvoice(hammers, percent(gen), percent(gen));
	}

	/** 0 to 100 percent with up to four decimals, as a sale keeps them. */
	private static BigDecimal percent(Gen gen) {
		return BigDecimal.valueOf(gen.between(0, 1_000_000), 4);
	}

	private static BigDecimal exactPercent(long minor, BigDecimal percent) {
		return BigDecimal.valueOf(minor).multiply(percent).divide(BigDecimal.valueOf(100));
	}

	/** Half up, written out: the whole part, plus one when what is left is a half or more. */
	private static long halfUp(BigDecimal exact) {
		BigDecimal whole = exact.setScale(0, RoundingMode.DOWN);
		return whole.longValueExact() + (exact.subtract(whole).compareTo(new BigDecimal("0.5")) >= 0 ? 1 : 0);
	}

	private static Invoice.Line line(long hammer, BigDecimal premium, BigDecimal tax) {
		return InvoiceArithmetic.line(1, 1, "Lot", hammer, premium, tax);
	}

}
