package com.gavel.auction;

public class LotNotFoundException extends RuntimeException {

	public LotNotFoundException(String message) {
		super(message);
	}

}
