package com.gavel.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the one the reader chose in the header, kept in the {@value #COOKIE}
 * cookie for a year, else the best match of their browser's {@code Accept-Language}
 * ({@link Languages}). Only a supported language is ever resolved or remembered, so {@code <html
 * lang>} always names the language the page is really written in.
 */
final class LanguageResolver implements LocaleResolver {

	static final String COOKIE = "gavel-lang";

	private static final String CHOSEN = LanguageResolver.class.getName() + ".CHOSEN";

	private static final Duration REMEMBERED = Duration.ofDays(365);

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					Locale remembered = Languages.supported(Locale.forLanguageTag(cookie.getValue())).orElse(null);
					if (remembered != null) {
						return remembered;
					}
				}
			}
		}
		return Languages.best(request.getLocales());
	}

	/** Remembers {@code locale} when Gavel speaks it (a language it does not speak changes nothing). */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = Languages.supported(locale).orElse(null);
		if (chosen == null || response == null) {
			return;
		}
		request.setAttribute(CHOSEN, chosen);
		ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.toLanguageTag())
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(REMEMBERED)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
