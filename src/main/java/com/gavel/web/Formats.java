package com.gavel.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show money and time, used from templates as {@code @fmt}. Money is in the lot's
 * currency, formatted for the page's language (the request's locale, which is also the page's
 * {@code <html lang>}), as the browser scripts format it ({@code Intl.NumberFormat(lang, {style:
 * 'currency'})}), so a server-rendered price and a live one look alike. Times are rendered in UTC
 * with the zone named, inside {@code <time datetime>} elements that {@code time.js} rewrites into
 * the reader's own zone; the UTC text is what a reader without scripts sees.
 */
@Component("fmt")
public class Formats {

	private static final String DATE_TIME = "d MMM yyyy, HH:mm 'UTC'";

	/** A countdown shows seconds only when less than this is left. */
	private static final long SECONDS_SHOWN_BELOW = 300;

	private static final Pattern ALIAS = Pattern.compile("Bidder (\\d+)");

	private final Clock clock;

	private final MessageSource messages;

	Formats(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	/** {@code "62.00", "EUR"} → {@code "€62.00"}; {@code null} stays {@code null}. */
	public String money(String amount, String currency) {
		if (amount == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
		Currency c = Currency.getInstance(currency);
		format.setCurrency(c);
		format.setMinimumFractionDigits(Math.max(0, c.getDefaultFractionDigits()));
		format.setMaximumFractionDigits(Math.max(0, c.getDefaultFractionDigits()));
		return format.format(new BigDecimal(amount));
	}

	/** The fallback text of a {@code <time data-time>}: {@code "1 Dec 2026, 18:00 UTC"}. */
	public String dateTime(Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofPattern(DATE_TIME, LocaleContextHolder.getLocale())
					.withZone(ZoneOffset.UTC)
					.format(instant);
	}

	/**
	 * Time left until {@code end} on the server's clock, in the page's language with the scripts'
	 * words ({@code live.time.*}): {@code "3d 4h"}, {@code "2h 05m"}, {@code "12m"}, and with
	 * seconds only in the last five minutes: {@code "4m 09s"}, {@code "0s"}.
	 */
	public String remaining(Instant end) {
		return duration(Duration.between(this.clock.instant(), end));
	}

	String duration(Duration d) {
		if (d.isNegative() || d.isZero()) {
			return text("live.time.s", "0");
		}
		// Whole seconds and minutes round up, as the page's countdown (text.js) counts.
		long s = (d.toMillis() + 999) / 1000;
		if (s < SECONDS_SHOWN_BELOW) {
			return (s >= 60) ? text("live.time.m", Long.toString(s / 60), pad(s % 60))
					: text("live.time.s", Long.toString(s));
		}
		long all = (s + 59) / 60;
		long days = all / 1440;
		long hours = (all % 1440) / 60;
		long minutes = all % 60;
		if (days > 0) {
			return text("live.time.d", Long.toString(days), Long.toString(hours));
		}
		if (hours > 0) {
			return text("live.time.h", Long.toString(hours), pad(minutes));
		}
		return text("live.time.min", Long.toString(minutes));
	}

	/** {@link #span} of a number of seconds, e.g. a sale's interval: "1 minute". */
	public String seconds(long seconds) {
		return span(Duration.ofSeconds(seconds));
	}

	/**
	 * A soft-close window or extension in words a bidder reads at a glance, in the page's
	 * language: "2 minutes", "90 seconds".
	 */
	public String span(Duration d) {
		long s = d.toSeconds();
		if (s % 3600 == 0 && s >= 3600) {
			return text("time.span.hours", s / 3600);
		}
		if (s % 60 == 0 && s >= 60) {
			return text("time.span.minutes", s / 60);
		}
		return text("time.span.seconds", s);
	}

	/**
	 * A bidder's alias in the page's language: {@code "Bidder 3"} (as auction/LotView names them, the
	 * same in every language, since frames and the API carry it) reads "Licitante 3" in Portuguese;
	 * anything else stays as it is. The scripts do the same ({@code aliasText} in {@code text.js}).
	 */
	public String alias(String alias) {
		Matcher number = ALIAS.matcher((alias != null) ? alias : "");
		return number.matches() ? text("live.alias", number.group(1)) : alias;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static String pad(long n) {
		return n < 10 ? "0" + n : Long.toString(n);
	}

}
