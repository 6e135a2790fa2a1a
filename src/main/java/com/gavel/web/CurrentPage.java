package com.gavel.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import com.gavel.account.ReturnPath;

/**
 * The page being shown, as the layout links back to it: in another language (the header's
 * switcher), and as where "Sign in" and "Register" return to. On the sign-in and registration
 * pages themselves that is the page they will return to; on an error page, the page that failed.
 *
 * @param path the path within the application, {@code /} when it is not a safe
 * {@link ReturnPath}
 * @param query the query string without {@code lang}, empty when there is none
 * @param returnPath where signing in from here returns to, or {@code null} for the catalogue
 */
record CurrentPage(String path, String query, String returnPath) {

	private static final List<String> ACCOUNT_PAGES = List.of("/login", "/register");

	static CurrentPage of(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (failed instanceof String original) ? original : request.getRequestURI();
		String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
		if (ReturnPath.of(path).isEmpty() && !ACCOUNT_PAGES.contains(path)) {
			path = "/";
		}
		if (ACCOUNT_PAGES.contains(path)) {
			// The page's own return path goes along, also when a POST re-rendered the form.
			String next = ReturnPath.of(request.getParameter(ReturnPath.PARAMETER)).orElse(null);
			String query = (next != null) ? ReturnPath.PARAMETER + "=" + encode(next) : "";
			return new CurrentPage(path, query, next);
		}
		String query = "GET".equals(request.getMethod()) && failed == null ? withoutLanguage(request.getQueryString())
				: "";
		String here = query.isEmpty() ? path : path + "?" + query;
		return new CurrentPage(path, query, ReturnPath.of(here).orElse(null));
	}

	/** This page with {@code ?lang=} the given language. */
	String withLanguage(Locale language) {
		String choice = LanguageConfig.PARAMETER + "=" + language.toLanguageTag();
		return this.path + "?" + (this.query.isEmpty() ? choice : this.query + "&" + choice);
	}

	private static String withoutLanguage(String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		return Arrays.stream(query.split("&"))
			.filter((p) -> !p.isEmpty() && !p.equals(LanguageConfig.PARAMETER)
					&& !p.startsWith(LanguageConfig.PARAMETER + "="))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
