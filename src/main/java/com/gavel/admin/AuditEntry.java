package com.gavel.admin;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One admin action in the audit log. Never changed once written. */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

	/** Through which door the action came. */
	enum Via {

		PAGE, API;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private long actorId;

	private String actorName;

	private String action;

	private String via;

	private Long lotId;

	private Long bidId;

	private Long subjectUserId;

	private String detail;

	private String reason;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, long actorId, String actorName, AuditAction action, Via via, Long lotId, Long bidId,
			Long subjectUserId, String detail, String reason) {
		this.occurredAt = occurredAt;
		this.actorId = actorId;
		this.actorName = actorName;
		this.action = action.code();
		this.via = via.code();
		this.lotId = lotId;
		this.bidId = bidId;
		this.subjectUserId = subjectUserId;
		this.detail = clip(detail, 2000);
		this.reason = clip(reason, 500);
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public long getActorId() {
		return this.actorId;
	}

	public String getActorName() {
		return this.actorName;
	}

	/** The action's code, e.g. {@code bid-voided}. */
	public String getAction() {
		return this.action;
	}

	public String getVia() {
		return this.via;
	}

	public Long getLotId() {
		return this.lotId;
	}

	public Long getBidId() {
		return this.bidId;
	}

	public Long getSubjectUserId() {
		return this.subjectUserId;
	}

	public String getDetail() {
		return this.detail;
	}

	public String getReason() {
		return this.reason;
	}

}
