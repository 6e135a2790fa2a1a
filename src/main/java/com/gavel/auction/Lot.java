package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A lot and its bidding state, and the changes it goes through: each change checks the lot's
 * state, applies {@link BidRules} and {@link ProxyBidding}, and appends an event (its facts from
 * {@link LotEventDetails}, the lot as the public sees it from {@link LotView#of}) with the lot's
 * next sequence number, which the lot writer stores in the same transaction. All plain Java, so
 * the rules are tested without a database.
 */
@Entity
@Table(name = "lot")
public class Lot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String description;

	private String currency;

	private long startPrice;

	private Long reservePrice;

	private Long buyNowPrice;

	@Enumerated(EnumType.STRING)
	private LotStatus status;

	private Instant startsAt;

	private Instant endsAt;

	private Instant originalEndsAt;

	private Instant hardStopAt;

	@Column(name = "soft_close_window_seconds")
	private int softCloseWindowSeconds;

	private int extensionSeconds;

	private Integer maxExtensions;

	private int extensions;

	private Instant pausedAt;

	private Instant closedAt;

	private String cancelReason;

	private Long currentPrice;

	private Long leaderId;

	private Integer leaderAlias;

	private Long leaderMax;

	private int bidCount;

	private int bidderCount;

	private long lastSequence;

	/** The hash of the lot's last event, {@code null} before its first (docs/ledger.md). */
	private String lastHash;

	@Version
	private long version;

	private Instant createdAt;

	/** The sale the lot is catalogued in, if any, with its lot number and estimate (minor units). */
	private Long saleId;

	private Integer lotNumber;

	private Long estimateLow;

	private Long estimateHigh;

	/** Called by a clerk in a live sale: it closes by the hammer or a pass, never by the clock. */
	private boolean live;

	private Instant upAt;

	private Instant fairWarningEndsAt;

	/** How long fair warning runs, as it was called; each bid restarts it for as long. */
	private long fairWarningMillis;

	private boolean passed;

	/**
	 * When the clerk's hammer arrived, while it waits out the settle window ({@link SettleWindow}):
	 * bids that arrived from then on are refused, and a bid that arrived before it and restarts fair
	 * warning past it clears it. Kept once the hammer sold the lot.
	 */
	private Instant hammerCalledAt;

	@Transient
	private List<LotEventRecord> pendingEvents = new ArrayList<>();

	protected Lot() {
	}

	public Lot(LotSpec spec, Instant now) {
		this.title = spec.title();
		this.description = spec.description();
		setTerms(spec);
		this.status = LotStatus.DRAFT;
		this.createdAt = now;
	}

	/** Everything but the title and description: what bidders rely on once the lot opens. */
	private void setTerms(LotSpec spec) {
		this.currency = spec.currency();
		this.startPrice = spec.startPrice();
		this.reservePrice = spec.reservePrice();
		this.buyNowPrice = spec.buyNowPrice();
		this.startsAt = spec.startsAt();
		this.endsAt = spec.endsAt();
		this.originalEndsAt = spec.endsAt();
		this.hardStopAt = spec.hardStopAt();
		this.softCloseWindowSeconds = (int) spec.softCloseWindow().toSeconds();
		this.extensionSeconds = (int) spec.softCloseExtension().toSeconds();
		this.maxExtensions = spec.maxExtensions();
	}

	// ---- bidding -------------------------------------------------------------------------

	/** The outcome of one bid attempt. */
	public record BidDecision(RejectReason rejected, boolean leading, Long priceAfter, Long sequence) {

		static BidDecision reject(RejectReason reason) {
			return new BidDecision(reason, false, null, null);
		}

		public boolean accepted() {
			return this.rejected == null;
		}

	}

	/**
	 * Decides a bid received at {@code now} and, when it is accepted, applies it.
	 * @param alias the bidder's alias on this lot (a new number if they have none yet)
	 */
	public BidDecision placeBid(long bidderId, int alias, BidKind kind, Long amount, Long maximum, Instant now,
			IncrementTable increments) {
		RejectReason closed = BidRules.whyNotBiddable(this.status, this.endsAt, now);
		if (closed != null) {
			return BidDecision.reject(closed);
		}
		if (this.hammerCalledAt != null && !now.isBefore(this.hammerCalledAt)) {
			// After the hammer, as the lot's writer on one node would have found it: closed.
			return BidDecision.reject(RejectReason.LOT_CLOSED);
		}
		ProxyBidding rules = rules(increments);
		Standing before = standing();
		if (kind == BidKind.BUY_NOW) {
			if (!buyNowAvailable()) {
				return BidDecision.reject(RejectReason.BUY_NOW_UNAVAILABLE);
			}
			amount = this.buyNowPrice;
			maximum = null;
		}
		else {
			boolean leads = this.leaderId != null && this.leaderId == bidderId;
			RejectReason invalid = BidRules.validate(kind, amount, maximum, rules.ask(before), leads, this.leaderMax);
			if (invalid != null) {
				return BidDecision.reject(invalid);
			}
		}
		Standing after = rules.apply(before, new ProxyBidding.BidEntry(bidderId, alias, kind, amount, maximum));
		setStanding(after);
		this.bidCount++;
		if (alias > this.bidderCount) {
			this.bidderCount = alias;
		}
		Long outbid = before.hasLeader() && !before.leaderId().equals(after.leaderId()) ? before.leaderId() : null;
		String shown = Money.text(
				BidRules.visibleAmount(bidderId == after.leaderId(), kind, amount, maximum, after.price()),
				this.currency);
		Map<String, Object> detail = LotEventDetails.bid(alias, kind, shown);
		BidHistory.automaticAnswer(before, after, bidderId)
			.ifPresent((answer) -> detail.put("automatic", LotEventDetails.automatic(answer.leaderAlias(),
					Money.text(answer.price(), this.currency))));
		if (this.fairWarningEndsAt != null) {
			// A bid after fair warning was called earns everyone a full warning again. Never a shorter
			// one: a bid that arrived before the call, decided after it on another node, came first.
			Instant restarted = now.plusMillis(this.fairWarningMillis);
			if (restarted.isAfter(this.fairWarningEndsAt)) {
				this.fairWarningEndsAt = restarted;
			}
			if (this.hammerCalledAt != null && this.fairWarningEndsAt.isAfter(this.hammerCalledAt)) {
				// It arrived before the hammer, and the warning it restarted still ran when the hammer came.
				this.hammerCalledAt = null;
			}
		}
		long sequence = append(LotEventType.BID, now, detail, outbid, increments);
		if (kind == BidKind.BUY_NOW) {
			close(now, increments);
		}
		else {
			extendIfLate(now, increments);
		}
		return new BidDecision(null, bidderId == after.leaderId(), after.price(), sequence);
	}

	/** The ask for the next bid, as the public sees it. */
	public long ask(IncrementTable increments) {
		return rules(increments).ask(standing());
	}

	public boolean buyNowAvailable() {
		if (this.buyNowPrice == null || this.status != LotStatus.OPEN) {
			return false;
		}
		return this.reservePrice == null ? this.bidCount == 0 : !reserveMet();
	}

	public boolean reserveMet() {
		return this.reservePrice == null || (this.currentPrice != null && this.currentPrice >= this.reservePrice);
	}

	public boolean sold() {
		return this.status == LotStatus.CLOSED && this.leaderId != null && reserveMet() && !this.passed;
	}

	private void extendIfLate(Instant now, IncrementTable increments) {
		if (this.live) {
			return;
		}
		BidRules.SoftClose terms = new BidRules.SoftClose(getSoftCloseWindow(), getSoftCloseExtension(),
				this.hardStopAt, this.maxExtensions);
		Instant newEnd = BidRules.softCloseEnd(terms, this.endsAt, this.extensions, now);
		if (newEnd == null) {
			return;
		}
		Instant previous = this.endsAt;
		this.endsAt = newEnd;
		this.extensions++;
		append(LotEventType.EXTENDED, now, LotEventDetails.extended(previous), null, increments);
	}

	// ---- the clerk's calls in a live sale -------------------------------------------------

	/** Brings the lot up: from now on the clerk calls it, and bids on it are taken live. */
	void bringUp(Instant now, IncrementTable increments) {
		requireLive();
		requireStatus(LotStatus.OPEN);
		if (this.upAt != null) {
			throw new LiveSaleException("lot-up", "lot " + this.lotNumber + " is up already");
		}
		this.upAt = now;
		append(LotEventType.UP, now, LotEventDetails.up(this.lotNumber), null, increments);
	}

	/**
	 * Calls fair warning: the hammer may fall once {@code period} has passed with no bid, as
	 * every bid from now on restarts it. Calling it again restarts it too.
	 */
	void callFairWarning(Duration period, Instant now, IncrementTable increments) {
		requireUp();
		requireNoHammerPending();
		if (this.leaderId == null) {
			throw new LiveSaleException("no-bids", "fair warning is for a lot with a bid: pass it instead");
		}
		this.fairWarningMillis = period.toMillis();
		this.fairWarningEndsAt = now.plus(period);
		append(LotEventType.FAIR_WARNING, now, LotEventDetails.fairWarning(this.fairWarningEndsAt), null, increments);
	}

	/**
	 * The hammer falls: the lot closes, sold to the leader when the reserve is met. Never while
	 * fair warning runs: every bid that arrived before it ran out was decided before this call
	 * (the lot's writer decides in arrival order) and restarted it. The call and its outcome in
	 * one decision, for a node alone on its database.
	 */
	void hammer(Instant now, IncrementTable increments) {
		settleHammer(callHammer(now), now, increments);
	}

	/**
	 * The first step of the hammer: judged at {@code now}, when the clerk's call arrived, it is
	 * refused while fair warning runs; otherwise the lot records it and refuses every bid that
	 * arrived from then on. A hammer already waiting stands: its time is the answer.
	 */
	Instant callHammer(Instant now) {
		requireUp();
		if (this.hammerCalledAt != null) {
			return this.hammerCalledAt;
		}
		if (this.fairWarningEndsAt == null) {
			throw new LiveSaleException("no-fair-warning", "call fair warning before the hammer");
		}
		if (now.isBefore(this.fairWarningEndsAt)) {
			throw fairWarningRunning(now);
		}
		this.hammerCalledAt = now;
		return now;
	}

	/**
	 * The second step of the hammer called at {@code calledAt}, once every bid that arrived before
	 * it has been decided: the lot is sold if that hammer still stands; refused as fair warning
	 * running if a bid that arrived before it restarted the warning. Answers as sold, with no
	 * second event, when that hammer sold the lot already (another node finished it).
	 */
	void settleHammer(Instant calledAt, Instant now, IncrementTable increments) {
		if (this.status == LotStatus.CLOSED && !this.passed && calledAt.equals(this.hammerCalledAt)) {
			return;
		}
		requireUp();
		if (!calledAt.equals(this.hammerCalledAt)) {
			long left = Math.max(0, Duration.between(now, this.fairWarningEndsAt).toMillis());
			throw new LiveSaleException("fair-warning-running", "a bid that arrived before the hammer restarted fair warning: "
					+ ((left + 999) / 1000) + " s left");
		}
		finish(now, LotEventDetails.hammer(), increments);
	}

	private LiveSaleException fairWarningRunning(Instant now) {
		long left = Duration.between(now, this.fairWarningEndsAt).toMillis();
		return new LiveSaleException("fair-warning-running",
				"fair warning is still running: " + ((left + 999) / 1000) + " s left");
	}

	/** A call that would come after a hammer that may still sell the lot waits for its answer. */
	private void requireNoHammerPending() {
		if (this.hammerCalledAt != null) {
			throw new LiveSaleException("hammer-pending", "the hammer is falling: wait for its answer");
		}
	}

	/** Passes the lot: it closes unsold, whatever its bids. */
	void pass(Instant now, IncrementTable increments) {
		requireUp();
		requireNoHammerPending();
		this.passed = true;
		finish(now, LotEventDetails.passed(), increments);
	}

	private void finish(Instant now, Map<String, Object> detail, IncrementTable increments) {
		this.status = LotStatus.CLOSED;
		this.closedAt = now;
		append(LotEventType.CLOSED, now, detail, null, increments);
	}

	private void requireLive() {
		if (!this.live) {
			throw new LiveSaleException("not-live", "only a lot of a live sale is called by a clerk");
		}
	}

	private void requireUp() {
		requireLive();
		if (this.upAt == null || this.status != LotStatus.OPEN) {
			throw new LiveSaleException("no-lot-up", "bring the lot up first");
		}
	}

	// ---- lifecycle -----------------------------------------------------------------------

	public void schedule(Instant now, IncrementTable increments) {
		requireStatus(LotStatus.DRAFT);
		if (!this.endsAt.isAfter(now)) {
			throw new LotStateException("the lot's end has already passed");
		}
		this.status = LotStatus.SCHEDULED;
		append(LotEventType.SCHEDULED, now, LotEventDetails.none(), null, increments);
	}

	/** Opens a scheduled lot (when its start has come, or at once when an admin says so). */
	public void open(Instant now, IncrementTable increments) {
		requireStatus(LotStatus.DRAFT, LotStatus.SCHEDULED);
		if (now.isBefore(this.startsAt)) {
			this.startsAt = now;
		}
		this.status = LotStatus.OPEN;
		append(LotEventType.OPENED, now, LotEventDetails.none(), null, increments);
	}

	public void pause(Instant now, IncrementTable increments) {
		requireStatus(LotStatus.OPEN);
		this.status = LotStatus.PAUSED;
		this.pausedAt = now;
		append(LotEventType.PAUSED, now, LotEventDetails.none(), null, increments);
	}

	/** Resumes a paused lot; the time it spent paused is added to its end so bidders lose none. */
	public void resume(Instant now, IncrementTable increments) {
		requireStatus(LotStatus.PAUSED);
		Duration paused = Duration.between(this.pausedAt, now);
		Instant newEnd = this.endsAt.plus(paused);
		if (this.hardStopAt != null && newEnd.isAfter(this.hardStopAt)) {
			newEnd = this.hardStopAt;
		}
		this.endsAt = newEnd;
		this.pausedAt = null;
		this.status = LotStatus.OPEN;
		append(LotEventType.RESUMED, now, LotEventDetails.none(), null, increments);
	}

	/**
	 * Closes the lot; the result follows from the standing at this moment. A live lot is sold only
	 * by the clerk's hammer, so closed any other way (its sale closed, or it was never called) it
	 * is passed.
	 */
	public void close(Instant now, IncrementTable increments) {
		requireStatus(LotStatus.OPEN, LotStatus.PAUSED);
		this.status = LotStatus.CLOSED;
		this.closedAt = now;
		this.pausedAt = null;
		this.passed = this.live;
		this.hammerCalledAt = null;
		append(LotEventType.CLOSED, now, this.live ? LotEventDetails.passed() : LotEventDetails.none(), null,
				increments);
	}

	public void cancel(String reason, Instant now, IncrementTable increments) {
		requireStatus(LotStatus.DRAFT, LotStatus.SCHEDULED, LotStatus.OPEN, LotStatus.PAUSED);
		this.status = LotStatus.CANCELLED;
		this.cancelReason = reason;
		this.closedAt = now;
		append(LotEventType.CANCELLED, now, LotEventDetails.cancelled(reason), null, increments);
	}

	/** Extends an open or paused lot's end, e.g. after an outage. Closed lots stay closed. */
	public void extendBy(Duration extra, Instant now, IncrementTable increments) {
		requireStatus(LotStatus.OPEN, LotStatus.PAUSED, LotStatus.SCHEDULED);
		Instant previous = this.endsAt;
		this.endsAt = this.endsAt.plus(extra);
		if (this.hardStopAt != null && this.hardStopAt.isBefore(this.endsAt)) {
			this.hardStopAt = this.endsAt;
		}
		append(LotEventType.EXTENDED, now, LotEventDetails.extended(previous), null, increments);
	}

	/**
	 * Moves the end of a lot of a group-soft-close sale by as much as a late bid extended the lot
	 * numbered {@code lotNumber} before it. Not an extension of its own: the cap does not count it.
	 */
	void followGroup(Duration shift, int lotNumber, Instant now, IncrementTable increments) {
		requireStatus(LotStatus.OPEN, LotStatus.PAUSED, LotStatus.SCHEDULED);
		Instant previous = this.endsAt;
		this.endsAt = this.endsAt.plus(shift);
		if (this.hardStopAt != null && this.hardStopAt.isBefore(this.endsAt)) {
			this.hardStopAt = this.endsAt;
		}
		append(LotEventType.EXTENDED, now, LotEventDetails.groupExtended(previous, lotNumber), null, increments);
	}

	/**
	 * Changes the lot as an admin edited it. Before the lot opens (draft or scheduled) every term
	 * may change; once bidders could rely on the terms (open or paused) only the title and the
	 * description may; a closed or cancelled lot is history. A change to a lot the public can see
	 * is an {@link LotEventType#UPDATED} event naming the fields that changed.
	 */
	public void amend(LotSpec spec, Instant now, IncrementTable increments) {
		requireStatus(LotStatus.DRAFT, LotStatus.SCHEDULED, LotStatus.OPEN, LotStatus.PAUSED);
		boolean running = this.status == LotStatus.OPEN || this.status == LotStatus.PAUSED;
		List<String> changed = new ArrayList<>();
		note(changed, "title", this.title, spec.title());
		note(changed, "description", this.description, spec.description());
		List<String> terms = new ArrayList<>();
		note(terms, "currency", this.currency, spec.currency());
		note(terms, "startPrice", this.startPrice, spec.startPrice());
		note(terms, "reservePrice", this.reservePrice, spec.reservePrice());
		note(terms, "buyNowPrice", this.buyNowPrice, spec.buyNowPrice());
		note(terms, "startsAt", this.startsAt, spec.startsAt());
		note(terms, "endsAt", this.endsAt, spec.endsAt());
		note(terms, "hardStopAt", this.hardStopAt, spec.hardStopAt());
		note(terms, "softCloseWindow", getSoftCloseWindow(), spec.softCloseWindow());
		note(terms, "softCloseExtension", getSoftCloseExtension(), spec.softCloseExtension());
		note(terms, "maxExtensions", this.maxExtensions, spec.maxExtensions());
		if (running && !terms.isEmpty()) {
			throw new LotStateException("once a lot is open only its title and description may change");
		}
		if (this.saleId != null && terms.contains("currency")) {
			throw new LotStateException("a lot in a sale has the sale's currency");
		}
		if (this.status == LotStatus.SCHEDULED && !spec.endsAt().isAfter(now)) {
			throw new LotStateException("the lot's end has already passed");
		}
		changed.addAll(terms);
		if (changed.isEmpty()) {
			return;
		}
		this.title = spec.title();
		this.description = spec.description();
		if (!running) {
			setTerms(spec);
		}
		if (this.status != LotStatus.DRAFT) {
			append(LotEventType.UPDATED, now, LotEventDetails.updated(changed), null, increments);
		}
	}

	private static void note(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	/** The lot's terms as they stand now, in the form an admin edits them. */
	public LotSpec terms() {
		return new LotSpec(this.title, this.description, this.currency, this.startPrice, this.reservePrice,
				this.buyNowPrice, this.startsAt, this.endsAt, this.hardStopAt, getSoftCloseWindow(),
				getSoftCloseExtension(), this.maxExtensions);
	}

	/**
	 * Records that a bid was voided and sets the standing recomputed from the remaining bids.
	 */
	public void voided(long bidId, String reason, Standing recomputed, int remainingBids, Instant now,
			IncrementTable increments) {
		Long previousLeader = this.leaderId;
		setStanding(recomputed);
		this.bidCount = remainingBids;
		Long outbid = previousLeader != null && !previousLeader.equals(recomputed.leaderId()) ? previousLeader : null;
		append(LotEventType.VOIDED, now, LotEventDetails.voided(bidId, reason), outbid, increments);
	}

	private void requireStatus(LotStatus... allowed) {
		for (LotStatus s : allowed) {
			if (this.status == s) {
				return;
			}
		}
		throw new LotStateException("a lot that is " + this.status.name().toLowerCase(Locale.ROOT)
				+ " cannot do that");
	}

	// ---- state and events ----------------------------------------------------------------

	public Standing standing() {
		return new Standing(this.currentPrice, this.leaderId, this.leaderAlias, this.leaderMax);
	}

	private void setStanding(Standing s) {
		this.currentPrice = s.price();
		this.leaderId = s.leaderId();
		this.leaderAlias = s.leaderAlias();
		this.leaderMax = s.leaderMax();
	}

	public ProxyBidding rules(IncrementTable increments) {
		return new ProxyBidding(increments, this.currency, this.startPrice, this.reservePrice);
	}

	private long append(LotEventType type, Instant now, Map<String, Object> detail, Long outbidUserId,
			IncrementTable increments) {
		this.lastSequence++;
		this.pendingEvents.add(new LotEventRecord(this.lastSequence, type, now, detail, view(increments), outbidUserId));
		return this.lastSequence;
	}

	/** Hands over the events of the changes made since the last call. */
	public List<LotEventRecord> drainEvents() {
		List<LotEventRecord> drained = List.copyOf(this.pendingEvents);
		this.pendingEvents.clear();
		return drained;
	}

	public LotView view(IncrementTable increments) {
		return LotView.of(this, increments);
	}

	// ---- accessors -----------------------------------------------------------------------

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public String getCurrency() {
		return this.currency;
	}

	public long getStartPrice() {
		return this.startPrice;
	}

	public Long getReservePrice() {
		return this.reservePrice;
	}

	public Long getBuyNowPrice() {
		return this.buyNowPrice;
	}

	public LotStatus getStatus() {
		return this.status;
	}

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public Instant getEndsAt() {
		return this.endsAt;
	}

	public Instant getOriginalEndsAt() {
		return this.originalEndsAt;
	}

	public Instant getHardStopAt() {
		return this.hardStopAt;
	}

	public int getExtensions() {
		return this.extensions;
	}

	public Integer getMaxExtensions() {
		return this.maxExtensions;
	}

	public Duration getSoftCloseWindow() {
		return Duration.ofSeconds(this.softCloseWindowSeconds);
	}

	public Duration getSoftCloseExtension() {
		return Duration.ofSeconds(this.extensionSeconds);
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public String getCancelReason() {
		return this.cancelReason;
	}

	public Long getCurrentPrice() {
		return this.currentPrice;
	}

	public Long getLeaderId() {
		return this.leaderId;
	}

	public Integer getLeaderAlias() {
		return this.leaderAlias;
	}

	public Long getLeaderMax() {
		return this.leaderMax;
	}

	public int getBidCount() {
		return this.bidCount;
	}

	public int getBidderCount() {
		return this.bidderCount;
	}

	public long getLastSequence() {
		return this.lastSequence;
	}

	/** The hash the lot's next event chains from: its last event's, or the lot's genesis value. */
	public String chainHead() {
		return this.lastHash != null ? this.lastHash : EventChain.genesis(this.id);
	}

	/** The hash of the lot's last event, {@code null} before its first. */
	public String getLastHash() {
		return this.lastHash;
	}

	/** Moves the lot's head to the event just appended to its log. */
	void chained(String hash) {
		this.lastHash = hash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Long getSaleId() {
		return this.saleId;
	}

	public Integer getLotNumber() {
		return this.lotNumber;
	}

	public Long getEstimateLow() {
		return this.estimateLow;
	}

	public Long getEstimateHigh() {
		return this.estimateHigh;
	}

	/**
	 * Catalogues the lot in a sale under a number with an estimate, or (all {@code null}) takes it
	 * out of its sale. These are no bidding terms, so no event: the sale's pages show them.
	 */
	void catalogue(Long saleId, Integer lotNumber, Long estimateLow, Long estimateHigh) {
		if (saleId == null) {
			this.live = false;
		}
		this.saleId = saleId;
		this.lotNumber = lotNumber;
		this.estimateLow = estimateLow;
		this.estimateHigh = estimateHigh;
	}

	/** Whether a clerk calls the lot (a lot of a live sale) rather than the clock closing it. */
	public boolean isLive() {
		return this.live;
	}

	/** Marks a lot of a sale as called by a clerk, or not, as the sale's kind says; before it opens. */
	void callByClerk(boolean live) {
		requireStatus(LotStatus.DRAFT, LotStatus.SCHEDULED);
		this.live = live;
	}

	public Instant getUpAt() {
		return this.upAt;
	}

	public Instant getFairWarningEndsAt() {
		return this.fairWarningEndsAt;
	}

	public boolean isPassed() {
		return this.passed;
	}

	/** When the hammer that is waiting out the settle window, or that sold the lot, was called. */
	public Instant getHammerCalledAt() {
		return this.hammerCalledAt;
	}

	/** For tests that build a lot without a database. */
	void assignId(long id) {
		this.id = Objects.requireNonNull(id);
	}

}
