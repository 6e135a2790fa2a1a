package com.gavel.auction;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** An increment table as admins type it and as a sale row keeps it: read exactly, written back the same. */
class IncrementStepsTests {

	@Test
	void bandsAreReadOnePerLineInAnyOrderAndKeptExactly() {
		List<IncrementTable.Step> steps = IncrementSteps.parseLines("  1000   100 \n\n0 10\n5000:250\n250.50=2.50");

		assertThat(steps).extracting((s) -> s.from().toPlainString() + " " + s.increment().toPlainString())
			.containsExactly("0 10", "250.5 2.5", "1000 100", "5000 250");
		assertThat(IncrementSteps.stored(IncrementSteps.store(steps))).isEqualTo(steps);
		assertThat(IncrementSteps.parseLines(IncrementSteps.lines(steps))).isEqualTo(steps);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0", "0 1 2", "-1 5", "0 0", "0 -1", "a b", "0 1e3", "0 0.00001", "0 1\n0 2" })
	void whatIsNoTableIsRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> IncrementSteps.parseLines(text));
	}

	@Test
	void aRefusalNamesTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> IncrementSteps.parseLines("0 10\n100 ten"))
			.withMessageStartingWith("line 2:");
	}

	@Test
	void aYenTableStepsInWholeYen() {
		IncrementSteps.checkFor(IncrementSteps.parseLines("0 10\n1000 100"), "JPY");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IncrementSteps.checkFor(IncrementSteps.parseLines("0 0.50"), "JPY"))
			.withMessageContaining("JPY");
		IncrementSteps.checkFor(IncrementSteps.parseLines("0 0.50"), "EUR");
	}

	@Test
	void theBuiltInYenTableFitsYenPrices() {
		IncrementTable yen = new IncrementTable(IncrementTables.BUILT_IN.get("JPY"));
		assertThat(yen.incrementAt(500, "JPY")).isEqualTo(10);
		assertThat(yen.incrementAt(1_000, "JPY")).isEqualTo(100);
		assertThat(yen.incrementAt(12_000, "JPY")).isEqualTo(500);
		assertThat(yen.incrementAt(1_000_000, "JPY")).isEqualTo(1_000);
		assertThat(IncrementTable.defaults().incrementAt(1_000_000, "JPY")).as("the house table, in yen").isEqualTo(100);
	}

	@Test
	void percentagesAreReadExactly() {
		assertThat(SaleSpec.parsePercent("8.875", "tax")).isEqualByComparingTo(new BigDecimal("8.875"));
		assertThat(SaleSpec.parsePercent(" 25 % ", "tax")).isEqualByComparingTo("25");
		assertThat(SaleSpec.parsePercent("", "tax")).isEqualByComparingTo("0");
		for (String bad : List.of("8.87501", "1000", "-1", "1e2", "eight", "8,5")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SaleSpec.parsePercent(bad, "tax"));
		}
		assertThat(SaleSpec.percentText(new BigDecimal("12.5000"))).isEqualTo("12.5");
		assertThat(SaleSpec.percentText(new BigDecimal("20.0000"))).isEqualTo("20");
	}

}
