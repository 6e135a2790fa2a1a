package com.gavel.account;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a person lands after signing in. A bidder goes back to where they came from: the page the
 * sign-in form's {@code next} names ({@link ReturnPath}), else the page Spring Security stopped
 * them at to ask for the sign-in, else the catalogue. An admin lands in the admin area, unless they
 * were on their way to another admin page.
 */
final class SignInLanding extends SimpleUrlAuthenticationSuccessHandler {

	static final String ADMIN_HOME = "/admin/lots";

	/** Spring Security marks the URL it sends back to a saved request with this parameter. */
	private static final String SAVED_REQUEST_MARK = "continue";

	private final RequestCache savedRequests = new HttpSessionRequestCache();

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		Optional<String> wanted = ReturnPath.of(request)
			.or(() -> savedPath(request, response));
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
		if (admin) {
			return wanted.filter(SignInLanding::inAdminArea).orElse(ADMIN_HOME);
		}
		return wanted.orElse("/");
	}

	/** The page Spring Security stopped this person at, as a path within the application. */
	private Optional<String> savedPath(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.savedRequests.getRequest(request, response);
		if (saved == null) {
			return Optional.empty();
		}
		this.savedRequests.removeRequest(request, response);
		URI uri = URI.create(saved.getRedirectUrl());
		String path = uri.getRawPath();
		if (path == null || !path.startsWith(request.getContextPath())) {
			return Optional.empty();
		}
		path = path.substring(request.getContextPath().length());
		String query = (uri.getRawQuery() != null) ? Arrays.stream(uri.getRawQuery().split("&"))
			.filter((p) -> !p.equals(SAVED_REQUEST_MARK) && !p.startsWith(SAVED_REQUEST_MARK + "="))
			.collect(Collectors.joining("&")) : "";
		return ReturnPath.of(query.isEmpty() ? path : path + "?" + query);
	}

	private static boolean inAdminArea(String path) {
		return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/admin?");
	}

}
