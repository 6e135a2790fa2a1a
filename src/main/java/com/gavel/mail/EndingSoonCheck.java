package com.gavel.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotView;
import com.gavel.config.SharedDatabase;
import com.gavel.watchlist.WatchlistService;

import org.springframework.stereotype.Component;

/**
 * Writes "a lot you watch ends soon" for every watcher of every open lot that ends within
 * {@code gavel.mail.ending-soon}, once per watcher and lot, whichever node looks first: the nodes
 * of a house take turns ({@link SharedDatabase#once}) and the outbox keeps one of each mail.
 */
@Component
class EndingSoonCheck {

	/** An "ends soon" mail is sent once per watcher and lot, whatever happens to the lot's end. */
	static final long ONCE = 0;

	private final AuctionCatalog catalog;

	private final WatchlistService watchlist;

	private final MailOutbox outbox;

	private final MailWriter writer;

	private final MailProperties properties;

	private final SharedDatabase database;

	private final Clock clock;

	EndingSoonCheck(AuctionCatalog catalog, WatchlistService watchlist, MailOutbox outbox, MailWriter writer,
			MailProperties properties, SharedDatabase database, Clock clock) {
		this.catalog = catalog;
		this.watchlist = watchlist;
		this.outbox = outbox;
		this.writer = writer;
		this.properties = properties;
		this.database = database;
		this.clock = clock;
	}

	/** Writes the mails that are due; returns how many it wrote. */
	int check() {
		AtomicInteger written = new AtomicInteger();
		this.database.once("mail ending soon", () -> {
			Instant now = this.clock.instant();
			for (LotView lot : this.catalog.openEndingBetween(now, now.plus(this.properties.endingSoon()))) {
				if (lot.live()) {
					// A live lot ends when the clerk hammers it, not at its end time.
					continue;
				}
				for (long user : this.watchlist.watchers(lot.id())) {
					if (this.outbox.has(MailKind.ENDING_SOON, user, lot.id(), ONCE)) {
						continue;
					}
					this.writer.write(MailKind.ENDING_SOON, user, lot, ONCE, now)
						.filter((mail) -> this.outbox.add(mail, now, now))
						.ifPresent((mail) -> written.incrementAndGet());
				}
			}
		});
		return written.get();
	}

}
