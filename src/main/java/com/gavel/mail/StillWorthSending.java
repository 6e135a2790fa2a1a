package com.gavel.mail;

import java.time.Instant;

import com.gavel.auction.AuctionCatalog;

import org.springframework.stereotype.Component;

/**
 * Whether a mail that waited in the outbox still says something true and useful when its turn
 * comes: an outbid mail is not sent once the bidder bid on the lot again (they know, they are at
 * their screen), an "ends soon" mail not once the lot stopped being open or ended. "You won" and
 * the invoice stay true.
 */
@Component
class StillWorthSending {

	private final AuctionCatalog catalog;

	StillWorthSending(AuctionCatalog catalog) {
		this.catalog = catalog;
	}

	boolean test(QueuedMail mail, Instant now) {
		return switch (mail.kind()) {
			case OUTBID -> this.catalog.lastBidBefore(mail.lotId(), mail.userId(), Long.MAX_VALUE) <= mail.occasion();
			case ENDING_SOON -> this.catalog.lot(mail.lotId())
				.filter((lot) -> "open".equals(lot.status()) && lot.endsAt().isAfter(now))
				.isPresent();
			case WON, INVOICE -> true;
		};
	}

}
