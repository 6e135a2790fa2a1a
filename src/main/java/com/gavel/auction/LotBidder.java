package com.gavel.auction;

import java.io.Serializable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The pseudonym ("Bidder 3") under which one user's bids on one lot are shown. */
@Entity
@Table(name = "lot_bidder")
@IdClass(LotBidder.Key.class)
class LotBidder {

	record Key(Long lotId, Long userId) implements Serializable {

		Key() {
			this(null, null);
		}

	}

	@Id
	private Long lotId;

	@Id
	private Long userId;

	private int aliasNumber;

	protected LotBidder() {
	}

	LotBidder(long lotId, long userId, int aliasNumber) {
		this.lotId = lotId;
		this.userId = userId;
		this.aliasNumber = aliasNumber;
	}

	long getUserId() {
		return this.userId;
	}

	int getAliasNumber() {
		return this.aliasNumber;
	}

}
