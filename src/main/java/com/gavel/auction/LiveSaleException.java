package com.gavel.auction;

/**
 * A clerk's call that the live sale refuses as things stand (the hammer during fair warning, a
 * second lot up at once), with a code clients can act on.
 */
public class LiveSaleException extends LotStateException {

	private final String reason;

	public LiveSaleException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** {@code fair-warning-running}, {@code no-fair-warning}, {@code lot-up}, ... */
	public String reason() {
		return this.reason;
	}

}
