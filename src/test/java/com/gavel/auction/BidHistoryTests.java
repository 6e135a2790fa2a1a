package com.gavel.auction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.gavel.auction.AuctionCatalog.SequencedBid;
import com.gavel.support.Gen;
import com.gavel.support.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public bid history projected from stored bids: automatic answers of the leader's maximum
 * as rows of their own, voided bids marked with the house's reason, and the newest standing row
 * always the lot's price and leader.
 */
class BidHistoryTests {

	@Test
	void aProxyDuelShowsEveryAutomaticAnswerAndTheTopRowIsThePriceAndLeader() {
		Played lot = new Played("EUR 40.00");
		lot.bid("A max 69.00");
		lot.bid("B bid 62.00");
		lot.bid("B bid 64.00");
		lot.bid("B bid 66.00");
		lot.bid("B bid 68.00");

		assertThat(lot.rows()).containsExactly("Bidder 1 automatic 69.00", "Bidder 2 bid 68.00",
				"Bidder 1 automatic 67.00", "Bidder 2 bid 66.00", "Bidder 1 automatic 65.00", "Bidder 2 bid 64.00",
				"Bidder 1 automatic 63.00", "Bidder 2 bid 62.00", "Bidder 1 maximum 40.00");
		assertThat(lot.driver.price()).isEqualTo("69.00");
		// The event that announced the last bid carried the same answer, for pages that are live.
		LotEventRecord last = lot.driver.lot.drainEvents()
			.stream()
			.filter((e) -> e.type() == LotEventType.BID)
			.reduce((a, b) -> b)
			.orElseThrow();
		assertThat(last.detail()).containsEntry("amount", "68.00")
			.containsEntry("automatic", Map.of("bidder", "Bidder 1", "amount", "69.00"));
		// Automatic rows are no bids of their own, and share the sequence of the bid they answered.
		List<SequencedBid> rows = lot.history();
		assertThat(rows.get(0).entry().id()).isNull();
		assertThat(rows.get(0).sequence()).isEqualTo(rows.get(1).sequence()).isEqualTo(last.sequence());
	}

	@Test
	void aBidThatTakesTheLeadOrALeaderRaisingTheirMaximumIsNotAnswered() {
		Played lot = new Played("EUR 40.00");
		lot.bid("A max 50.00");
		lot.bid("B max 80.00");
		lot.bid("B max 90.00");
		lot.bid("A bid 70.00");

		assertThat(lot.rows()).containsExactly("Bidder 2 automatic 71.00", "Bidder 1 bid 70.00",
				"Bidder 2 maximum 51.00", "Bidder 2 maximum 51.00", "Bidder 1 maximum 40.00");
		// Only the bid that provoked an answer carried one on the wire.
		assertThat(lot.driver.lot.drainEvents()
			.stream()
			.filter((e) -> e.type() == LotEventType.BID)
			.filter((e) -> e.detail().containsKey("automatic"))
			.count()).isEqualTo(1);
	}

	@Test
	void anEqualMaximumIsAnsweredAtThatMaximumByTheEarlierOne() {
		Played lot = new Played("EUR 40.00");
		lot.bid("A max 60.00");
		lot.bid("B max 60.00");

		assertThat(lot.rows()).containsExactly("Bidder 1 automatic 60.00", "Bidder 2 maximum 60.00",
				"Bidder 1 maximum 40.00");
	}

	@Test
	void aVoidedBidKeepsItsRowWithTheReasonAndTheRowsAfterItAreRecomputed() {
		Played lot = new Played("EUR 40.00");
		lot.bid("A max 100.00");
		Bid shill = lot.bid("B bid 60.00");
		lot.bid("C bid 70.00");
		assertThat(lot.rows()).containsExactly("Bidder 1 automatic 71.00", "Bidder 3 bid 70.00",
				"Bidder 1 automatic 61.00", "Bidder 2 bid 60.00", "Bidder 1 maximum 40.00");

		shill.markVoided("shill bidding", 99, LotTerms.T0);

		// The voided bid shows what it showed, struck; the answer it provoked never happened.
		assertThat(lot.rows()).containsExactly("Bidder 1 automatic 71.00", "Bidder 3 bid 70.00",
				"Bidder 2 bid 60.00 voided: shill bidding", "Bidder 1 maximum 40.00");
	}

