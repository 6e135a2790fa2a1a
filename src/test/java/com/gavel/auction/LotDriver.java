package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one {@link Lot} the way the engine does (aliases in order of first accepted bid), from
 * bids written like {@code "A max 10.00"}, {@code "B bid 5.00"}, {@code "C bid 6.00 max 12.00"} or
 * {@code "D buy"}. Bidder A has id 1, B id 2, and so on. Keeps the accepted bids so a test can
 * replay them.
 */
final class LotDriver {

	private static final AtomicLong IDS = new AtomicLong();

	final Lot lot;

	final LotTerms terms;

	final List<ProxyBidding.BidEntry> accepted = new ArrayList<>();

	private final Map<Long, Integer> aliases = new HashMap<>();

	private LotDriver(LotTerms terms) {
		this.terms = terms;
		this.lot = new Lot(terms.spec(), terms.startsAt());
		this.lot.assignId(IDS.incrementAndGet());
	}

	/** A draft lot: nothing happened to it yet. */
	static LotDriver draft(LotTerms terms) {
		return new LotDriver(terms);
	}

	/** A lot scheduled and opened at its start. */
	static LotDriver open(LotTerms terms) {
		LotDriver driver = new LotDriver(terms);
		driver.lot.schedule(terms.startsAt(), LotTerms.INCREMENTS);
		driver.lot.open(terms.startsAt(), LotTerms.INCREMENTS);
		return driver;
	}

	static LotDriver open(String terms) {
		return open(LotTerms.parse(terms));
	}

	static long bidderId(String letter) {
		return letter.charAt(0) - 'A' + 1;
	}

	Lot.BidDecision bid(String line) {
		return bid(line, this.terms.startsAt());
	}

	Lot.BidDecision bid(String line, Instant at) {
		String[] words = line.trim().split("\\s+");
		long bidder = bidderId(words[0]);
		Long amount = null;
		Long maximum = null;
		BidKind kind;
		if (words[1].equals("buy")) {
			kind = BidKind.BUY_NOW;
		}
		else {
			for (int i = 1; i < words.length; i += 2) {
				switch (words[i]) {
					case "bid" -> amount = this.terms.minor(words[i + 1]);
					case "max" -> maximum = this.terms.minor(words[i + 1]);
					default -> throw new IllegalArgumentException("cannot read bid '" + line + "'");
				}
			}
			kind = amount == null ? BidKind.MAXIMUM : BidKind.BID;
		}
		return place(bidder, kind, amount, maximum, at);
	}

	/** Places a bid as the engine would, giving a new bidder the next alias. */
	Lot.BidDecision place(long bidder, BidKind kind, Long amount, Long maximum, Instant at) {
		int alias = this.aliases.getOrDefault(bidder, this.lot.getBidderCount() + 1);
		Lot.BidDecision decision = this.lot.placeBid(bidder, alias, kind, amount, maximum, at, LotTerms.INCREMENTS);
		if (decision.accepted()) {
			this.aliases.putIfAbsent(bidder, alias);
			// The lot takes the buy-now price itself; the replay needs it as the bid's amount.
			Long paid = kind == BidKind.BUY_NOW ? this.lot.getBuyNowPrice() : amount;
			this.accepted.add(new ProxyBidding.BidEntry(bidder, alias, kind, paid, maximum));
		}
		return decision;
	}

	/** Places bids that the test expects to be accepted. */
	LotDriver history(String bids) {
		if (bids == null || bids.isBlank()) {
			return this;
		}
		for (String line : bids.split(";")) {
			Lot.BidDecision decision = bid(line);
			if (!decision.accepted()) {
				throw new IllegalStateException(
						"history bid '" + line.trim() + "' was rejected: " + decision.rejected());
			}
		}
		return this;
	}

	String price() {
		return Money.text(this.lot.getCurrentPrice(), this.lot.getCurrency());
	}

	String leader() {
		Long leader = this.lot.getLeaderId();
		return leader == null ? null : String.valueOf((char) ('A' + leader - 1));
	}

	BigDecimal major(long minor) {
		return Money.toMajor(minor, this.lot.getCurrency());
	}

	LotView view() {
		return this.lot.view(LotTerms.INCREMENTS);
	}

}
