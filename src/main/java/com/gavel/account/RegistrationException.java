package com.gavel.account;

/** A registration that cannot go ahead, naming the form field at fault. */
public class RegistrationException extends RuntimeException {

	private final String field;

	public RegistrationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
