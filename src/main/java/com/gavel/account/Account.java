package com.gavel.account;

import java.time.Instant;

/** A user as other features see it: never the password hash. */
public record Account(long id, String username, String email, Role role, boolean banned, Instant createdAt) {

	public boolean mayBid() {
		return (this.role == Role.BIDDER || this.role == Role.FLOOR) && !this.banned;
	}

	/** A bidder in the room of a live sale, bidding by paddle through the clerk. */
	public boolean floor() {
		return this.role == Role.FLOOR;
	}

}
