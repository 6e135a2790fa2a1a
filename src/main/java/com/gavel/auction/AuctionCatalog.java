package com.gavel.auction;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of lots, bids and the event log. */
@Service
@Transactional(readOnly = true)
public class AuctionCatalog {

	private final LotRepository lots;

	private final BidRepository bids;

	private final LotBidderRepository lotBidders;

	private final EventLog eventLog;

	private final IncrementTables increments;

	AuctionCatalog(LotRepository lots, BidRepository bids, LotBidderRepository lotBidders, EventLog eventLog,
			IncrementTables increments) {
		this.lots = lots;
		this.bids = bids;
		this.lotBidders = lotBidders;
		this.eventLog = eventLog;
		this.increments = increments;
	}

	/** Lots the public may see in the given statuses, soonest ending first; all public ones if none given. */
	public List<LotView> lots(Set<LotStatus> statuses) {
		Set<LotStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.complementOf(EnumSet.of(LotStatus.DRAFT))
				: statuses;
		return this.lots.findByStatusIn(wanted, Sort.by("endsAt", "id"))
			.stream()
			.filter((l) -> l.getStatus().isPublic())
			.map((l) -> l.view(this.increments.of(l)))
			.toList();
	}

	/** Public lots outside any sale in the given statuses, soonest ending first. */
	public List<LotView> lotsOutsideSales(Set<LotStatus> statuses) {
		return this.lots.findBySaleIdIsNullAndStatusIn(statuses, Sort.by("endsAt", "id"))
			.stream()
			.filter((l) -> l.getStatus().isPublic())
			.map((l) -> l.view(this.increments.of(l)))
			.toList();
	}

	/** Every lot, drafts included: for admins. */
	public List<LotView> allLots() {
		return this.lots.findAll(Sort.by(Sort.Direction.DESC, "id")).stream().map((l) -> l.view(this.increments.of(l))).toList();
	}

	/** Every lot, drafts included, with its full terms and leader: for admins. Newest first. */
	public List<LotAdminView> adminLots() {
		return this.lots.findAll(Sort.by(Sort.Direction.DESC, "id"))
			.stream()
			.map((l) -> LotAdminView.of(l, this.increments.of(l)))
			.toList();
	}

	/** One lot, drafts included, with its full terms and leader: for admins. */
	public Optional<LotAdminView> adminLot(long id) {
		return this.lots.findById(id).map((l) -> LotAdminView.of(l, this.increments.of(l)));
	}

	/**
	 * Every bid attempt on a lot, oldest first, rejected and voided ones included, each accepted one
	 * with the hash of the event that announced it: for admins.
	 */
	public List<LedgerEntry> ledger(long lotId) {
		Lot lot = this.lots.findById(lotId).orElseThrow(() -> new LotNotFoundException("no such lot"));
		Map<Long, String> hashes = this.eventLog.hashes(lotId);
		return this.bids.findByLotIdOrderByIdAsc(lotId)
			.stream()
			.map((b) -> LedgerEntry.of(b, lot.getCurrency(),
					b.getSequence() == null ? null : hashes.get(b.getSequence())))
			.toList();
	}

	/** The lot a bid was made on, if there is such a bid. */
	public Optional<Long> lotOfBid(long bidId) {
		return this.bids.findById(bidId).map(Bid::getLotId);
	}

	public Optional<LotView> lot(long id) {
		return publicLot(id).map((l) -> l.view(this.increments.of(l)));
	}

	public Optional<LotDetails> details(long id) {
		return publicLot(id).map((l) -> new LotDetails(l.view(this.increments.of(l)), l.getDescription(),
				Money.text(l.getStartPrice(), l.getCurrency()), l.getSoftCloseWindow(), l.getSoftCloseExtension(),
				l.getMaxExtensions(), l.getHardStopAt()));
	}

	/**
	 * The public bid history, newest first: aliases only, the leader's automatic answers as rows of
	 * their own, voided bids marked with the house's reason ({@link BidHistory}).
	 */
	public List<BidHistoryEntry> history(long lotId) {
		return sequencedHistory(lotId).stream().map(SequencedBid::entry).toList();
	}

	/** The alias ("Bidder 3") under which the user bids on the lot, if they have bid on it. */
	public Optional<String> aliasOf(long lotId, long userId) {
		return this.lotBidders.findByLotIdAndUserId(lotId, userId).map((b) -> LotView.alias(b.getAliasNumber()));
	}

	/** A bidder's own accepted bids, newest first. */
	public List<Bid> bidsOf(long bidderId) {
		return this.bids.findByBidderIdAndStatusOrderByIdDesc(bidderId, Bid.Status.ACCEPTED);
	}

	/**
	 * The sequence of the event that announced the bidder's own last bid on the lot before
	 * {@code sequence} (voided since or not), or 0 when there was none: what tells one round of a
	 * bidder's bidding from the next.
	 */
	public long lastBidBefore(long lotId, long bidderId, long sequence) {
		Long last = this.bids.findLastSequenceBefore(lotId, bidderId, sequence);
		return last == null ? 0 : last;
	}

