package com.gavel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the server writes money and times: for the page's language, and as the scripts do. */
class FormatsTests {

	private final Formats fmt = new Formats(Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC),
			messages());

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
		LocaleContextHolder.setLocale(Locale.US);
		assertThat(this.fmt.duration(Duration.ofDays(3).plusHours(4))).isEqualTo("3d 4h");
		assertThat(this.fmt.duration(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2h 05m");
		// Whole minutes round up: "1h 00m" while a little less than an hour is left.
		assertThat(this.fmt.duration(Duration.ofMinutes(59).plusSeconds(30))).isEqualTo("1h 00m");
		assertThat(this.fmt.duration(Duration.ofMinutes(12))).isEqualTo("12m");
		assertThat(this.fmt.duration(Duration.ofMinutes(5))).isEqualTo("5m");
		assertThat(this.fmt.duration(Duration.ofMinutes(4).plusSeconds(9))).isEqualTo("4m 09s");
		assertThat(this.fmt.duration(Duration.ofSeconds(12))).isEqualTo("12s");
		assertThat(this.fmt.duration(Duration.ofMillis(300))).isEqualTo("1s");
		assertThat(this.fmt.duration(Duration.ZERO)).isEqualTo("0s");
		assertThat(this.fmt.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
	}

	@Test
	void countdownsUseThePagesWords() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("pt-BR"));
		assertThat(this.fmt.duration(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2h 05min");
		assertThat(this.fmt.duration(Duration.ofMinutes(4).plusSeconds(9))).isEqualTo("4min 09s");
	}

	private static MessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** Java writes a no-break space where a reader sees a space. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
