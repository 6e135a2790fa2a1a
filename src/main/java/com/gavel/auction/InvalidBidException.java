package com.gavel.auction;

/** A bid request that is malformed (as opposed to one the rules refuse). */
public class InvalidBidException extends RuntimeException {

	public InvalidBidException(String message) {
		super(message);
	}

}