	/** Open lots ending from {@code from} to {@code to}, soonest first. */
	public List<LotView> openEndingBetween(Instant from, Instant to) {
		return this.lots.findByStatusAndEndsAtBetween(LotStatus.OPEN, from, to, Sort.by("endsAt", "id"))
			.stream()
			.map((l) -> lot(l.getId()))
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * The stored events of a lot after {@code sequence}, in order, or empty when there are more than
	 * {@code limit} (a snapshot is cheaper then).
	 */
	public Optional<List<String>> eventsAfter(long lotId, long sequence, int limit) {
		if (this.eventLog.countAfter(lotId, sequence) > limit) {
			return Optional.empty();
		}
		return Optional.of(this.eventLog.payloadsAfter(lotId, sequence));
	}

	/**
	 * The stored events of a lot after {@code sequence} as the API shows them, each with its
	 * {@code prevHash} and {@code hash}, or empty when there are more than {@code limit}.
	 */
	public Optional<List<String>> chainedEventsAfter(long lotId, long sequence, int limit) {
		if (this.eventLog.countAfter(lotId, sequence) > limit) {
			return Optional.empty();
		}
		return Optional.of(this.eventLog.linksAfter(lotId, sequence));
	}

	/**
	 * At most {@code limit} stored events of a lot after {@code sequence}, in order, as the API shows
	 * them: one page of its log.
	 */
	public List<String> chainedEvents(long lotId, long sequence, int limit) {
		return this.eventLog.linksBetween(lotId, sequence + 1, sequence + limit);
	}

	/** The lot's state folded from its event log alone, as a client replaying it would see it. */
	public Optional<LotView> replayedView(long lotId) {
		LotView view = null;
		for (String payload : this.eventLog.payloadsAfter(lotId, 0)) {
			view = this.eventLog.parse(payload).lot();
		}
		return Optional.ofNullable(view);
	}

	/** One row of a lot's public history with the sequence number of its bid event. */
	public record SequencedBid(long sequence, BidHistoryEntry entry) {
	}

	/**
	 * The public bid history, newest first, each row with the sequence number of the event that
	 * announced it (an automatic row shares its bid's), so a live page can merge rows it fetched
	 * with rows that arrived as events.
	 */
	public List<SequencedBid> sequencedHistory(long lotId) {
		Lot lot = publicLot(lotId).orElseThrow(() -> new LotNotFoundException("no such lot"));
		List<Bid> bids = this.bids.findByLotIdAndStatusInOrderByIdAsc(lotId,
				List.of(Bid.Status.ACCEPTED, Bid.Status.VOIDED));
		return new BidHistory(lot.rules(this.increments.of(lot)), lot.getCurrency()).rows(bids);
	}

	/**
	 * Where one bidder stands on one lot, for that bidder's eyes only.
	 *
	 * @param alias the bidder's alias on the lot
	 * @param leading whether the bidder leads now
	 * @param maximum the highest amount the bidder offered (their maximum, or their highest plain
	 * bid), as decimal text
	 * @param voidReason the house's reason when the bidder's newest bid on the lot was voided
	 * ({@code ""} when it gave none), otherwise {@code null}
	 */
	/**
	 * @param receiptSequence the sequence of the event the bidder's latest accepted bid on the lot
	 * caused, whose receipt they may download; null when none of their bids there stands
	 */
	public record BidderPosition(LotView lot, String alias, boolean leading, String maximum, String voidReason,
			Long receiptSequence) {
	}

	private static final List<Bid.Status> STANDING = List.of(Bid.Status.ACCEPTED, Bid.Status.VOIDED);

	/** The bidder's position on a lot, if they have a bid there that stands or that the house voided. */
	public Optional<BidderPosition> positionOf(long lotId, long userId) {
		return publicLot(lotId).flatMap((lot) -> position(lot, userId,
				this.bids.findByBidderIdAndStatusInOrderByIdDesc(userId, STANDING)));
	}

	/** Every public lot the bidder has a standing or voided bid on, most recently bid first. */
	public List<BidderPosition> positionsOf(long userId) {
		List<Bid> theirs = this.bids.findByBidderIdAndStatusInOrderByIdDesc(userId, STANDING);
		return theirs.stream()
			.map(Bid::getLotId)
			.distinct()
			.map(this.lots::findById)
			.flatMap(Optional::stream)
			.filter((l) -> l.getStatus().isPublic())
			.map((l) -> position(l, userId, theirs))
			.flatMap(Optional::stream)
			.toList();
	}

	/** @param theirBids the bidder's accepted and voided bids, newest first */
	private Optional<BidderPosition> position(Lot lot, long userId, List<Bid> theirBids) {
		List<Bid> onLot = theirBids.stream().filter((b) -> b.getLotId() == lot.getId()).toList();
		long highest = onLot.stream()
			.filter((b) -> b.getStatus() == Bid.Status.ACCEPTED)
			.mapToLong((b) -> Math.max(b.getAmount() == null ? 0 : b.getAmount(),
					b.getMaximum() == null ? 0 : b.getMaximum()))
			.max()
			.orElse(0);
		String voidReason = onLot.stream()
			.findFirst()
			.filter((b) -> b.getStatus() == Bid.Status.VOIDED)
			.map((b) -> b.getVoidReason() == null ? "" : b.getVoidReason())
			.orElse(null);
		Long receiptSequence = onLot.stream()
			.filter((b) -> b.getStatus() == Bid.Status.ACCEPTED && b.getSequence() != null)
			.findFirst()
			.map(Bid::getSequence)
			.orElse(null);
		boolean leading = lot.getLeaderId() != null && lot.getLeaderId() == userId;
		if (highest == 0 && !leading && voidReason == null) {
			return Optional.empty();
		}
		if (leading && lot.getLeaderMax() != null) {
			highest = Math.max(highest, lot.getLeaderMax());
		}
		String alias = aliasOf(lot.getId(), userId).orElse(null);
		return Optional.of(new BidderPosition(lot.view(this.increments.of(lot)), alias, leading,
				highest == 0 ? null : Money.text(highest, lot.getCurrency()), voidReason, receiptSequence));
	}

	private Optional<Lot> publicLot(long id) {
		return this.lots.findById(id).filter((l) -> l.getStatus().isPublic());
	}

}
