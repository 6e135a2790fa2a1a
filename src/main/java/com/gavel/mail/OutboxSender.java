package com.gavel.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.config.SharedDatabase;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due mails through the house's SMTP server, on a thread of its own, so a slow
 * or absent server never holds up anything else. A failed try is logged and tried again later,
 * each wait twice the one before ({@link MailProperties#backoff}); after the last allowed try the
 * mail is marked failed, which admins see on {@code /admin/mail}.
 * <p>
 * Every node runs one, but they take turns ({@link SharedDatabase#once}), so a mail is sent by
 * one node. A round stops at the first failure: the server is likely down for the mails behind it
 * too, which wait for the next round without using up their tries.
 * <p>
 * Without {@code spring.mail.host} there is no SMTP server, and this sends nothing and starts no
 * thread ({@link #on}).
 */
@Component
class OutboxSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 50;

	/** How often mails older than {@code gavel.mail.keep} are deleted. */
	private static final Duration FORGET_EVERY = Duration.ofHours(1);

	private final JavaMailSender smtp;

	private final MailOutbox outbox;

	private final MailProperties properties;

	private final StillWorthSending worth;

	private final SharedDatabase database;

	private final Clock clock;

	private final ScheduledExecutorService thread;

	/** A round is queued on the thread; another nudge adds nothing. */
	private final AtomicBoolean nudged = new AtomicBoolean();

	private final Counter sent;

	private final Counter retried;

	private final Counter failed;

	private Instant lastForgotten = Instant.MIN;

	OutboxSender(ObjectProvider<JavaMailSender> smtp, MailOutbox outbox, MailProperties properties,
			StillWorthSending worth, SharedDatabase database, Clock clock, MeterRegistry meters) {
		this.smtp = smtp.getIfAvailable();
		this.outbox = outbox;
		this.properties = properties;
		this.worth = worth;
		this.database = database;
		this.clock = clock;
		this.thread = (this.smtp != null) ? new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread t = new Thread(task, "gavel-mail-sender");
			t.setDaemon(true);
			return t;
		}) : null;
		this.sent = Counter.builder("gavel.mail.sent").description("Mails the SMTP server accepted").register(meters);
		this.retried = Counter.builder("gavel.mail.retried")
			.description("Tries at sending a mail that failed and will be tried again")
			.register(meters);
		this.failed = Counter.builder("gavel.mail.failed")
			.description("Mails given up on after their last try")
			.register(meters);
	}

	/** Whether the house has an SMTP server, so mail is written and sent at all. */
	boolean on() {
		return this.smtp != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.thread != null) {
			long poll = Math.max(1, this.properties.poll().toMillis());
			this.thread.scheduleWithFixedDelay(this::round, 0, poll, TimeUnit.MILLISECONDS);
		}
	}

	/** Asks for a round soon, after a mail was written. */
	void nudge() {
		if (this.thread != null && this.nudged.compareAndSet(false, true)) {
			this.thread.execute(() -> {
				this.nudged.set(false);
				round();
			});
		}
	}

	private void round() {
		try {
			this.database.once("mail outbox", this::sendDue);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the mail outbox; trying again in {}", this.properties.poll(), ex);
		}
	}

	private void sendDue() {
		Instant now = this.clock.instant();
		List<QueuedMail> due;
		do {
			due = this.outbox.due(now, BATCH);
			for (QueuedMail mail : due) {
				if (!send(mail, now)) {
					return;
				}
			}
		}
		while (due.size() == BATCH);
		if (now.isAfter(this.lastForgotten.plus(FORGET_EVERY))) {
			this.lastForgotten = now;
			this.outbox.forget(now.minus(this.properties.keep()));
		}
	}

	/** Tries to send one mail; {@code false} when the try failed. */
	private boolean send(QueuedMail mail, Instant now) {
		if (!this.worth.test(mail, now)) {
			this.outbox.skipped(mail.id(), now);
			return true;
		}
		int attempts = mail.attempts() + 1;
		try {
			this.smtp.send(message(mail));
		}
		catch (MailException | MessagingException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			Instant at = this.clock.instant();
			if (attempts >= this.properties.attempts()) {
				log.error("Gave up on mail {} ({} to user {} about lot {}) after {} tries: {}", mail.id(), mail.kind(),
						mail.userId(), mail.lotId(), attempts, error);
				this.outbox.failed(mail.id(), attempts, error, at);
				this.failed.increment();
			}
			else {
				Instant next = at.plus(this.properties.backoff(attempts));
				log.warn("Could not send mail {} ({} to user {} about lot {}), try {} of {}: {}; trying again at {}",
						mail.id(), mail.kind(), mail.userId(), mail.lotId(), attempts, this.properties.attempts(),
						error, next);
				this.outbox.retry(mail.id(), attempts, error, at, next);
				this.retried.increment();
			}
			return false;
		}
		this.outbox.sent(mail.id(), attempts, this.clock.instant());
		this.sent.increment();
		return true;
	}

	private MimeMessage message(QueuedMail mail) throws MessagingException {
		MimeMessage message = this.smtp.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setText(mail.body(), false);
		// Tells mail servers and clients that no person wrote it: no out-of-office replies.
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	@Override
	public void destroy() throws InterruptedException {
		if (this.thread != null) {
			this.thread.shutdownNow();
			this.thread.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
