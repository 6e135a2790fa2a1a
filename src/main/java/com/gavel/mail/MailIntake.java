package com.gavel.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEvent;
import com.gavel.auction.LotAdminView;
import com.gavel.auction.LotEventType;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns committed lot events into mails in the outbox: "you were outbid" to the bidder who lost
 * the lead through a bid, "you won" to the winner of a lot that closed sold; and now and then
 * looks for watched lots that end soon ({@link EndingSoonCheck}) and for closed sales whose
 * buyers have no invoice mail yet ({@link InvoiceMails}).
 * <p>
 * Lot events are published in the lot writer's turn, after the bid committed: here they are only
 * handed to a thread of the mail's own, with a bounded queue, so a bid never waits for a mail to
 * be written (were the queue ever full, the event's mail is dropped and logged). That thread reads
 * what the mail needs, writes it and tells the {@link OutboxSender}.
 * <p>
 * Every node of a cluster hears every event and writes the same mail; the outbox keeps one
 * ({@link MailOutbox}). An outbid mail's occasion is the bidder's own last bid before it, so a
 * bidder gets one per round of their own bidding however often the lead changes meanwhile, and it
 * waits {@code gavel.mail.outbid-delay} before it is sent, so none is sent while they keep
 * bidding ({@link StillWorthSending}).
 */
@Component
class MailIntake implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private final OutboxSender sender;

	private final MailOutbox outbox;

	private final MailWriter writer;

	private final AuctionCatalog catalog;

	private final EndingSoonCheck endingSoon;

	private final InvoiceMails invoices;

	private final MailProperties properties;

	private final Clock clock;

	private final ThreadPoolExecutor thread;

	/** An ending-soon check waits on the thread; the next tick adds none. */
	private final AtomicBoolean checkQueued = new AtomicBoolean();

	/** An invoice check waits on the thread; the next tick adds none. */
	private final AtomicBoolean invoiceCheckQueued = new AtomicBoolean();

	private final Counter dropped;

	MailIntake(OutboxSender sender, MailOutbox outbox, MailWriter writer, AuctionCatalog catalog,
			EndingSoonCheck endingSoon, InvoiceMails invoices, MailProperties properties, Clock clock,
			MeterRegistry meters) {
		this.sender = sender;
		this.outbox = outbox;
		this.writer = writer;
		this.catalog = catalog;
		this.endingSoon = endingSoon;
		this.invoices = invoices;
		this.properties = properties;
		this.clock = clock;
		this.thread = sender.on() ? new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.queue())), (task) -> {
					Thread t = new Thread(task, "gavel-mail-intake");
					t.setDaemon(true);
					return t;
				}, new ThreadPoolExecutor.AbortPolicy()) : null;
		this.dropped = Counter.builder("gavel.mail.dropped")
			.description("Lot events whose mail was not written because the mail queue was full")
			.register(meters);
	}

	@EventListener
	void committed(AuctionEvent event) {
		if (this.thread == null) {
			return;
		}
		if (event.type() == LotEventType.BID && event.outbidUserId() != null) {
			later("the outbid mail of event " + event.sequence() + " of lot " + event.lotId(), () -> outbid(event));
		}
		else if (event.type() == LotEventType.CLOSED && "sold".equals(event.lot().outcome())) {
			later("the mail to the winner of lot " + event.lotId(), () -> won(event));
		}
	}

	@Scheduled(fixedDelayString = "${gavel.mail.ending-soon-check:30s}")
	void endingSoonTick() {
		check("the ending-soon mails", this.checkQueued, this.endingSoon::check);
	}

	@Scheduled(fixedDelayString = "${gavel.mail.invoice-check:10s}")
	void invoiceTick() {
		check("the invoice mails", this.invoiceCheckQueued, this.invoices::check);
	}

	/**
	 * Queues one round of a periodic check on the mail's thread, unless one is still waiting there.
	 * A full queue drops the round, and the next tick tries again.
	 */
	private void check(String what, AtomicBoolean queued, IntSupplier check) {
		if (this.thread == null || !queued.compareAndSet(false, true)) {
			return;
		}
		boolean handed = later(what, () -> {
			queued.set(false);
			if (check.getAsInt() > 0) {
				this.sender.nudge();
			}
		});
		if (!handed) {
			queued.set(false);
		}
	}

	private void outbid(AuctionEvent event) {
		long user = event.outbidUserId();
		long occasion = this.catalog.lastBidBefore(event.lotId(), user, event.sequence());
		if (this.outbox.has(MailKind.OUTBID, user, event.lotId(), occasion)) {
			return;
		}
		Instant now = this.clock.instant();
		this.writer.write(MailKind.OUTBID, user, event.lot(), occasion, now)
			.ifPresent((mail) -> add(mail, now, now.plus(this.properties.outbidDelay())));
	}

	private void won(AuctionEvent event) {
		Long winner = this.catalog.adminLot(event.lotId())
			.filter(LotAdminView::sold)
			.map(LotAdminView::leaderId)
			.orElse(null);
		if (winner == null || this.outbox.has(MailKind.WON, winner, event.lotId(), event.sequence())) {
			return;
		}
		Instant now = this.clock.instant();
		this.writer.write(MailKind.WON, winner, event.lot(), event.sequence(), now)
			.ifPresent((mail) -> add(mail, now, now));
	}

	private void add(Mail mail, Instant now, Instant due) {
		if (this.outbox.add(mail, now, due)) {
			this.sender.nudge();
		}
	}

	/** Hands {@code work} to the mail's thread; {@code false} when its queue is full and it is dropped. */
	private boolean later(String what, Runnable work) {
		try {
			this.thread.execute(() -> {
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					log.error("Could not write {}", what, ex);
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.dropped.increment();
			log.warn("The mail queue is full ({} waiting): {} is not written", this.thread.getQueue().size(), what);
			return false;
		}
	}

	/** Writes what is queued (for a few seconds at most), then stops. */
	@Override
	public void destroy() throws InterruptedException {
		if (this.thread != null) {
			this.thread.shutdown();
			if (!this.thread.awaitTermination(5, TimeUnit.SECONDS)) {
				log.warn("Stopped with {} lot events whose mails were not written", this.thread.getQueue().size());
				this.thread.shutdownNow();
			}
		}
	}

}
