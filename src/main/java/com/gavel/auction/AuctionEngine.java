package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.LotWriter.Decided;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The commands that change lots: bids, and an admin's or the scheduler's changes. Each is handed
 * to the {@link LotWriter}, which decides it in the lot's turn and transaction; here the lot's
 * rules decide, and the bid and the lot's events are stored.
 */
@Service
public class AuctionEngine {

	private static final Logger log = LoggerFactory.getLogger(AuctionEngine.class);

	private static final Consumer<LotView> NOTHING = (lot) -> {
	};

	private final LotRepository lots;

	private final BidRepository bids;

	private final LotBidderRepository lotBidders;

	private final EventLog eventLog;

	private final LotWriter writer;

	private final AccountService accounts;

	private final TransactionTemplate transactions;

	private final IncrementTables increments;

	private final SaleMoves saleMoves;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Receipts receipts;

	private final SettleWindow settle;

	AuctionEngine(LotRepository lots, BidRepository bids, LotBidderRepository lotBidders, EventLog eventLog,
			LotWriter writer, AccountService accounts, TransactionTemplate transactions, IncrementTables increments,
			SaleMoves saleMoves, Clock clock, MeterRegistry meters, Receipts receipts, SettleWindow settle) {
		this.settle = settle;
		this.meters = meters;
		this.receipts = receipts;
		this.lots = lots;
		this.bids = bids;
		this.lotBidders = lotBidders;
		this.eventLog = eventLog;
		this.writer = writer;
		this.accounts = accounts;
		this.transactions = transactions;
		this.increments = increments;
		this.saleMoves = saleMoves;
		this.clock = clock;
	}

	// ---- bids ----------------------------------------------------------------------------

	public BidResult placeBid(BidRequest request) {
		BidResult result = decideBid(request);
		if (result.accepted()) {
			this.meters.counter("gavel.bids.accepted").increment();
		}
		else {
			this.meters.counter("gavel.bids.rejected", "reason", result.reason().code()).increment();
		}
		return result;
	}

	private BidResult decideBid(BidRequest request) {
		Account bidder = this.accounts.find(request.bidderId())
			.orElseThrow(() -> new InvalidBidException("unknown bidder"));
		if (bidder.banned()) {
			return BidResult.rejected(request, RejectReason.BANNED, stamp(), null);
		}
		if (!bidder.mayBid()) {
			return BidResult.rejected(request, RejectReason.NOT_A_BIDDER, stamp(), null);
		}
		try {
			return this.writer.write(request.lotId(), (arrived) -> decide(request, arrived));
		}
		catch (DataIntegrityViolationException ex) {
			// The same request id raced in on another lot; the first one won and is stored.
			return this.bids.findByBidderIdAndRequestId(request.bidderId(), request.requestId())
				.map((bid) -> earlierOutcome(bid, request))
				.orElseThrow(() -> ex);
		}
		catch (OptimisticLockingFailureException ex) {
			return BidResult.rejected(request, RejectReason.BUSY, stamp(), null);
		}
	}

	/** Decides a bid by the time it arrived, which may be a while before its lot's turn came. */
	private Decided<BidResult> decide(BidRequest request, Instant arrived) {
		Optional<Bid> earlier = this.bids.findByBidderIdAndRequestId(request.bidderId(), request.requestId());
		if (earlier.isPresent()) {
			return new Decided<>(earlierOutcome(earlier.get(), request), null);
		}
		Lot lot = this.lots.findById(request.lotId()).filter((l) -> l.getStatus().isPublic()).orElse(null);
		if (lot == null) {
			return new Decided<>(BidResult.rejected(request, RejectReason.LOT_NOT_FOUND, arrived, null), null);
		}
		Long amount;
		Long maximum;
		try {
			amount = minor(request.amount(), lot);
			maximum = minor(request.maximum(), lot);
		}
		catch (IllegalArgumentException ex) {
			return new Decided<>(
					BidResult.rejected(request, RejectReason.INVALID_AMOUNT, arrived, lot.view(this.increments.of(lot))), null);
		}
		Optional<LotBidder> known = this.lotBidders.findByLotIdAndUserId(lot.getId(), request.bidderId());
		int alias = known.map(LotBidder::getAliasNumber).orElse(lot.getBidderCount() + 1);
		IncrementTable increments = this.increments.of(lot);
		Instant endsBefore = lot.getEndsAt();
		Lot.BidDecision decision = lot.placeBid(request.bidderId(), alias, request.kind(), amount, maximum, arrived,
				increments);
		Bid bid = new Bid(lot.getId(), request.bidderId(), request.requestId(), request.kind(), amount, maximum,
				arrived);
		if (decision.accepted()) {
			bid.accept(alias, decision);
			if (known.isEmpty()) {
				this.lotBidders.save(new LotBidder(lot.getId(), request.bidderId(), alias));
			}
			this.saleMoves.extended(lot, endsBefore);
		}
		else {
			bid.reject(decision.rejected());
		}
		this.bids.save(bid);
		List<AuctionEvent> events = appendEvents(lot);
		this.lots.saveAndFlush(lot);
		Receipt receipt = decision.accepted() ? receipt(lot.getId(), decision.sequence(), arrived, endsBefore, events)
				: null;
		return new Decided<>(resultOf(bid, request, lot.view(increments), receipt), events);
	}

