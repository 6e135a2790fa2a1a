package com.gavel.watchlist;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One lot on one user's watchlist. */
@Entity
@Table(name = "watch")
@IdClass(Watch.Key.class)
class Watch {

	record Key(Long userId, Long lotId) implements Serializable {

		Key() {
			this(null, null);
		}

	}

	@Id
	private Long userId;

	@Id
	private Long lotId;

	private Instant createdAt;

	protected Watch() {
	}

	Watch(long userId, long lotId, Instant createdAt) {
		this.userId = userId;
		this.lotId = lotId;
		this.createdAt = createdAt;
	}

	Long getLotId() {
		return this.lotId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
