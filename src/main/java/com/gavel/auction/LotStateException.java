package com.gavel.auction;

/** An action that the lot's current status does not allow (e.g. pausing a closed lot). */
public class LotStateException extends RuntimeException {

	public LotStateException(String message) {
		super(message);
	}

}
