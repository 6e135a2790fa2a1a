package com.gavel.mail;

import java.time.Instant;

/**
 * A mail as the outbox holds it.
 *
 * @param status {@code PENDING}, {@code SENT}, {@code FAILED} or {@code SKIPPED}
 * @param attempts how many tries at sending it failed so far (or 1 once sent at the first try)
 * @param lastError why the last try failed, {@code null} if none did
 */
record QueuedMail(long id, MailKind kind, long userId, long lotId, long occasion, String recipient, String subject,
		String body, String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
		Instant createdAt) {
}
