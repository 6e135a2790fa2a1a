package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A sale: lots grouped under a title and the house's terms. Its lots keep their own state and
 * events; the sale holds what they share (currency, increments, premium, tax, texts) and, for a
 * timed sale, when they close: lot N (in lot-number order) ends at the first lot's end plus N-1
 * intervals. Before it opens everything may change; once open only the texts may, as bidders
 * rely on the rest (the same rule as a lot's).
 */
@Entity
@Table(name = "sale")
public class Sale {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String description;

	private String currency;

	@Enumerated(EnumType.STRING)
	private SaleKind kind;

	@Enumerated(EnumType.STRING)
	private SaleStatus status;

	private Instant startsAt;

	private Instant firstLotEndsAt;

	private Integer intervalSeconds;

	private boolean groupSoftClose;

	@Column(precision = 7, scale = 4)
	private BigDecimal buyersPremium;

	@Column(precision = 7, scale = 4)
	private BigDecimal taxRate;

	private String increments;

	private String paymentText;

	private String collectionText;

	/** The lot of a live sale the clerk brought up last. */
	private Long currentLotId;

	@Version
	private long version;

	private Instant createdAt;

	protected Sale() {
	}

	public Sale(SaleSpec spec, Instant now) {
		set(spec);
		this.status = SaleStatus.DRAFT;
		this.createdAt = now;
	}

	private void set(SaleSpec spec) {
		this.title = spec.title();
		this.description = spec.description();
		this.currency = spec.currency();
		this.kind = spec.kind();
		this.startsAt = spec.startsAt();
		this.firstLotEndsAt = spec.firstLotEndsAt();
		this.intervalSeconds = (int) spec.interval().toSeconds();
		this.groupSoftClose = spec.groupSoftClose();
		this.buyersPremium = spec.buyersPremium();
		this.taxRate = spec.taxRate();
		this.increments = spec.increments() == null ? null : IncrementSteps.store(spec.increments());
		this.paymentText = spec.paymentText();
		this.collectionText = spec.collectionText();
	}

	/** The sale's details and terms as they stand, in the form an admin edits them. */
	public SaleSpec spec() {
		return new SaleSpec(this.title, this.description, this.currency, this.kind, this.startsAt, this.firstLotEndsAt,
				interval(), this.groupSoftClose, this.buyersPremium, this.taxRate, ownIncrements(), this.paymentText,
				this.collectionText);
	}

	/**
	 * Changes the sale as an admin edited it: everything until it opens (the currency only while it
	 * has no lots, whose prices are in it), then only the title, description and texts.
	 * @return whether the lots' times changed (so they must be set again)
	 */
	boolean amend(SaleSpec spec, boolean hasLots) {
		requireStatus(SaleStatus.DRAFT, SaleStatus.SCHEDULED, SaleStatus.OPEN, SaleStatus.CLOSED);
		SaleSpec before = spec();
		boolean terms = !Objects.equals(before.currency(), spec.currency()) || before.kind() != spec.kind()
				|| !Objects.equals(before.startsAt(), spec.startsAt())
				|| !Objects.equals(before.firstLotEndsAt(), spec.firstLotEndsAt())
				|| !Objects.equals(before.interval(), spec.interval()) || before.groupSoftClose() != spec.groupSoftClose()
				|| before.buyersPremium().compareTo(spec.buyersPremium()) != 0
				|| before.taxRate().compareTo(spec.taxRate()) != 0
				|| !Objects.equals(before.increments(), spec.increments());
		if (terms && !termsOpen()) {
			throw new SaleStateException("once a sale is open only its title, description and texts may change");
		}
		if (hasLots && !before.currency().equals(spec.currency())) {
			throw new SaleStateException("the sale has lots priced in " + before.currency() + ": its currency stays");
		}
		boolean times = !Objects.equals(before.startsAt(), spec.startsAt())
				|| !Objects.equals(before.firstLotEndsAt(), spec.firstLotEndsAt())
				|| !Objects.equals(before.interval(), spec.interval());
		set(spec);
		return times;
	}

	/** Publishes the sale: its lots open at its start. Scheduling again does no harm. */
	void schedule() {
		requireStatus(SaleStatus.DRAFT, SaleStatus.SCHEDULED);
		this.status = SaleStatus.SCHEDULED;
	}

	void open() {
		requireStatus(SaleStatus.SCHEDULED, SaleStatus.OPEN);
		this.status = SaleStatus.OPEN;
	}

	void close() {
		requireStatus(SaleStatus.OPEN, SaleStatus.CLOSED);
		this.status = SaleStatus.CLOSED;
	}

	/** Whether the terms and the catalogue (lots, numbers, times) may still change. */
	public boolean termsOpen() {
		return this.status == SaleStatus.DRAFT || this.status == SaleStatus.SCHEDULED;
	}

	void requireCatalogueOpen() {
		if (!termsOpen()) {
			throw new SaleStateException("a sale that is " + this.status.code() + " keeps its lots and their numbers");
		}
	}

	private void requireStatus(SaleStatus... allowed) {
		for (SaleStatus s : allowed) {
			if (this.status == s) {
				return;
			}
		}
		throw new SaleStateException("a sale that is " + this.status.name().toLowerCase(Locale.ROOT) + " cannot do that");
	}

	/**
	 * When the lot at {@code position} (1 for the first in lot-number order) ends. A live sale's
	 * lots close by the clerk's call: this is only the latest one may stay open if never called.
	 */
	public Instant endOf(int position) {
		if (this.kind == SaleKind.LIVE) {
			return this.firstLotEndsAt.plus(LIVE_LOTS_LAPSE);
		}
		return this.firstLotEndsAt.plus(interval().multipliedBy(position - 1L));
	}

	/** How long after a live sale's start its lots the clerk never called stay open (then pass). */
	public static final Duration LIVE_LOTS_LAPSE = Duration.ofDays(7);

	/**
	 * Records that the clerk brings {@code lotId} up. The sale's version makes two clerks bringing
	 * up two lots at once fail one of them; {@code stillUp} says whether the lot brought up before
	 * is still being called.
	 */
	void bringUp(long lotId, boolean stillUp) {
		if (this.kind != SaleKind.LIVE) {
			throw new LiveSaleException("not-live", "only a live sale is run by a clerk");
		}
		if (this.status != SaleStatus.OPEN) {
			throw new LiveSaleException("sale-not-open", "open the sale before bringing lots up");
		}
		if (stillUp) {
			throw new LiveSaleException("lot-up", "hammer or pass the lot that is up before bringing up another");
		}
		this.currentLotId = lotId;
	}

	/** The lot of a live sale the clerk brought up last (it may have closed since), if any. */
	public Long getCurrentLotId() {
		return this.currentLotId;
	}

	public boolean isLive() {
		return this.kind == SaleKind.LIVE;
	}

	public Duration interval() {
		return Duration.ofSeconds(this.intervalSeconds);
	}

	/** The sale's own increment table, {@code null} when it uses the house table of its currency. */
	public List<IncrementTable.Step> ownIncrements() {
		return this.increments == null ? null : IncrementSteps.stored(this.increments);
	}

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

	public SaleKind getKind() {
		return this.kind;
	}

	public SaleStatus getStatus() {
		return this.status;
	}

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public Instant getFirstLotEndsAt() {
		return this.firstLotEndsAt;
	}

	public boolean isGroupSoftClose() {
		return this.groupSoftClose;
	}

	public BigDecimal getBuyersPremium() {
		return this.buyersPremium;
	}

	public BigDecimal getTaxRate() {
		return this.taxRate;
	}

	public String getPaymentText() {
		return this.paymentText;
	}

	public String getCollectionText() {
		return this.collectionText;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
