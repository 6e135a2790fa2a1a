package com.gavel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** How the server writes money and times: for the page's language, and as the scripts do. */
class FormatsTests {

	private final Formats fmt = new Formats(Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void moneyIsInTheLotsCurrencyFormattedForThePagesLanguage() {
		LocaleContextHolder.setLocale(Locale.US);
		assertThat(this.fmt.money("1250.50", "EUR")).isEqualTo("€1,250.50");
		assertThat(this.fmt.money("1500", "JPY")).isEqualTo("¥1,500");
		LocaleContextHolder.setLocale(Locale.forLanguageTag("pt-BR"));
		assertThat(spaces(this.fmt.money("1250.50", "EUR"))).isEqualTo("€ 1.250,50");
		assertThat(spaces(this.fmt.money("1250.50", "BRL"))).isEqualTo("R$ 1.250,50");
		assertThat(this.fmt.money(null, "EUR")).isNull();
	}

	@Test
	void aTimesFallbackTextNamesItsZone() {
		LocaleContextHolder.setLocale(Locale.US);
		assertThat(this.fmt.dateTime(Instant.parse("2026-12-01T18:05:59Z"))).isEqualTo("1 Dec 2026, 18:05 UTC");
		assertThat(this.fmt.dateTime(null)).isEmpty();
	}

	@Test
	void countdownsShowSecondsOnlyInTheLastFiveMinutes() {
		assertThat(Formats.duration(Duration.ofDays(3).plusHours(4))).isEqualTo("3d 4h");
		assertThat(Formats.duration(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2h 05m");
		// Whole minutes round up: "1h 00m" while a little less than an hour is left.
		assertThat(Formats.duration(Duration.ofMinutes(59).plusSeconds(30))).isEqualTo("1h 00m");
		assertThat(Formats.duration(Duration.ofMinutes(12))).isEqualTo("12m");
		assertThat(Formats.duration(Duration.ofMinutes(5))).isEqualTo("5m");
		assertThat(Formats.duration(Duration.ofMinutes(4).plusSeconds(9))).isEqualTo("4m 09s");
		assertThat(Formats.duration(Duration.ofSeconds(12))).isEqualTo("12s");
		assertThat(Formats.duration(Duration.ofMillis(300))).isEqualTo("1s");
		assertThat(Formats.duration(Duration.ZERO)).isEqualTo("0s");
		assertThat(Formats.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
	}

	/** Java writes a no-break space where a reader sees a space. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
