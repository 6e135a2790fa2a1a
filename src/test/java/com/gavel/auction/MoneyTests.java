package com.gavel.auction;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@ParameterizedTest(name = "{0} {1} is {2} minor units")
	@CsvSource({ "12.50, EUR, 1250", "12.5, EUR, 1250", "12, EUR, 1200", "0.01, EUR, 1", "100, JPY, 100",
			"100.0, JPY, 100", "1.234, KWD, 1234", "92233720368547758.07, EUR, 9223372036854775807" })
	void toMinorIsExact(String major, String currency, long minor) {
		assertThat(Money.toMinor(new BigDecimal(major), currency)).isEqualTo(minor);
	}

	@ParameterizedTest(name = "{0} {1} is refused")
	@CsvSource({ "12.505, EUR", "0.001, EUR", "100.5, JPY", "1.2345, KWD", "92233720368547758.08, EUR" })
	void toMinorRefusesWhatTheCurrencyCannotHold(String major, String currency) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.toMinor(new BigDecimal(major), currency));
	}

	@ParameterizedTest(name = "{0} minor units of {1} read {2}")
	@CsvSource({ "1250, EUR, 12.50", "1, EUR, 0.01", "0, EUR, 0.00", "100, JPY, 100", "1234, KWD, 1.234" })
	void textUsesTheCurrencyScale(long minor, String currency, String text) {
		assertThat(Money.text(minor, currency)).isEqualTo(text);
		assertThat(Money.toMajor(minor, currency)).isEqualByComparingTo(text);
	}

	@Test
	void noAmountHasNoText() {
		assertThat(Money.text(null, "EUR")).isNull();
	}

	@ParameterizedTest(name = "{0} has {1} decimals")
	@CsvSource({ "EUR, 2", "USD, 2", "JPY, 0", "KWD, 3" })
	void scaleComesFromTheCurrency(String currency, int scale) {
		assertThat(Money.scale(currency)).isEqualTo(scale);
	}

	@ParameterizedTest(name = "\"{0}\" reads {1}")
	@CsvSource({ "12.50, 12.50", "12, 12", "' 7.5 ', 7.5", "0.0001, 0.0001", "000123, 123",
			"999999999999.9999, 999999999999.9999" })
	void parseReadsPlainDecimals(String text, String amount) {
		assertThat(Money.parse(text)).isEqualTo(new BigDecimal(amount));
	}

	@ParameterizedTest(name = "\"{0}\" is refused")
	@CsvSource({ "1E-50000000", "1e2", "１２", "١٢", "-5", "+5", "0", "0.000", "'1,000'", "12.", ".5", "12.34567",
			"1234567890123", "NaN", "Infinity", "0x10", "''", "' '", "1_000" })
	void parseRefusesAnythingElse(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text));
	}

	@Test
	void parseIsBoundedWhateverTheInput() {
		String huge = "9".repeat(1_000_000);
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(huge));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1" + "0".repeat(999_999) + ".5"));
	}

	@Test
	void boundedRejectsHugeExponentsWithoutExpandingThem() {
		assertThat(Money.bounded(new BigDecimal("1E-50000000"))).isFalse();
		assertThat(Money.bounded(new BigDecimal("1E+50000000"))).isFalse();
		assertThat(Money.bounded(new BigDecimal("12.50"))).isTrue();
		assertThat(Money.bounded(new BigDecimal("1E+3"))).isTrue();
	}

}
