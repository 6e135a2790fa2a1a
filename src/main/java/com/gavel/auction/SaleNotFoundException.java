package com.gavel.auction;

/** No such sale, or not one the asker may see. */
public class SaleNotFoundException extends RuntimeException {

	public SaleNotFoundException(String message) {
		super(message);
	}

}
