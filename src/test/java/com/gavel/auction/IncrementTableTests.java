package com.gavel.auction;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IncrementTableTests {

	private final IncrementTable table = IncrementTable.defaults();

	/** The house table of DESIGN.md, checked on both sides of every band boundary. */
	@ParameterizedTest(name = "at {0} {1} the increment is {2}")
	@CsvSource({ "0.00, EUR, 0.05", "0.01, EUR, 0.05", "0.99, EUR, 0.05", "1.00, EUR, 0.25", "4.99, EUR, 0.25",
			"5.00, EUR, 0.50", "24.99, EUR, 0.50", "25.00, EUR, 1.00", "99.99, EUR, 1.00", "100.00, EUR, 2.50",
			"249.99, EUR, 2.50", "250.00, EUR, 5.00", "499.99, EUR, 5.00", "500.00, EUR, 10.00",
			"999.99, EUR, 10.00", "1000.00, EUR, 25.00", "2499.99, EUR, 25.00", "2500.00, EUR, 50.00",
			"4999.99, EUR, 50.00", "5000.00, EUR, 100.00", "1000000.00, EUR, 100.00",
			// A currency without minor units rounds a fractional increment up, never to zero.
			"0, JPY, 1", "1, JPY, 1", "5, JPY, 1", "99, JPY, 1", "100, JPY, 3", "250, JPY, 5", "5000, JPY, 100",
			// ...and one with three decimals keeps them.
			"0.500, KWD, 0.050", "1.000, KWD, 0.250" })
	void defaultTableByBand(String price, String currency, String increment) {
		long priceMinor = Money.toMinor(new BigDecimal(price), currency);
		assertThat(this.table.incrementAt(priceMinor, currency))
			.isEqualTo(Money.toMinor(new BigDecimal(increment), currency));
	}

	@Test
	void customStepsAreSortedByTheirStart() {
		IncrementTable custom = new IncrementTable(
				List.of(new IncrementTable.Step(new BigDecimal("10"), BigDecimal.ONE),
						new IncrementTable.Step(BigDecimal.ZERO, new BigDecimal("0.10"))));
		assertThat(custom.incrementAt(999, "EUR")).isEqualTo(10);
		assertThat(custom.incrementAt(1000, "EUR")).isEqualTo(100);
		assertThat(custom.steps()).extracting(IncrementTable.Step::from)
			.containsExactly(BigDecimal.ZERO, new BigDecimal("10"));
	}

	@Test
	void aPriceBelowTheFirstStepUsesTheFirstStep() {
		IncrementTable custom = new IncrementTable(List.of(new IncrementTable.Step(BigDecimal.ONE, BigDecimal.ONE)));
		assertThat(custom.incrementAt(50, "EUR")).isEqualTo(100);
	}

	@Test
	void refusesTablesThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IncrementTable(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new IncrementTable(
				List.of(new IncrementTable.Step(BigDecimal.ZERO, BigDecimal.ZERO))));
		assertThatIllegalArgumentException().isThrownBy(() -> new IncrementTable(
				List.of(new IncrementTable.Step(new BigDecimal("-1"), BigDecimal.ONE))));
	}

}
