package com.gavel.account;

public enum Role {

	BIDDER, ADMIN,

	/**
	 * A bidder in the room of a live sale, known by the paddle number the clerk enters: bids
	 * through the clerk, never signs in and gets no mail.
	 */
	FLOOR

}
