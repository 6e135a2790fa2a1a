package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.gavel.support.Gen;
import com.gavel.support.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bid sequences on one lot (several bidders, random amounts and maximums, with and
 * without reserve and buy now, some bids late enough to extend the lot), checked after every
 * bid against what must always hold, whatever the sequence.
 */
class LotBiddingPropertyTests {

	private static final IncrementTable INCREMENTS = LotTerms.INCREMENTS;

	private static final Instant START = LotTerms.T0;

	private static final Instant END = START.plus(Duration.ofMinutes(10));

	enum Kind {

		BID, MAXIMUM, BID_WITH_MAXIMUM, BUY_NOW

	}

	/**
	 * One bid attempt. Amounts are offsets from the ask at the moment of the bid, so most bids
	 * are plausible and some are too low or invalid.
	 */
	record Action(int bidder, Kind kind, long amountOffset, long maximumOffset, long waitSeconds) {
	}

	record Scenario(String currency, long start, Long reserveAbove, Long buyNowAbove, Integer maxExtensions,
			Long hardStopAfterEnd, List<Action> actions) {

		Long reserve() {
			return this.reserveAbove == null ? null : this.start + this.reserveAbove;
		}

		Long buyNow() {
			return this.buyNowAbove == null ? null
					: Math.max(this.start, this.reserve() == null ? 0 : this.reserve()) + this.buyNowAbove;
		}

		LotTerms terms() {
			LotTerms terms = LotTerms.of(this.currency, text(this.start))
				.running(START, END)
				.withMaxExtensions(this.maxExtensions);
			if (this.reserve() != null) {
				terms = terms.withReserve(text(this.reserve()));
			}
			if (this.buyNow() != null) {
				terms = terms.withBuyNow(text(this.buyNow()));
			}
			return this.hardStopAfterEnd != null ? terms.withHardStop(END.plusSeconds(this.hardStopAfterEnd)) : terms;
		}

		private String text(long minor) {
			return Money.text(minor, this.currency);
		}

	}

	private static final int TRIES = 1000;

	private static Scenario anyScenario(Gen gen) {
		return scenario(gen, (g) -> Kind.values()[g.weighted(4, 5, 2, 1)]);
	}

	private static Scenario proxyOnlyScenario(Gen gen) {
		return scenario(gen, (g) -> Kind.MAXIMUM);
	}