	@Test
	void voidingTheLeadersBidRecomputesWhoLeadsInTheRows() {
		Played lot = new Played("EUR 40.00");
		lot.bid("A bid 45.00");
		Bid voided = lot.bid("B max 90.00");
		lot.bid("C bid 60.00");
		voided.markVoided("payment refused", 99, LotTerms.T0);

		// Without B, C's bid simply leads at its own figure.
		assertThat(lot.rows()).containsExactly("Bidder 3 bid 60.00", "Bidder 2 maximum 46.00 voided: payment refused",
				"Bidder 1 bid 45.00");
	}

	@TestFactory
	Stream<DynamicTest> theNewestStandingRowIsAlwaysThePriceAndTheLeader() {
		return Property.forAll(300, BidHistoryTests::anyDuel, (actions) -> {
			Played lot = new Played("EUR 10.00 reserve 60.00");
			for (String action : actions) {
				lot.tryBid(action);
				List<BidHistoryEntry> standing = lot.history()
					.stream()
					.map(SequencedBid::entry)
					.filter((e) -> !e.voided())
					.toList();
				if (lot.driver.lot.getCurrentPrice() == null) {
					assertThat(standing).isEmpty();
					continue;
				}
				assertThat(standing.get(0).amount()).as("after %s", actions).isEqualTo(lot.driver.price());
				assertThat(standing.get(0).bidder()).as("after %s", actions)
					.isEqualTo(LotView.alias(lot.driver.lot.getLeaderAlias()));
			}
		});
	}

	private static List<String> anyDuel(Gen gen) {
		List<String> actions = new ArrayList<>();
		int count = gen.uniform(1, 12);
		for (int i = 0; i < count; i++) {
			String bidder = gen.pick("A", "B", "C");
			long amount = gen.between(10, 120);
			actions.add(switch (gen.weighted(3, 3, 1)) {
				case 0 -> bidder + " bid " + amount + ".00";
				case 1 -> bidder + " max " + amount + ".00";
				default -> bidder + " bid " + amount + ".00 max " + (amount + gen.between(0, 40)) + ".00";
			});
		}
		return actions;
	}

	/** A lot played bid by bid as the engine plays it, with its bids stored as the engine stores them. */
	private static final class Played {

		final LotDriver driver;

		final List<Bid> bids = new ArrayList<>();

		private final Map<Long, Integer> aliases = new HashMap<>();

		private long sequence;

		Played(String terms) {
			this.driver = LotDriver.open(terms);
		}

		/** A bid the test expects to be accepted. */
		Bid bid(String line) {
			Bid bid = tryBid(line);
			assertThat(bid).as(line + " accepted").isNotNull();
			return bid;
		}

		Bid tryBid(String line) {
			String[] words = line.split(" ");
			long bidder = LotDriver.bidderId(words[0]);
			Long amount = null;
			Long maximum = null;
			for (int i = 1; i < words.length; i += 2) {
				long minor = this.driver.terms.minor(words[i + 1]);
				if (words[i].equals("bid")) {
					amount = minor;
				}
				else {
					maximum = minor;
				}
			}
			BidKind kind = amount == null ? BidKind.MAXIMUM : BidKind.BID;
			Lot.BidDecision decision = this.driver.place(bidder, kind, amount, maximum, LotTerms.T0);
			if (!decision.accepted()) {
				return null;
			}
			int alias = this.aliases.computeIfAbsent(bidder, (b) -> this.aliases.size() + 1);
			Bid bid = new Bid(this.driver.lot.getId(), bidder, "r" + (++this.sequence), kind, amount, maximum,
					LotTerms.T0);
			bid.accept(alias, decision);
			this.bids.add(bid);
			return bid;
		}

		List<SequencedBid> history() {
			return new BidHistory(this.driver.lot.rules(LotTerms.INCREMENTS), this.driver.lot.getCurrency())
				.rows(this.bids.stream().filter((b) -> b.getStatus() != Bid.Status.REJECTED).toList());
		}

		List<String> rows() {
			return history().stream().map(SequencedBid::entry).map((e) -> {
				String row = e.bidder() + " " + e.kind() + " " + e.amount();
				return e.voided() ? row + " voided: " + e.voidReason() : row;
			}).toList();
		}

	}

}
