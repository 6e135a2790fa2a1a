package com.gavel.mail;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which mails one bidder wants, and the language they read them in. */
@Entity
@Table(name = "mail_preferences")
class MailPreferences {

	@Id
	private Long userId;

	/** A BCP 47 tag, e.g. {@code pt-BR}. */
	private String language;

	private boolean outbid;

	private boolean endingSoon;

	private boolean won;

	protected MailPreferences() {
	}

	/** A bidder who never said: every mail, in English. */
	static MailPreferences defaults(long userId) {
		MailPreferences preferences = new MailPreferences();
		preferences.userId = userId;
		preferences.language = Locale.ENGLISH.toLanguageTag();
		preferences.outbid = true;
		preferences.endingSoon = true;
		preferences.won = true;
		return preferences;
	}

	boolean wants(MailKind kind) {
		return switch (kind) {
			case OUTBID -> this.outbid;
			case ENDING_SOON -> this.endingSoon;
			case WON, INVOICE -> this.won;
		};
	}

	void choose(boolean outbid, boolean endingSoon, boolean won) {
		this.outbid = outbid;
		this.endingSoon = endingSoon;
		this.won = won;
	}

	Locale language() {
		return Locale.forLanguageTag(this.language);
	}

	void setLanguage(Locale language) {
		this.language = language.toLanguageTag();
	}

}
