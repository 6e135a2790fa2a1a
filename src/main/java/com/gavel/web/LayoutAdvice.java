package com.gavel.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout (fragments/layout.html) needs on every page, admin and error pages too. */
@ControllerAdvice
class LayoutAdvice {

	/**
	 * One entry of the header's language switcher.
	 *
	 * @param tag the language's BCP 47 tag, e.g. {@code pt-BR}
	 * @param nameKey the message key of the language's name, in that language
	 * @param href this page in that language
	 * @param current whether the page is in that language
	 */
	record LanguageChoice(String tag, String nameKey, String href, boolean current) {
	}

	@ModelAttribute("here")
	CurrentPage here(HttpServletRequest request) {
		return CurrentPage.of(request);
	}

	@ModelAttribute("languages")
	List<LanguageChoice> languages(HttpServletRequest request, Locale locale) {
		CurrentPage here = CurrentPage.of(request);
		return Languages.SUPPORTED.stream()
			.map((l) -> new LanguageChoice(l.toLanguageTag(), "language." + l.toLanguageTag(), here.withLanguage(l),
					l.equals(locale)))
			.toList();
	}

}
