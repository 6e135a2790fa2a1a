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

import org.springframework.stereotype.Component;

/**
 * How pages show money and time, used from templates as {@code @fmt}. The browser script formats
 * the same way ({@code Intl.NumberFormat('en-US', {style: 'currency'})}), so a server-rendered
 * price and a live one look alike.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	/** {@code "62.00", "EUR"} → {@code "€62.00"}; {@code null} stays {@code null}. */
	public String money(String amount, String currency) {
		if (amount == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		Currency c = Currency.getInstance(currency);
		format.setCurrency(c);
		format.setMinimumFractionDigits(Math.max(0, c.getDefaultFractionDigits()));
		format.setMaximumFractionDigits(Math.max(0, c.getDefaultFractionDigits()));
		return format.format(new BigDecimal(amount));
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	/** Time left until {@code end} on the server's clock: {@code "2h 05m"}, {@code "4m 09s"}, {@code "0s"}. */
	public String remaining(Instant end) {
		return duration(Duration.between(this.clock.instant(), end));
	}

	static String duration(Duration d) {
		if (d.isNegative() || d.isZero()) {
			return "0s";
		}
		long s = d.toSeconds();
		long days = s / 86400;
		long hours = (s % 86400) / 3600;
		long minutes = (s % 3600) / 60;
		long seconds = s % 60;
		if (days > 0) {
			return days + "d " + hours + "h";
		}
		if (hours > 0) {
			return hours + "h " + pad(minutes) + "m";
		}
		if (minutes > 0) {
			return minutes + "m " + pad(seconds) + "s";
		}
		return seconds + "s";
	}

	/** A soft-close window or extension in words a bidder reads at a glance: "2 minutes", "90 seconds". */
	/** {@link #span} of a number of seconds, e.g. a sale's interval: "1 minute". */
	public String seconds(long seconds) {
		return span(Duration.ofSeconds(seconds));
	}

	public String span(Duration d) {
		long s = d.toSeconds();
		if (s % 3600 == 0 && s >= 3600) {
			return plural(s / 3600, "hour");
		}
		if (s % 60 == 0 && s >= 60) {
			return plural(s / 60, "minute");
		}
		return plural(s, "second");
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

	private static String pad(long n) {
		return n < 10 ? "0" + n : Long.toString(n);
	}

}
