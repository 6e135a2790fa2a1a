package com.gavel.auction;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One bid attempt as the engine decided it. Never deleted; voiding marks it. */
@Entity
@Table(name = "bid")
public class Bid {

	public enum Status {

		ACCEPTED, REJECTED, VOIDED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long lotId;

	private long bidderId;

	private Integer bidderAlias;

	private String requestId;

	@Enumerated(EnumType.STRING)
	private BidKind kind;

	private Long amount;

	private Long maximum;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String rejectReason;

	private Long priceAfter;

	private Boolean leadingAfter;

	private Long sequence;

	private Instant receivedAt;

	private Instant voidedAt;

	private String voidReason;

	private Long voidedBy;

	protected Bid() {
	}

	Bid(long lotId, long bidderId, String requestId, BidKind kind, Long amount, Long maximum, Instant receivedAt) {
		this.lotId = lotId;
		this.bidderId = bidderId;
		this.requestId = requestId;
		this.kind = kind;
		this.amount = amount;
		this.maximum = maximum;
		this.receivedAt = receivedAt;
	}

	void accept(int alias, Lot.BidDecision decision) {
		this.status = Status.ACCEPTED;
		this.bidderAlias = alias;
		this.priceAfter = decision.priceAfter();
		this.leadingAfter = decision.leading();
		this.sequence = decision.sequence();
	}

	void reject(RejectReason reason) {
		this.status = Status.REJECTED;
		this.rejectReason = reason.code();
	}

	void markVoided(String reason, long adminId, Instant now) {
		this.status = Status.VOIDED;
		this.voidReason = reason;
		this.voidedBy = adminId;
		this.voidedAt = now;
	}

	ProxyBidding.BidEntry entry() {
		// A buy-now request carries no amount; the lot took its buy-now price, which is the price
		// after it. Without it a replay (after a void) would lose the sale's price.
		Long amount = this.kind == BidKind.BUY_NOW ? this.priceAfter : this.amount;
		return new ProxyBidding.BidEntry(this.bidderId, this.bidderAlias, this.kind, amount, this.maximum);
	}

	public Long getId() {
		return this.id;
	}

	public long getLotId() {
		return this.lotId;
	}

	public long getBidderId() {
		return this.bidderId;
	}

	public Integer getBidderAlias() {
		return this.bidderAlias;
	}

	public String getRequestId() {
		return this.requestId;
	}

	public BidKind getKind() {
		return this.kind;
	}

	public Long getAmount() {
		return this.amount;
	}

	public Long getMaximum() {
		return this.maximum;
	}

	public Status getStatus() {
		return this.status;
	}

	public RejectReason getRejectReason() {
		return this.rejectReason == null ? null : RejectReason.fromCode(this.rejectReason);
	}

	public Long getPriceAfter() {
		return this.priceAfter;
	}

	public boolean isLeadingAfter() {
		return Boolean.TRUE.equals(this.leadingAfter);
	}

	public Long getSequence() {
		return this.sequence;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public Instant getVoidedAt() {
		return this.voidedAt;
	}

	public String getVoidReason() {
		return this.voidReason;
	}

	public Long getVoidedBy() {
		return this.voidedBy;
	}

}