	/** The receipt of a bid just decided, from the events it caused: no need to read them back. */
	private static Receipt receipt(long lotId, long sequence, Instant arrived, Instant endsBefore,
			List<AuctionEvent> events) {
		String hash = events.stream()
			.filter((event) -> event.sequence() == sequence)
			.findFirst()
			.map(AuctionEvent::hash)
			.orElseThrow();
		return Receipt.of(lotId, sequence, arrived, endsBefore, hash);
	}

	/**
	 * A request id the bidder used before: a retry of the same bid gets the first outcome; the
	 * same id with another lot or other terms is refused and changes nothing, so a client that
	 * reuses ids by mistake is never told that a bid it did not make was accepted.
	 */
	private BidResult earlierOutcome(Bid earlier, BidRequest request) {
		LotView lot = this.lots.findById(earlier.getLotId()).map((l) -> l.view(this.increments.of(l))).orElse(null);
		if (!sameBid(earlier, request, lot)) {
			return BidResult.rejected(request, RejectReason.REQUEST_ID_REUSED, stamp(), null);
		}
		Receipt receipt = earlier.getSequence() == null ? null
				: this.receipts.stored(earlier.getLotId(), earlier.getSequence()).orElse(null);
		return resultOf(earlier, request, lot, receipt);
	}

	private static boolean sameBid(Bid earlier, BidRequest request, LotView lot) {
		if (earlier.getLotId() != request.lotId() || earlier.getKind() != request.kind() || lot == null) {
			return false;
		}
		try {
			return Objects.equals(earlier.getAmount(), minor(request.amount(), lot.currency()))
					&& Objects.equals(earlier.getMaximum(), minor(request.maximum(), lot.currency()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private BidResult resultOf(Bid bid, BidRequest request, LotView lot, Receipt receipt) {
		String currency = lot != null ? lot.currency() : null;
		boolean accepted = bid.getStatus() != Bid.Status.REJECTED;
		return new BidResult(request.requestId(), bid.getLotId(), accepted, bid.getRejectReason(),
				accepted && bid.isLeadingAfter(), bid.getId(), bid.getSequence(),
				currency == null ? null : Money.text(bid.getPriceAfter(), currency),
				LotView.alias(bid.getBidderAlias()), bid.getReceivedAt(), lot, accepted ? receipt : null);
	}

	private static Long minor(BigDecimal amount, Lot lot) {
		return minor(amount, lot.getCurrency());
	}

	private static Long minor(BigDecimal amount, String currency) {
		return amount == null ? null : Money.toMinor(amount, currency);
	}

	// ---- lots ----------------------------------------------------------------------------

	/*
	 * Each change of a lot can take a step that must commit with it or not at all (an admin's
	 * audit entry): {@code alongside} runs in the lot's transaction with the lot as it is after
	 * the change, before anything is published.
	 */

	public LotView createLot(LotSpec spec) {
		return createLot(spec, NOTHING);
	}

	public LotView createLot(LotSpec spec, Consumer<LotView> alongside) {
		return this.transactions.execute((tx) -> {
			LotView lot = this.lots.save(new Lot(spec, stamp())).view(this.increments.house());
			alongside.accept(lot);
			return lot;
		});
	}

	public LotView schedule(long lotId) {
		return schedule(lotId, NOTHING);
	}

	public LotView schedule(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.schedule(now, increments), alongside);
	}

	public LotView openNow(long lotId) {
		return openNow(lotId, NOTHING);
	}

	public LotView openNow(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.open(now, increments), alongside);
	}

	public LotView pause(long lotId) {
		return pause(lotId, NOTHING);
	}

	public LotView pause(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.pause(now, increments), alongside);
	}

	public LotView resume(long lotId) {
		return resume(lotId, NOTHING);
	}

	public LotView resume(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.resume(now, increments), alongside);
	}

