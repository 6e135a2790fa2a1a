package com.gavel.account;

/**
 * A registration that cannot go ahead, naming the form field at fault and the message key (with
 * its arguments) that says why; the exception's message is the English text for when no key
 * resolves.
 */
public class RegistrationException extends RuntimeException {

	private final String field;

	private final String code;

	private final Object[] arguments;

	/** The username or email is taken: {@code code} is the message key that says so. */
	public RegistrationException(String field, String code, String message) {
		this(field, code, new Object[0], message);
	}

	private RegistrationException(String field, String code, Object[] arguments, String message) {
		super(message);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	static RegistrationException weakPassword(PasswordPolicy.Problem problem) {
		return new RegistrationException("password", problem.messageCode(), problem.messageArguments(),
				"The password breaks the rule " + problem);
	}

	public String field() {
		return this.field;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
