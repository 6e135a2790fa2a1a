package com.gavel.auction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.gavel.auction.AuctionCatalog.SequencedBid;

/**
 * A lot's public bid history, projected from its stored bids: every change of the price, the
 * automatic ones included, so the newest standing row always shows the current price and leader.
 * <p>
 * Only bid requests are stored; when a bid does not take the lead, the leader's maximum answers
 * it at once and only the lot's price shows it. Replaying the accepted bids in order through
 * {@link ProxyBidding} (as voiding does) brings those answers back as rows of their own. A voided
 * bid keeps its row, marked and with the house's reason, and takes no part in the replay, so the
 * rows after it show the standing as it was recomputed.
 */
final class BidHistory {

	private final ProxyBidding rules;

	private final String currency;

	BidHistory(ProxyBidding rules, String currency) {
		this.rules = rules;
		this.currency = currency;
	}

	/**
	 * @param bids the lot's accepted and voided bids in the order they were decided
	 * @return the rows newest first, each with the sequence number of its bid's event
	 */
	List<SequencedBid> rows(List<Bid> bids) {
		List<SequencedBid> rows = new ArrayList<>();
		Standing standing = Standing.EMPTY;
		for (Bid bid : bids) {
			long sequence = bid.getSequence() == null ? 0 : bid.getSequence();
			if (bid.getStatus() == Bid.Status.VOIDED) {
				// Shown as the public saw it before the house voided it.
				long shown = BidRules.visibleAmount(bid.isLeadingAfter(), bid.getKind(), bid.getAmount(),
						bid.getMaximum(), bid.getPriceAfter());
				rows.add(new SequencedBid(sequence, BidHistoryEntry.of(bid, shown, this.currency)));
				continue;
			}
			Standing after = this.rules.apply(standing, bid.entry());
			long shown = BidRules.visibleAmount(after.leaderId() == bid.getBidderId(), bid.getKind(), bid.getAmount(),
					bid.getMaximum(), after.price());
			rows.add(new SequencedBid(sequence, BidHistoryEntry.of(bid, shown, this.currency)));
			Optional<Standing> answer = automaticAnswer(standing, after, bid.getBidderId());
			if (answer.isPresent()) {
				rows.add(new SequencedBid(sequence, BidHistoryEntry.automatic(answer.get(), bid, this.currency)));
			}
			standing = after;
		}
		Collections.reverse(rows);
		return rows;
	}

	/**
	 * The leader's maximum answering a bid: when a bid by someone else leaves the same leader at a
	 * higher price, that price is an automatic bid of the leader's.
	 * @return the standing the answer made, or empty when the bid was not answered
	 */
	static Optional<Standing> automaticAnswer(Standing before, Standing after, long bidderId) {
		boolean answered = before.hasLeader() && before.leaderId() != bidderId
				&& before.leaderId().equals(after.leaderId()) && !before.price().equals(after.price());
		return answered ? Optional.of(after) : Optional.empty();
	}

}
