package com.gavel.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.gavel.auction.SalePurchases;
import com.gavel.config.SharedDatabase;
import com.gavel.invoice.Invoice;
import com.gavel.invoice.Invoices;

import org.springframework.stereotype.Component;

/**
 * Writes "your invoice" for every buyer of every sale that closed within
 * {@code gavel.mail.invoice-within}, once per buyer and sale, whichever node looks first: the
 * nodes of a house take turns ({@link SharedDatabase#once}) and the outbox keeps one of each mail.
 * Looking, not listening, is what makes it sure: a sale closes by a conditional update on any node
 * (or an admin's "close now"), and a node that dies right after leaves the mails to the next look.
 * <p>
 * The outbox's key names a lot, and an invoice is about a sale: its mail names the sale's first
 * lot (lowest id, fixed once the sale opened), with the sale's id as the occasion.
 * <p>
 * Runs on the mail's own thread only ({@link MailIntake}), so its memory of the sales it finished
 * needs no lock; that memory only spares the outbox a look per buyer on every round.
 */
@Component
class InvoiceMails {

	private final SalePurchases purchases;

	private final Invoices invoices;

	private final MailOutbox outbox;

	private final MailWriter writer;

	private final MailProperties properties;

	private final SharedDatabase database;

	private final Clock clock;

	/** Closed sales whose every buyer was looked at by this node. */
	private final Set<Long> done = new HashSet<>();

	InvoiceMails(SalePurchases purchases, Invoices invoices, MailOutbox outbox, MailWriter writer,
			MailProperties properties, SharedDatabase database, Clock clock) {
		this.purchases = purchases;
		this.invoices = invoices;
		this.outbox = outbox;
		this.writer = writer;
		this.properties = properties;
		this.database = database;
		this.clock = clock;
	}

	/** Writes the mails that are due; returns how many it wrote. */
	int check() {
		AtomicInteger written = new AtomicInteger();
		this.database.once("mail invoices", () -> {
			Instant now = this.clock.instant();
			List<Long> closed = this.purchases.closedSince(now.minus(this.properties.invoiceWithin()));
			this.done.retainAll(closed);
			for (long saleId : closed) {
				if (!this.done.contains(saleId)) {
					written.addAndGet(mailBuyers(saleId, now));
					this.done.add(saleId);
				}
			}
		});
		return written.get();
	}

	private int mailBuyers(long saleId, Instant now) {
		OptionalLong lot = this.purchases.firstLot(saleId);
		if (lot.isEmpty()) {
			return 0;
		}
		int written = 0;
		for (Invoice invoice : this.invoices.ofSale(saleId).orElse(List.of())) {
			if (invoice.provisional()
					|| this.outbox.has(MailKind.INVOICE, invoice.buyerId(), lot.getAsLong(), saleId)) {
				continue;
			}
			if (this.writer.writeInvoice(invoice, lot.getAsLong())
				.filter((mail) -> this.outbox.add(mail, now, now))
				.isPresent()) {
				written++;
			}
		}
		return written;
	}

}
