package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A lot's terms for tests, in major units as people write them, e.g.
 * {@code LotTerms.parse("EUR 1.00 reserve 50.00 buy-now 100.00")}. Without a database, so the
 * rules can be checked in microseconds.
 */
record LotTerms(String currency, String start, String reserve, String buyNow, Instant startsAt, Instant endsAt,
		Instant hardStopAt, Duration window, Duration extension, Integer maxExtensions) {

	static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

	static final IncrementTable INCREMENTS = IncrementTable.defaults();

	static LotTerms of(String currency, String start) {
		return new LotTerms(currency, start, null, null, T0, T0.plus(Duration.ofHours(1)), null,
				Duration.ofMinutes(2), Duration.ofMinutes(2), null);
	}

	/** {@code "CUR start [reserve X] [buy-now Y]"}. */
	static LotTerms parse(String text) {
		String[] words = text.trim().split("\\s+");
		LotTerms terms = of(words[0], words[1]);
		for (int i = 2; i < words.length; i += 2) {
			terms = switch (words[i]) {
				case "reserve" -> terms.withReserve(words[i + 1]);
				case "buy-now" -> terms.withBuyNow(words[i + 1]);
				default -> throw new IllegalArgumentException("unknown term " + words[i]);
			};
		}
		return terms;
	}

	LotTerms withReserve(String reserve) {
		return new LotTerms(this.currency, this.start, reserve, this.buyNow, this.startsAt, this.endsAt,
				this.hardStopAt, this.window, this.extension, this.maxExtensions);
	}

	LotTerms withBuyNow(String buyNow) {
		return new LotTerms(this.currency, this.start, this.reserve, buyNow, this.startsAt, this.endsAt,
				this.hardStopAt, this.window, this.extension, this.maxExtensions);
	}

	LotTerms withHardStop(Instant hardStopAt) {
		return new LotTerms(this.currency, this.start, this.reserve, this.buyNow, this.startsAt, this.endsAt,
				hardStopAt, this.window, this.extension, this.maxExtensions);
	}

	LotTerms withSoftClose(Duration window, Duration extension) {
		return new LotTerms(this.currency, this.start, this.reserve, this.buyNow, this.startsAt, this.endsAt,
				this.hardStopAt, window, extension, this.maxExtensions);
	}

	LotTerms withMaxExtensions(Integer maxExtensions) {
		return new LotTerms(this.currency, this.start, this.reserve, this.buyNow, this.startsAt, this.endsAt,
				this.hardStopAt, this.window, this.extension, maxExtensions);
	}

	LotTerms running(Instant startsAt, Instant endsAt) {
		return new LotTerms(this.currency, this.start, this.reserve, this.buyNow, startsAt, endsAt, this.hardStopAt,
				this.window, this.extension, this.maxExtensions);
	}

	long minor(String major) {
		return Money.toMinor(new BigDecimal(major), this.currency);
	}

	LotSpec spec() {
		return new LotSpec("Test lot", "A lot made by a test.", this.currency, minor(this.start),
				this.reserve == null ? null : minor(this.reserve), this.buyNow == null ? null : minor(this.buyNow),
				this.startsAt, this.endsAt, this.hardStopAt, this.window, this.extension, this.maxExtensions);
	}

}
