package com.gavel.mail;

/**
 * A mail written for one bidder, ready for the outbox.
 *
 * @param occasion what tells this mail from others of its kind to the same bidder about the same
 * lot (see {@link MailOutbox})
 * @param language the BCP 47 tag of the language it is written in
 */
record Mail(MailKind kind, long userId, long lotId, long occasion, String recipient, String language,
		String subject, String body) {
}
