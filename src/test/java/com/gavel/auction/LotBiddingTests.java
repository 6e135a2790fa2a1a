package com.gavel.auction;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The bidding rules of DESIGN.md on one lot, as a table: the lot's terms, the bids it already
 * took, one more bid, and what must become of it. Bids are written like {@code "A max 10.00"}
 * (see {@link LotDriver}).
 */
class LotBiddingTests {

	/** What the bid under test must lead to. */
	record Outcome(String rejected, String price, String leader, Boolean leading, String reserve, LotStatus status) {

		static Outcome rejected(String reason) {
			return new Outcome(reason, null, null, null, null, null);
		}

		static Outcome accepted(String price, String leader) {
			return new Outcome(null, price, leader, null, null, null);
		}

		Outcome leading(boolean leading) {
			return new Outcome(this.rejected, this.price, this.leader, leading, this.reserve, this.status);
		}

		Outcome reserve(String reserve) {
			return new Outcome(this.rejected, this.price, this.leader, this.leading, reserve, this.status);
		}

		Outcome status(LotStatus status) {
			return new Outcome(this.rejected, this.price, this.leader, this.leading, this.reserve, status);
		}

	}

	static Stream<Arguments> rules() {
		return Stream.of(
				// Minimums and increments
				arguments("first bid at the start price", "EUR 1.00", "", "A bid 1.00",
						Outcome.accepted("1.00", "A").leading(true)),
				arguments("first bid below the start price", "EUR 1.00", "", "A bid 0.99",
						Outcome.rejected("below-minimum")),
				arguments("first maximum opens at the start price", "EUR 1.00", "", "A max 10.00",
						Outcome.accepted("1.00", "A")),
				arguments("bid equal to the current price", "EUR 1.00", "A bid 2.00", "B bid 2.00",
						Outcome.rejected("below-minimum")),
				arguments("maximum equal to the current price", "EUR 1.00", "A bid 2.00", "B max 2.00",
						Outcome.rejected("below-minimum")),
				arguments("bid one cent below the ask", "EUR 1.00", "A bid 1.00", "B bid 1.24",
						Outcome.rejected("below-minimum")),
				arguments("at 1.00 the increment is 0.25", "EUR 1.00", "A bid 1.00", "B bid 1.25",
						Outcome.accepted("1.25", "B").leading(true)),
				arguments("at 0.99 the increment is 0.05: 1.03 is too low", "EUR 0.10", "A bid 0.99", "B bid 1.03",
						Outcome.rejected("below-minimum")),
				arguments("at 0.99 the increment is 0.05: 1.04 is enough", "EUR 0.10", "A bid 0.99", "B bid 1.04",
						Outcome.accepted("1.04", "B")),
				arguments("at 5.00 the increment is 0.50", "EUR 1.00", "A bid 5.00", "B bid 5.49",
						Outcome.rejected("below-minimum")),
				arguments("yen: at 100 the increment is 3 (2.50 rounded up)", "JPY 100", "A bid 100", "B bid 102",
						Outcome.rejected("below-minimum")),
				arguments("yen: 103 is enough", "JPY 100", "A bid 100", "B bid 103", Outcome.accepted("103", "B")),
				arguments("yen: under 5 the increment is 1", "JPY 1", "A bid 1", "B bid 2", Outcome.accepted("2", "B")),
				// Invalid amounts
				arguments("zero amount", "EUR 1.00", "", "A bid 0.00", Outcome.rejected("invalid-amount")),
				arguments("negative maximum", "EUR 1.00", "", "A max -5.00", Outcome.rejected("invalid-amount")),
				arguments("maximum below the amount", "EUR 1.00", "", "A bid 5.00 max 4.00",
						Outcome.rejected("invalid-amount")),
				// Proxy bidding
				arguments("lower bid against a maximum: proxy answers one increment above", "EUR 1.00",
						"A max 10.00", "B bid 5.00", Outcome.accepted("5.50", "A").leading(false)),
				arguments("lower maximum: leader pays it plus one increment", "EUR 1.00", "A max 10.00",
						"B max 7.00", Outcome.accepted("7.50", "A").leading(false)),
				arguments("higher maximum leads at the runner-up's maximum plus one increment", "EUR 1.00",
						"A max 10.00", "B max 20.00", Outcome.accepted("10.50", "B").leading(true)),
				arguments("higher maximum just above: leader pays their own maximum", "EUR 1.00", "A max 10.00",
						"B max 10.25", Outcome.accepted("10.25", "B")),
				arguments("equal maximum: the earlier wins, price is that maximum", "EUR 1.00", "A max 10.00",
						"B max 10.00", Outcome.accepted("10.00", "A").leading(false)),
				arguments("equal maximums among three: still the earliest", "EUR 1.00", "A max 10.00; B max 8.00",
						"C max 10.00", Outcome.accepted("10.00", "A")),
				arguments("plain bid above every maximum leads at its amount", "EUR 1.00", "A max 10.00",
						"B bid 15.00", Outcome.accepted("15.00", "B")),
				arguments("bid with a maximum leads at the second price", "EUR 1.00", "A max 10.00",
						"B bid 6.00 max 12.00", Outcome.accepted("10.50", "B")),
				// Bidding against oneself
				arguments("leader outbidding themself", "EUR 1.00", "A bid 2.00", "A bid 3.00",
						Outcome.rejected("self-outbid")),
				arguments("leader repeating their maximum", "EUR 1.00", "A max 10.00", "A max 10.00",
						Outcome.rejected("maximum-not-raised")),
				arguments("leader lowering their maximum", "EUR 1.00", "A max 10.00", "A max 9.00",
						Outcome.rejected("maximum-not-raised")),
				arguments("leader raising their maximum keeps the price", "EUR 1.00", "A max 10.00; B bid 5.00",
						"A max 20.00", Outcome.accepted("5.50", "A").leading(true)),
				arguments("leader adding a maximum to a plain bid keeps the price", "EUR 1.00", "A bid 2.00",
						"A bid 2.00 max 8.00", Outcome.accepted("2.00", "A")),
				arguments("outbid bidder may come back", "EUR 1.00", "A bid 1.00; B bid 1.25", "A bid 1.50",
						Outcome.accepted("1.50", "A")),
				// Reserve
				arguments("bid below the reserve", "EUR 1.00 reserve 50.00", "", "A bid 10.00",
						Outcome.accepted("10.00", "A").reserve("not-met")),
				arguments("maximum below the reserve stays at the start", "EUR 1.00 reserve 50.00", "",
						"A max 40.00", Outcome.accepted("1.00", "A").reserve("not-met")),
				arguments("maximum at the reserve lifts the price to it", "EUR 1.00 reserve 50.00", "",
						"A max 50.00", Outcome.accepted("50.00", "A").reserve("met")),
				arguments("maximum below then above the reserve: price lifts straight to it",
						"EUR 1.00 reserve 50.00", "A max 40.00", "A max 60.00",
						Outcome.accepted("50.00", "A").reserve("met")),
				arguments("challenger above the reserve leads at the reserve", "EUR 1.00 reserve 50.00",
						"A max 40.00", "B max 60.00", Outcome.accepted("50.00", "B").reserve("met")),
				arguments("second price above the reserve is the price", "EUR 1.00 reserve 50.00", "A max 55.00",
						"B max 80.00", Outcome.accepted("56.00", "B").reserve("met")),
				arguments("no reserve is always met", "EUR 1.00", "", "A bid 1.00",
						Outcome.accepted("1.00", "A").reserve("none")),
				// Buy now
				arguments("buy now before any bid closes the lot", "EUR 1.00 buy-now 100.00", "", "A buy",
						Outcome.accepted("100.00", "A").leading(true).status(LotStatus.CLOSED)),
				arguments("buy now after a bid, without reserve", "EUR 1.00 buy-now 100.00", "A bid 1.00", "B buy",
						Outcome.rejected("buy-now-unavailable")),
				arguments("buy now while the reserve is not met", "EUR 1.00 reserve 50.00 buy-now 100.00",
						"A max 40.00", "B buy",
						Outcome.accepted("100.00", "B").reserve("met").status(LotStatus.CLOSED)),
				arguments("buy now once the reserve is met", "EUR 1.00 reserve 50.00 buy-now 100.00",
						"A max 60.00", "B buy", Outcome.rejected("buy-now-unavailable")),
				arguments("buy now on a lot without a buy-now price", "EUR 1.00", "", "A buy",
						Outcome.rejected("buy-now-unavailable")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void bid(String rule, String terms, String history, String bid, Outcome expected) {
		LotDriver driver = LotDriver.open(terms).history(history);
		LotView before = driver.view();
		long sequenceBefore = driver.lot.getLastSequence();

		Lot.BidDecision decision = driver.bid(bid);

		if (expected.rejected() != null) {
			assertThat(decision.accepted()).isFalse();
			assertThat(decision.rejected().code()).isEqualTo(expected.rejected());
			// A refused bid changes nothing and tells nobody.
			assertThat(driver.view()).isEqualTo(before);
			assertThat(driver.lot.getLastSequence()).isEqualTo(sequenceBefore);
			return;
		}
		assertThat(decision.rejected()).isNull();
		assertThat(driver.price()).isEqualTo(expected.price());
		assertThat(Money.text(decision.priceAfter(), driver.lot.getCurrency())).isEqualTo(expected.price());
		assertThat(driver.leader()).isEqualTo(expected.leader());
		assertThat(decision.leading()).isEqualTo(driver.lot.getLeaderId() == LotDriver.bidderId(bid));
		if (expected.leading() != null) {
			assertThat(decision.leading()).isEqualTo(expected.leading());
		}
		if (expected.reserve() != null) {
			assertThat(driver.view().reserve()).isEqualTo(expected.reserve());
		}
		assertThat(driver.lot.getStatus()).isEqualTo(expected.status() != null ? expected.status() : LotStatus.OPEN);
		assertThat(driver.lot.getCurrentPrice()).isLessThanOrEqualTo(driver.lot.getLeaderMax());
	}

	@Test
	void buyNowIsOfferedUntilTheFirstBidWithoutReserve() {
		LotDriver driver = LotDriver.open("EUR 1.00 buy-now 100.00");
		assertThat(driver.view().buyNow()).isEqualTo("100.00");
		driver.bid("A bid 1.00");
		assertThat(driver.lot.buyNowAvailable()).isFalse();
		assertThat(driver.view().buyNow()).isNull();
	}

	@Test
	void buyNowIsOfferedUntilTheReserveIsMet() {
		LotDriver driver = LotDriver.open("EUR 1.00 reserve 50.00 buy-now 100.00");
		driver.bid("A bid 10.00");
		assertThat(driver.view().buyNow()).isEqualTo("100.00");
		driver.bid("B max 50.00");
		assertThat(driver.view().reserve()).isEqualTo("met");
		assertThat(driver.view().buyNow()).isNull();
	}

	@Test
	void aBoughtLotIsSoldToTheBuyer() {
		LotDriver driver = LotDriver.open("EUR 1.00 reserve 50.00 buy-now 100.00").history("A max 40.00");
		driver.bid("B buy");
		assertThat(driver.lot.sold()).isTrue();
		assertThat(driver.view().outcome()).isEqualTo("sold");
		assertThat(driver.view().leader()).isEqualTo("Bidder 2");
		assertThat(driver.bid("C bid 200.00").rejected()).isEqualTo(RejectReason.LOT_CLOSED);
	}

	@Test
	void theReserveFigureIsNeverInTheView() {
		LotDriver driver = LotDriver.open("EUR 1.00 reserve 57.35").history("A max 40.00");
		assertThat(driver.view().toString()).doesNotContain("57.35");
		driver.bid("B max 70.00");
		// Met: the price is the reserve, which is public from now on, as the price.
		assertThat(driver.view().reserve()).isEqualTo("met");
	}

	@Test
	void aliasesFollowTheOrderOfFirstBids() {
		LotDriver driver = LotDriver.open("EUR 1.00").history("C bid 1.00; A bid 1.25; C bid 1.50");
		assertThat(driver.accepted).extracting(ProxyBidding.BidEntry::alias).containsExactly(1, 2, 1);
		assertThat(driver.view().leader()).isEqualTo("Bidder 1");
		assertThat(driver.lot.getBidderCount()).isEqualTo(2);
		assertThat(driver.lot.getBidCount()).isEqualTo(3);
	}

	@Test
	void hugeMaximumsDoNotOverflow() {
		LotDriver driver = LotDriver.open("EUR 1.00").history("A max 92233720368547758.00");
		Lot.BidDecision decision = driver.bid("B max 92233720368547757.00");
		assertThat(decision.accepted()).isTrue();
		// The runner-up's maximum plus one increment, capped by the leader's maximum.
		assertThat(driver.price()).isEqualTo("92233720368547758.00");
		assertThat(driver.leader()).isEqualTo("A");
		// The ask at such a price must not wrap around to a tiny or negative amount.
		assertThat(driver.lot.ask(LotTerms.INCREMENTS)).isGreaterThan(driver.lot.getCurrentPrice());
		assertThat(driver.bid("C bid 1.00").rejected()).isEqualTo(RejectReason.BELOW_MINIMUM);
	}

}