	public LotView closeNow(long lotId) {
		return closeNow(lotId, NOTHING);
	}

	public LotView closeNow(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.close(now, increments), alongside);
	}

	public LotView cancel(long lotId, String reason) {
		return cancel(lotId, reason, NOTHING);
	}

	public LotView cancel(long lotId, String reason, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.cancel(reason, now, increments), alongside);
	}

	/**
	 * Changes a lot's terms as an admin edited them: anything before it opens, only the title and
	 * description once it is open or paused (see {@link Lot#amend}).
	 */
	public LotView amend(long lotId, LotSpec spec) {
		return amend(lotId, spec, NOTHING);
	}

	public LotView amend(long lotId, LotSpec spec, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.amend(spec, now, increments), alongside);
	}

	/** Moves the end of every open, paused or scheduled lot by {@code extra}; closed lots stay closed. */
	public int extendAll(Duration extra) {
		if (extra.isNegative() || extra.isZero()) {
			throw new IllegalArgumentException("the extension must be positive");
		}
		List<Long> ids = new ArrayList<>(this.lots.findRunningIds());
		int extended = 0;
		for (long id : ids) {
			try {
				change(id, (lot, now, increments) -> lot.extendBy(extra, now, increments));
				extended++;
			}
			catch (LotStateException ex) {
				log.debug("Lot {} closed before it could be extended", id);
			}
		}
		return extended;
	}

	// ---- a clerk's calls in a live sale ----------------------------------------------------

	/** Brings a live lot up: the clerk calls it from now on. */
	public LotView bringUp(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.bringUp(now, increments), alongside);
	}

	/** Calls fair warning on the lot up; each bid from now on restarts it. */
	public LotView callFairWarning(long lotId, Duration period, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.callFairWarning(period, now, increments), alongside);
	}

	/**
	 * The hammer falls on the lot up, judged by when the clerk's call arrived: a bid that arrived
	 * before it is decided first and so restarts fair warning. On one node the writer keeps
	 * arrival order, so the call and its outcome are one decision. In cluster mode a bid that
	 * arrived earlier on another node may come to the lot later, so the call is recorded at once
	 * (bids that arrived after it are refused from then on), and the outcome is decided once the
	 * settle window has passed (the caller waits for it): sold if no earlier bid restarted the
	 * warning meanwhile.
	 */
	public LotView hammer(long lotId, Consumer<LotView> alongside) {
		if (this.settle.none()) {
			return change(lotId, (lot, now, increments) -> lot.hammer(now, increments), alongside);
		}
		Instant called = callHammer(lotId);
		this.settle.await();
		return change(lotId, (lot, now, increments) -> lot.settleHammer(called, now, increments), alongside);
	}

	/** The hammer's first step: when it was called, now recorded on the lot (or a refusal). */
	Instant callHammer(long lotId) {
		Instant[] called = new Instant[1];
		change(lotId, (lot, now, increments) -> called[0] = lot.callHammer(now));
		return called[0];
	}

	/**
	 * Settles a hammer left waiting for twice its window (the clerk's request settles it after
	 * one; its node stopped meanwhile, say): sold, if nothing cleared it. Does nothing otherwise.
	 */
	void settleHammerIfDue(long lotId) {
		changeIf(lotId, (lot, now, increments) -> {
			Instant called = lot.getHammerCalledAt();
			if (lot.getStatus() == LotStatus.OPEN && called != null && !now.isBefore(this.settle.hammerLeftBy(called))) {
				lot.settleHammer(called, now, increments);
			}
		});
	}

	/** Passes the lot up: it closes unsold. */
	public LotView pass(long lotId, Consumer<LotView> alongside) {
		return change(lotId, (lot, now, increments) -> lot.pass(now, increments), alongside);
	}

	/** Opens a scheduled lot whose start has come; does nothing otherwise. */
	void openIfDue(long lotId) {
		changeIf(lotId, (lot, now, increments) -> {
			if (lot.getStatus() == LotStatus.SCHEDULED && !now.isBefore(lot.getStartsAt())) {
				lot.open(now, increments);
				if (!now.isBefore(lot.getEndsAt())) {
					lot.close(now, increments);
				}
			}
		});
	}

	/**
	 * Closes an open lot whose end has come (a late bid may have moved it) and whose settle window
	 * has passed (a bid that arrived before the end on another node may still extend it); does
	 * nothing otherwise.
	 */
	void closeIfDue(long lotId) {
		changeIf(lotId, (lot, now, increments) -> {
			if (lot.getStatus() == LotStatus.OPEN && this.settle.over(lot.getEndsAt(), now) && !owedGroupMove(lot)) {
				lot.close(now, increments);
			}
		});
	}

	/** A lot of a group-soft-close sale whose move (a late bid on an earlier lot) has not reached it yet. */
	private boolean owedGroupMove(Lot lot) {
		return lot.getSaleId() != null && lot.getLotNumber() != null
				&& this.saleMoves.owedTo(lot.getSaleId(), lot.getLotNumber());
	}

	/**
	 * Moves a later lot of a group-soft-close sale by the move's amount, in the lot's own turn;
	 * does nothing when this move moved it already, and moves a lot that closed meanwhile no more.
	 */
	void followGroup(long lotId, SaleMoves.Move move) {
		change(lotId, (lot, now, increments) -> {
			Integer number = lot.getLotNumber();
			if (number == null || !Long.valueOf(move.saleId()).equals(lot.getSaleId())
					|| !this.saleMoves.claim(move.id(), number)) {
				return;
			}
			if (lot.getStatus() == LotStatus.OPEN || lot.getStatus() == LotStatus.PAUSED
					|| lot.getStatus() == LotStatus.SCHEDULED) {
				lot.followGroup(move.shift(), move.afterLotNumber(), now, increments);
			}
		});
	}

	/**
	 * Voids an accepted bid and recomputes the lot's standing from the bids that remain, replaying
	 * them in the order they came.
	 */
	public LotView voidBid(long bidId, String reason, long adminId) {
		return voidBid(bidId, reason, adminId, NOTHING);
	}

	public LotView voidBid(long bidId, String reason, long adminId, Consumer<LotView> alongside) {
		Bid target = this.bids.findById(bidId).orElseThrow(() -> new LotNotFoundException("no such bid"));
		return change(target.getLotId(), (lot, now, increments) -> {
			Bid bid = this.bids.findById(bidId).orElseThrow();
			if (bid.getStatus() != Bid.Status.ACCEPTED) {
				throw new LotStateException("only an accepted bid can be voided");
			}
			bid.markVoided(reason, adminId, now);
			List<Bid> remaining = this.bids.findByLotIdAndStatusOrderByIdAsc(lot.getId(), Bid.Status.ACCEPTED);
			ProxyBidding rules = lot.rules(increments);
			Standing standing = Standing.EMPTY;
			for (Bid b : remaining) {
				if (b.getId() != bidId) {
					standing = rules.apply(standing, b.entry());
				}
			}
			int count = (int) remaining.stream().filter((b) -> b.getId() != bidId).count();
			lot.voided(bidId, reason, standing, count, now, increments);
		}, alongside);
	}

	@FunctionalInterface
	private interface LotChange {

		void apply(Lot lot, Instant now, IncrementTable increments);

	}

	private LotView change(long lotId, LotChange change) {
		return change(lotId, change, NOTHING);
	}

	private LotView change(long lotId, LotChange change, Consumer<LotView> alongside) {
		return this.writer.write(lotId, (now) -> {
			Lot lot = this.lots.findById(lotId).orElseThrow(() -> new LotNotFoundException("no such lot"));
			IncrementTable increments = this.increments.of(lot);
			change.apply(lot, now, increments);
			List<AuctionEvent> events = appendEvents(lot);
			this.lots.saveAndFlush(lot);
			LotView view = lot.view(increments);
			alongside.accept(view);
			return new Decided<>(view, events);
		});
	}

	private void changeIf(long lotId, LotChange change) {
		try {
			change(lotId, change);
		}
		catch (OptimisticLockingFailureException ex) {
			log.info("Lot {} was changed elsewhere; the scheduler will look again", lotId);
		}
	}

	private List<AuctionEvent> appendEvents(Lot lot) {
		List<AuctionEvent> events = new ArrayList<>();
		for (LotEventRecord record : lot.drainEvents()) {
			events.add(this.eventLog.append(lot, record));
		}
		return events;
	}

	/** The server's time now, for answers that never wait for a lot's turn. */
	private Instant stamp() {
		return LotWriter.stamp(this.clock);
	}

}
