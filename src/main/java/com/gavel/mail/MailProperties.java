package com.gavel.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Gavel sends e-mail. The SMTP server itself is Spring Boot's {@code spring.mail.*}: without
 * {@code spring.mail.host} no mail is written or sent at all.
 *
 * @param from the sender of every mail, e.g. {@code "Gavel <auctions@example.com>"}
 * @param attempts tries at sending one mail before it is marked failed
 * @param retryAfter the wait after the first failed try; each later wait is twice the one before
 * @param retryAtMost the longest wait between two tries
 * @param poll how often the outbox is looked at for mails that are due
 * @param outbidDelay how long an outbid mail waits before it is sent: if the bidder bids again
 * meanwhile (they are at their screen) it is not sent at all, so a bidding war sends no mail
 * @param endingSoon how long before a watched lot ends its watchers are told
 * @param endingSoonCheck how often the house looks for lots that end within {@code endingSoon}
 * @param queue lot events waiting to become mails on a node; past it new ones are dropped (and
 * logged) rather than holding up a bid
 * @param keep how long sent, failed and skipped mails stay in the outbox for admins to see
 * @param invoiceCheck how often the house looks for closed sales whose buyers have no invoice mail yet
 * @param invoiceWithin how long after a sale closed its buyers are still sent their invoice (a
 * house that turns mail on, or a node back after an outage, mails the sales that closed meanwhile,
 * not every sale ever held)
 */
@ConfigurationProperties("gavel.mail")
record MailProperties(@DefaultValue("Gavel <gavel@localhost>") String from, @DefaultValue("8") int attempts,
		@DefaultValue("30s") Duration retryAfter, @DefaultValue("1h") Duration retryAtMost,
		@DefaultValue("5s") Duration poll, @DefaultValue("1m") Duration outbidDelay,
		@DefaultValue("10m") Duration endingSoon, @DefaultValue("30s") Duration endingSoonCheck,
		@DefaultValue("10000") int queue, @DefaultValue("30d") Duration keep,
		@DefaultValue("10s") Duration invoiceCheck, @DefaultValue("2d") Duration invoiceWithin) {

	/** The wait after the {@code attempt}-th failed try (1 for the first). */
	Duration backoff(int attempt) {
		Duration wait = this.retryAfter;
		for (int i = 1; i < attempt && wait.compareTo(this.retryAtMost) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(this.retryAtMost) > 0 ? this.retryAtMost : wait;
	}

}
