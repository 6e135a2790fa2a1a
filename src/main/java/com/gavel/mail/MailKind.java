package com.gavel.mail;

/**
 * The mails Gavel sends a bidder. Each has its template ({@code templates/mail/TEMPLATE.txt}),
 * its subject ({@code mail.KEY.subject} in the message files) and its switch on the bidder's
 * notifications page.
 */
enum MailKind {

	/** The bidder lost the lead on a lot, to another bidder's bid or maximum. */
	OUTBID("outbid", "outbid"),

	/** A lot on the bidder's watchlist ends soon. */
	ENDING_SOON("ending-soon", "endingSoon"),

	/** The bidder won a lot: the price and what happens next. */
	WON("won", "won"),

	/**
	 * A sale the bidder bought in closed: their invoice for it. It goes with "you won" on the
	 * notifications page (one switch, {@code won}): it is the rest of that news.
	 */
	INVOICE("invoice", "invoice");

	private final String template;

	private final String key;

	MailKind(String template, String key) {
		this.template = template;
		this.key = key;
	}

	/** The template's name. */
	String template() {
		return this.template;
	}

	/** The middle of its message keys: {@code mail.KEY.subject}. */
	String key() {
		return this.key;
	}

}
