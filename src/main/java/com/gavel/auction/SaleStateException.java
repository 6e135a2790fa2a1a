package com.gavel.auction;

/** The sale (or one of its lots) is not in a state that allows the change. Nothing changed. */
public class SaleStateException extends RuntimeException {

	public SaleStateException(String message) {
		super(message);
	}

}
