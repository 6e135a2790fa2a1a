package com.gavel.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password chosen by a person must be: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH}, and none of the common passwords attackers try first (the bundled
 * {@code account/common-passwords.txt}, compared ignoring case).
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	private static final String COMMON_PASSWORDS = "account/common-passwords.txt";

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = load();
	}

	/** Which rule a password breaks, each with the message key that says so. */
	public enum Problem {

		TOO_SHORT("registration.password.short", MIN_LENGTH),

		TOO_LONG("registration.password.long", MAX_LENGTH),

		COMMON("registration.password.common", MIN_LENGTH);

		private final String messageCode;

		private final int length;

		Problem(String messageCode, int length) {
			this.messageCode = messageCode;
			this.length = length;
		}

		public String messageCode() {
			return this.messageCode;
		}

		/** The message's argument {0}: the length limit it names. */
		public Object[] messageArguments() {
			return new Object[] { this.length };
		}

	}

	/** The rule {@code password} breaks, or empty when it is fine. */
	public Optional<Problem> check(String password) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH) {
			return Optional.of(Problem.TOO_SHORT);
		}
		if (length > MAX_LENGTH) {
			return Optional.of(Problem.TOO_LONG);
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of(Problem.COMMON);
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS, ex);
		}
		if (passwords.isEmpty()) {
			throw new IllegalStateException(COMMON_PASSWORDS + " lists no passwords");
		}
		return Set.copyOf(passwords);
	}

}
