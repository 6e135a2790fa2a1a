package com.gavel.auction;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored row of the append-only event log, a link of its lot's hash chain. */
@Entity
@Table(name = "lot_event")
class LotEventEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long lotId;

	private long sequence;

	private String type;

	private Instant occurredAt;

	private String payload;

	private Long outbidUserId;

	private String prevHash;

	private String hash;

	protected LotEventEntry() {
	}

	LotEventEntry(long lotId, long sequence, String type, Instant occurredAt, String payload, Long outbidUserId,
			String prevHash, String hash) {
		this.lotId = lotId;
		this.sequence = sequence;
		this.type = type;
		this.occurredAt = occurredAt;
		this.payload = payload;
		this.outbidUserId = outbidUserId;
		this.prevHash = prevHash;
		this.hash = hash;
	}

	long getLotId() {
		return this.lotId;
	}

	long getSequence() {
		return this.sequence;
	}

	String getType() {
		return this.type;
	}

	Instant getOccurredAt() {
		return this.occurredAt;
	}

	String getPayload() {
		return this.payload;
	}

	Long getOutbidUserId() {
		return this.outbidUserId;
	}

	/** The hash this event chains from: the previous event's, or the lot's genesis value. */
	String getPrevHash() {
		return this.prevHash;
	}

	String getHash() {
		return this.hash;
	}

}
