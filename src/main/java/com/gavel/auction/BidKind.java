package com.gavel.auction;

public enum BidKind {

	/** A bid of exactly the given amount. */
	BID,
	/** A proxy bid: the engine bids for the bidder, one increment at a time, up to the maximum. */
	MAXIMUM,
	/** Takes the buy-now price and closes the lot. */
	BUY_NOW

}
