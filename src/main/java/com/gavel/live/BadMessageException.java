package com.gavel.live;

/** A client message that cannot be understood; answered with an {@code error}, never a close. */
class BadMessageException extends RuntimeException {

	private final String code;

	BadMessageException(String message) {
		this("bad-message", message);
	}

	BadMessageException(String code, String message) {
		super(message);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
