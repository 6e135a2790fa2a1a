package com.gavel.mail;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.account.GavelUser;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Remembers, when a bidder signs in with the form, the language they read the pages in (the
 * header's choice, else their browser's), so their mails are written in it too. Signing in through
 * the API (HTTP Basic on every request) changes nothing.
 */
@Component
class SignInLanguage {

	private static final Logger log = LoggerFactory.getLogger(SignInLanguage.class);

	private final BidderMailSettings settings;

	private final LocaleResolver languages;

	SignInLanguage(BidderMailSettings settings, LocaleResolver languages) {
		this.settings = settings;
		this.languages = languages;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof GavelUser user)
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return;
		}
		Locale language = this.languages.resolveLocale(request.getRequest());
		try {
			this.settings.readsIn(user.id(), language);
		}
		catch (DataAccessException ex) {
			// Signing in matters more than the language of a later mail.
			log.warn("Could not remember the language of user {}", user.id(), ex);
		}
	}

}
