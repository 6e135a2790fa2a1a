package com.gavel.web;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Gavel's pages are written in: English ({@code messages.properties}) and Brazilian
 * Portuguese ({@code messages_pt_BR.properties}), and how a wish for a language (a browser's
 * {@code Accept-Language}, a choice in the header) becomes one of them. A language matches by its
 * language alone when no country matches, so {@code pt-PT} reads Portuguese and {@code en-GB}
 * English; anything else reads English.
 */
final class Languages {

	static final Locale ENGLISH = Locale.ENGLISH;

	static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

	/** In the order the header offers them. */
	static final List<Locale> SUPPORTED = List.of(ENGLISH, PORTUGUESE);

	private Languages() {
	}

	/** The supported language closest to {@code wanted}, if any is. */
	static Optional<Locale> supported(Locale wanted) {
		if (wanted == null || wanted.getLanguage().isEmpty()) {
			return Optional.empty();
		}
		Optional<Locale> exact = SUPPORTED.stream()
			.filter((l) -> l.getLanguage().equals(wanted.getLanguage()) && l.getCountry().equals(wanted.getCountry()))
			.findFirst();
		if (exact.isPresent()) {
			return exact;
		}
		return SUPPORTED.stream().filter((l) -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
	}

	/** The first of the browser's languages, most wanted first, that Gavel speaks; else English. */
	static Locale best(Enumeration<Locale> accepted) {
		while (accepted.hasMoreElements()) {
			Optional<Locale> match = supported(accepted.nextElement());
			if (match.isPresent()) {
				return match.get();
			}
		}
		return ENGLISH;
	}

}