	private static Scenario scenario(Gen gen, Function<Gen, Kind> kinds) {
		String currency = gen.pick("EUR", "EUR", "JPY");
		long start = gen.between(1, 20_000);
		Long reserveAbove = gen.chance(0.5) ? null : gen.between(0, 100_000);
		Long buyNowAbove = gen.chance(0.6) ? null : gen.between(0, 100_000);
		Integer maxExtensions = gen.chance(0.5) ? null : gen.uniform(0, 3);
		// A hard stop from right at the end to ten minutes after it, so extensions run into it.
		Long hardStop = gen.chance(0.5) ? null : gen.between(0, 600);
		int size = gen.uniform(1, 40);
		List<Action> actions = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			actions.add(action(gen, kinds));
		}
		return new Scenario(currency, start, reserveAbove, buyNowAbove, maxExtensions, hardStop, actions);
	}

	private static Action action(Gen gen, Function<Gen, Kind> kinds) {
		int bidder = gen.uniform(1, 4);
		Kind kind = kinds.apply(gen);
		long amountOffset = switch (gen.weighted(4, 1, 5, 2)) {
			case 0 -> 0;
			case 1 -> -gen.between(1, 300);
			case 2 -> gen.between(1, 3_000);
			default -> gen.between(3_000, 300_000);
		};
		long maximumOffset = gen.weighted(1, 6) == 0 ? -gen.between(1, 500) : gen.between(0, 200_000);
		long waitSeconds = gen.weighted(8, 1) == 0 ? gen.between(0, 20) : gen.between(20, 300);
		return new Action(bidder, kind, amountOffset, maximumOffset, waitSeconds);
	}

	@TestFactory
	Stream<DynamicTest> everyBidKeepsTheRules() {
		return Property.forAll(TRIES, LotBiddingPropertyTests::anyScenario, (scenario) -> {
			Run run = new Run(scenario);
			for (Action action : scenario.actions()) {
				run.step(action);
			}
			run.closeAndCheckOutcome();
		});
	}

	/**
	 * With maximums only, every bid that challenges the leader sets the price by the second-price
	 * rule: the lower of the runner-up's maximum plus one increment and the leader's maximum (the
	 * start price without a runner-up), lifted to the reserve once the leader's maximum reaches it.
	 * The leader raising their own maximum does not reprice the lot (nobody challenged them), except
	 * that it lifts the price to the reserve when it reaches it.
	 */
	@TestFactory
	Stream<DynamicTest> withMaximumsOnlyThePriceIsTheSecondPrice() {
		return Property.forAll(TRIES, LotBiddingPropertyTests::proxyOnlyScenario,
				LotBiddingPropertyTests::priceIsTheSecondPrice);
	}

	private static void priceIsTheSecondPrice(Scenario scenario) {
		Run run = new Run(scenario);
		Long expected = null;
		for (Action action : scenario.actions()) {
			Lot lot = run.driver.lot;
			Long leaderBefore = lot.getLeaderId();
			int acceptedBefore = run.driver.accepted.size();
			run.step(action);
			if (run.driver.accepted.size() == acceptedBefore) {
				continue;
			}
			if (leaderBefore != null && leaderBefore == action.bidder()) {
				if (scenario.reserve() != null && lot.getLeaderMax() >= scenario.reserve()) {
					expected = Math.max(expected, scenario.reserve());
				}
			}
			else {
				expected = run.model.secondPrice(lot.getLeaderId(), scenario);
			}
			assertThat(lot.getCurrentPrice()).isEqualTo(expected);
		}
	}

	/** One scenario played on a lot, with a simple model of who should lead. */
	private static final class Run {

		final LotDriver driver;

		final Model model = new Model();

		final List<LotEventRecord> events = new ArrayList<>();

		final Scenario scenario;

		Instant now = START;

		Run(Scenario scenario) {
			this.scenario = scenario;
			this.driver = LotDriver.open(scenario.terms());
			this.events.addAll(this.driver.lot.drainEvents());
		}

		void step(Action action) {
			Lot lot = this.driver.lot;
			this.now = this.now.plusSeconds(action.waitSeconds());
			long base = lot.ask(INCREMENTS) + action.amountOffset();
			Long amount = switch (action.kind()) {
				case BID, BID_WITH_MAXIMUM -> base;
				default -> null;
			};
			Long maximum = switch (action.kind()) {
				case MAXIMUM, BID_WITH_MAXIMUM -> base + action.maximumOffset();
				default -> null;
			};
			BidKind kind = switch (action.kind()) {
				case BID, BID_WITH_MAXIMUM -> BidKind.BID;
				case MAXIMUM -> BidKind.MAXIMUM;
				case BUY_NOW -> BidKind.BUY_NOW;
			};
			Standing before = lot.standing();
			LotView viewBefore = lot.view(INCREMENTS);

			Lot.BidDecision decision = this.driver.place(action.bidder(), kind, amount, maximum, this.now);

			List<LotEventRecord> newEvents = lot.drainEvents();
			Standing after = lot.standing();
			if (!decision.accepted()) {
				assertThat(after).isEqualTo(before);
				assertThat(lot.view(INCREMENTS)).isEqualTo(viewBefore);
				assertThat(newEvents).isEmpty();
				return;
			}
			this.model.accepted(action.bidder(), kind == BidKind.BUY_NOW ? lot.getBuyNowPrice()
					: maximum != null ? maximum : amount);

			// The visible price never exceeds the leader's maximum.
			assertThat(after.price()).isLessThanOrEqualTo(after.leaderMax());
			// The price never goes down, and a bid by anyone but the leader raises it.
			boolean byLeader = before.hasLeader() && before.leaderId() == action.bidder();
			if (before.price() != null) {
				if (byLeader) {
					assertThat(after.price()).isGreaterThanOrEqualTo(before.price());
				}
				else {
					assertThat(after.price()).isGreaterThan(before.price());
				}
			}
			// The leader is the earliest bidder among those with the highest maximum.
			assertThat(after.leaderId()).isEqualTo(this.model.expectedLeader());
			assertThat(after.leaderMax()).isEqualTo(this.model.best.get(after.leaderId()));
			// The standing is what the accepted bids say, replayed from nothing.
			assertThat(replay()).isEqualTo(after);
			// The decision reports the state it made.
			assertThat(decision.priceAfter()).isEqualTo(after.price());
			assertThat(decision.leading()).isEqualTo(after.leaderId() == action.bidder());
			// Events: a bid, maybe an extension; gapless; the last one shows the lot as it is.
			assertThat(newEvents).isNotEmpty();
			assertThat(newEvents.get(0).type()).isEqualTo(LotEventType.BID);
			assertThat(newEvents.get(0).sequence()).isEqualTo(decision.sequence());
			this.events.addAll(newEvents);
			checkEvents();
			// Soft close stays within its bounds.
			assertThat(lot.getEndsAt()).isAfterOrEqualTo(lot.getOriginalEndsAt());
			if (lot.getHardStopAt() != null) {
				assertThat(lot.getEndsAt()).isBeforeOrEqualTo(lot.getHardStopAt());
			}
			if (lot.getMaxExtensions() != null) {
				assertThat(lot.getExtensions()).isLessThanOrEqualTo(lot.getMaxExtensions());
			}
			// The reserve is met exactly when the leader's maximum reaches it.
			if (lot.getReservePrice() != null) {
				assertThat(lot.reserveMet()).isEqualTo(after.leaderMax() >= lot.getReservePrice());
			}
		}

		void closeAndCheckOutcome() {
			Lot lot = this.driver.lot;
			if (lot.getStatus() == LotStatus.OPEN) {
				lot.close(lot.getEndsAt(), INCREMENTS);
			}
			this.events.addAll(lot.drainEvents());
			checkEvents();
			assertThat(lot.sold()).isEqualTo(lot.getLeaderId() != null && lot.reserveMet());
			assertThat(lot.getBidCount()).isEqualTo(this.driver.accepted.size());
		}

		private Standing replay() {
			ProxyBidding rules = this.driver.lot.rules(INCREMENTS);
			Standing standing = Standing.EMPTY;
			for (ProxyBidding.BidEntry entry : this.driver.accepted) {
				standing = rules.apply(standing, entry);
			}
			return standing;
		}

		private void checkEvents() {
			for (int i = 0; i < this.events.size(); i++) {
				assertThat(this.events.get(i).sequence()).isEqualTo(i + 1);
				assertThat(this.events.get(i).lot().sequence()).isEqualTo(i + 1);
			}
			assertThat(this.driver.lot.getLastSequence()).isEqualTo(this.events.size());
			assertThat(this.events.get(this.events.size() - 1).lot()).isEqualTo(this.driver.lot.view(INCREMENTS));
		}

	}

	/** Each bidder's highest maximum so far and when they first reached it. */
	private static final class Model {

		final Map<Long, Long> best = new HashMap<>();

		final Map<Long, Integer> reachedAt = new HashMap<>();

		int accepted;

		void accepted(long bidder, long maximum) {
			if (maximum > this.best.getOrDefault(bidder, Long.MIN_VALUE)) {
				this.best.put(bidder, maximum);
				this.reachedAt.put(bidder, this.accepted);
			}
			this.accepted++;
		}

		Long expectedLeader() {
			Long leader = null;
			for (Long bidder : this.best.keySet()) {
				if (leader == null || this.best.get(bidder) > this.best.get(leader)
						|| (this.best.get(bidder).equals(this.best.get(leader))
								&& this.reachedAt.get(bidder) < this.reachedAt.get(leader))) {
					leader = bidder;
				}
			}
			return leader;
		}

		long secondPrice(long leader, Scenario scenario) {
			long leaderMax = this.best.get(leader);
			Long runnerUp = this.best.entrySet()
				.stream()
				.filter((e) -> e.getKey() != leader)
				.map(Map.Entry::getValue)
				.max(Long::compare)
				.orElse(null);
			long price = runnerUp == null ? scenario.start()
					: Math.min(leaderMax, runnerUp + INCREMENTS.incrementAt(runnerUp, scenario.currency()));
			if (scenario.reserve() != null && leaderMax >= scenario.reserve()) {
				price = Math.max(price, scenario.reserve());
			}
			return price;
		}

	}

}
