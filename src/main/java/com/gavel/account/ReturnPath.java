package com.gavel.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where to send someone back to after they signed in or registered: a path on Gavel itself, as the
 * {@code next} parameter of {@code /login} and {@code /register} carries it. Anything else is
 * refused, so the parameter cannot send a person to another site (an open redirect): a full URL,
 * a scheme, a host ({@code //other.example}, which browsers read as another host, also with a
 * backslash), control characters, and the sign-in pages themselves (which would only loop).
 */
public final class ReturnPath {

	/** The parameter that carries it. */
	public static final String PARAMETER = "next";

	private static final int MAX_LENGTH = 1000;

	private static final Set<String> REFUSED = Set.of("/login", "/register", "/logout", "/error");

	private ReturnPath() {
	}

	/** {@code candidate} when it is a safe path on this site, otherwise empty. */
	public static Optional<String> of(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
				|| candidate.charAt(0) != '/' || candidate.startsWith("//")) {
			return Optional.empty();
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c == '\\' || c <= ' ' || c == 0x7f) {
				return Optional.empty();
			}
		}
		URI uri;
		try {
			uri = new URI(candidate);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
				|| REFUSED.contains(uri.getRawPath())) {
			return Optional.empty();
		}
		return Optional.of(candidate);
	}

	/** The request's {@value #PARAMETER} parameter when it is a safe path. */
	public static Optional<String> of(HttpServletRequest request) {
		return of(request.getParameter(PARAMETER));
	}

	/**
	 * The request's return path as a query parameter after {@code separator} ({@code ?} or
	 * {@code &}), or nothing: for a redirect back to a sign-in page that must keep it.
	 */
	static String carriedOn(HttpServletRequest request, String separator) {
		return of(request).map((path) -> separator + PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
			.orElse("");
	}

}
