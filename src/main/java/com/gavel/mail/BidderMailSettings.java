package com.gavel.mail;

import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each bidder's mail preferences: read for every mail, changed on their notifications page. */
@Service
class BidderMailSettings {

	private final MailPreferencesRepository preferences;

	BidderMailSettings(MailPreferencesRepository preferences) {
		this.preferences = preferences;
	}

	/** The bidder's preferences, or the defaults when they never saved any. */
	@Transactional(readOnly = true)
	MailPreferences of(long userId) {
		return this.preferences.findById(userId).orElseGet(() -> MailPreferences.defaults(userId));
	}

	/** Saves which mails the bidder wants, and the language of the page they chose them on. */
	@Transactional
	void choose(long userId, boolean outbid, boolean endingSoon, boolean won, Locale language) {
		MailPreferences mine = this.preferences.findById(userId).orElseGet(() -> MailPreferences.defaults(userId));
		mine.choose(outbid, endingSoon, won);
		mine.setLanguage(language);
		this.preferences.save(mine);
	}

	/** Remembers the language the bidder reads the pages in, for the mails they get. */
	@Transactional
	void readsIn(long userId, Locale language) {
		MailPreferences mine = this.preferences.findById(userId).orElseGet(() -> MailPreferences.defaults(userId));
		if (!mine.language().equals(language)) {
			mine.setLanguage(language);
			this.preferences.save(mine);
		}
	}

}
