package com.gavel.auction;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The proxy rule as a pure function, bid by bid. Standings are written as price, leader and the
 * leader's maximum; bidders A, B, C have ids 1, 2, 3 and aliases 1, 2, 3.
 */
class ProxyBiddingTests {

	private static final ProxyBidding EUR = new ProxyBidding(IncrementTable.defaults(), "EUR", 100, null);

	private static final ProxyBidding EUR_RESERVE_50 = new ProxyBidding(IncrementTable.defaults(), "EUR", 100, 5000L);

	private static final ProxyBidding JPY = new ProxyBidding(IncrementTable.defaults(), "JPY", 100, null);

	static Stream<Arguments> rules() {
		return Stream.of(
				arguments("a first bid opens at its amount", EUR, Standing.EMPTY, bid("A", "2.00"),
						standing("2.00", "A", "2.00")),
				arguments("a first maximum opens at the start price", EUR, Standing.EMPTY, max("A", "10.00"),
						standing("1.00", "A", "10.00")),
				arguments("a first bid with a maximum opens at its amount", EUR, Standing.EMPTY,
						bidWithMax("A", "2.00", "10.00"), standing("2.00", "A", "10.00")),
				arguments("a lower maximum lifts the leader to it plus one increment", EUR,
						standing("1.00", "A", "10.00"), max("B", "5.00"), standing("5.50", "A", "10.00")),
				arguments("the lift never passes the leader's maximum", EUR, standing("1.00", "A", "10.00"),
						max("B", "9.90"), standing("10.00", "A", "10.00")),
				arguments("an equal maximum loses to the earlier one, at that maximum", EUR,
						standing("1.00", "A", "10.00"), max("B", "10.00"), standing("10.00", "A", "10.00")),
				arguments("a higher maximum leads at the runner-up's maximum plus one increment", EUR,
						standing("1.00", "A", "10.00"), max("B", "20.00"), standing("10.50", "B", "20.00")),
				arguments("a winner pays at most their own maximum", EUR, standing("1.00", "A", "10.00"),
						max("B", "10.20"), standing("10.20", "B", "10.20")),
				arguments("a plain bid above the leader's maximum leads at its amount", EUR,
						standing("1.00", "A", "10.00"), bid("B", "15.00"), standing("15.00", "B", "15.00")),
				arguments("a plain bid below the leader's maximum is answered by the proxy", EUR,
						standing("1.00", "A", "10.00"), bid("B", "4.00"), standing("4.25", "A", "10.00")),
				arguments("a bid with a maximum leads at the second price, not below its amount", EUR,
						standing("1.00", "A", "10.00"), bidWithMax("B", "6.00", "12.00"),
						standing("10.50", "B", "12.00")),
				arguments("the leader's own bid only raises their maximum", EUR, standing("5.50", "A", "10.00"),
						max("A", "20.00"), standing("5.50", "A", "20.00")),
				arguments("a maximum below the reserve leaves the price alone", EUR_RESERVE_50, Standing.EMPTY,
						max("A", "49.99"), standing("1.00", "A", "49.99")),
				arguments("a maximum at the reserve lifts the price straight to it", EUR_RESERVE_50, Standing.EMPTY,
						max("A", "50.00"), standing("50.00", "A", "50.00")),
				arguments("a leader raising above the reserve lifts the price to it", EUR_RESERVE_50,
						standing("1.00", "A", "40.00"), max("A", "60.00"), standing("50.00", "A", "60.00")),
				arguments("a challenger above the reserve leads at the reserve", EUR_RESERVE_50,
						standing("1.00", "A", "40.00"), max("B", "60.00"), standing("50.00", "B", "60.00")),
				arguments("a second price above the reserve is the price", EUR_RESERVE_50,
						standing("50.00", "A", "55.00"), max("B", "80.00"), standing("56.00", "B", "80.00")),
				arguments("buy now takes the lot at its price", EUR_RESERVE_50, standing("10.00", "A", "40.00"),
						new ProxyBidding.BidEntry(2, 2, BidKind.BUY_NOW, 10000L, null),
						standing("100.00", "B", "100.00")),
				arguments("yen increments are whole yen, rounded up", JPY, new Standing(100L, 1L, 1, 1000L),
						new ProxyBidding.BidEntry(2, 2, BidKind.MAXIMUM, null, 200L),
						new Standing(203L, 1L, 1, 1000L)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void apply(String rule, ProxyBidding rules, Standing before, ProxyBidding.BidEntry bid, Standing after) {
		assertThat(rules.apply(before, bid)).isEqualTo(after);
	}

	@Test
	void askIsTheStartPriceBeforeAnyBid() {
		assertThat(EUR.ask(Standing.EMPTY)).isEqualTo(100);
	}

	@Test
	void askIsThePricePlusTheIncrementOfItsBand() {
		assertThat(EUR.ask(standing("0.99", "A", "0.99"))).isEqualTo(104);
		assertThat(EUR.ask(standing("1.00", "A", "1.00"))).isEqualTo(125);
		assertThat(EUR.ask(standing("5.00", "A", "5.00"))).isEqualTo(550);
		assertThat(JPY.ask(new Standing(100L, 1L, 1, 100L))).isEqualTo(103);
	}

	private static ProxyBidding.BidEntry bid(String bidder, String amount) {
		return new ProxyBidding.BidEntry(id(bidder), (int) id(bidder), BidKind.BID, cents(amount), null);
	}

	private static ProxyBidding.BidEntry max(String bidder, String maximum) {
		return new ProxyBidding.BidEntry(id(bidder), (int) id(bidder), BidKind.MAXIMUM, null, cents(maximum));
	}

	private static ProxyBidding.BidEntry bidWithMax(String bidder, String amount, String maximum) {
		return new ProxyBidding.BidEntry(id(bidder), (int) id(bidder), BidKind.BID, cents(amount), cents(maximum));
	}

	private static Standing standing(String price, String leader, String maximum) {
		return new Standing(cents(price), id(leader), (int) id(leader), cents(maximum));
	}

	private static long id(String bidder) {
		return LotDriver.bidderId(bidder);
	}

	private static long cents(String major) {
		return Money.toMinor(new BigDecimal(major), "EUR");
	}

}
