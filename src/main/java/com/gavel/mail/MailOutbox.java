package com.gavel.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The {@code mail_outbox} table (migration V17): the mails to send, and what became of them.
 * <p>
 * A mail is there once per house: its kind, bidder, lot and occasion are a unique key, so when
 * every node of a cluster writes the mail for the same lot event, the first write counts and the
 * others change nothing. Each statement commits on its own: a write never waits on, or undoes,
 * any other work.
 */
@Component
class MailOutbox {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	static final String SKIPPED = "SKIPPED";

	private static final String COLUMNS = "id, kind, user_id, lot_id, occasion, recipient, subject, body, status, "
			+ "attempts, next_attempt_at, last_attempt_at, last_error, created_at";

	private static final int ERROR_LENGTH = 500;

	private final JdbcTemplate jdbc;

	MailOutbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the mail of this kind, bidder, lot and occasion was already written. */
	boolean has(MailKind kind, long userId, long lotId, long occasion) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select count(*) > 0 from mail_outbox where kind = ? and user_id = ? and lot_id = ? and occasion = ?",
				Boolean.class, kind.name(), userId, lotId, occasion));
	}

	/**
	 * Writes {@code mail}, to be sent from {@code due} on.
	 * @return whether it was written: {@code false} when the same mail already was (here or on
	 * another node)
	 */
	boolean add(Mail mail, Instant now, Instant due) {
		try {
			this.jdbc.update("insert into mail_outbox (kind, user_id, lot_id, occasion, recipient, language, "
					+ "subject, body, status, attempts, next_attempt_at, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
					mail.kind().name(), mail.userId(), mail.lotId(), mail.occasion(), mail.recipient(), mail.language(),
					mail.subject(), mail.body(), PENDING, at(due), at(now));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Pending mails due at {@code now}, the longest due first. */
	List<QueuedMail> due(Instant now, int limit) {
		return this.jdbc.query("select " + COLUMNS + " from mail_outbox where status = ? and next_attempt_at <= ? "
				+ "order by next_attempt_at, id fetch first " + limit + " rows only", MailOutbox::row, PENDING,
				at(now));
	}

	void sent(long id, int attempts, Instant now) {
		finish(id, SENT, attempts, null, now);
	}

	void skipped(long id, Instant now) {
		this.jdbc.update("update mail_outbox set status = ?, last_attempt_at = ? where id = ? and status = ?", SKIPPED,
				at(now), id, PENDING);
	}

	/** A try failed; the mail is tried again at {@code next}. */
	void retry(long id, int attempts, String error, Instant now, Instant next) {
		this.jdbc.update("update mail_outbox set attempts = ?, last_error = ?, last_attempt_at = ?, "
				+ "next_attempt_at = ? where id = ? and status = ?", attempts, clip(error), at(now), at(next), id,
				PENDING);
	}

	/** The last try failed: the mail is given up on. */
	void failed(long id, int attempts, String error, Instant now) {
		finish(id, FAILED, attempts, error, now);
	}

	/** Forgets mails that were sent, failed or skipped before {@code before}; pending ones stay. */
	int forget(Instant before) {
		return this.jdbc.update("delete from mail_outbox where status <> ? and last_attempt_at < ?", PENDING,
				at(before));
	}

	/** How many mails the outbox holds in each status. */
	Map<String, Integer> counts() {
		Map<String, Integer> counts = new TreeMap<>(Map.of(PENDING, 0, SENT, 0, FAILED, 0, SKIPPED, 0));
		this.jdbc.query("select status, count(*) from mail_outbox group by status",
				(RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getInt(2)));
		return counts;
	}

	/** The latest mails in a status, newest first. */
	List<QueuedMail> latest(String status, int limit) {
		return this.jdbc.query("select " + COLUMNS + " from mail_outbox where status = ? order by id desc fetch first "
				+ limit + " rows only", MailOutbox::row, status);
	}

	private void finish(long id, String status, int attempts, String error, Instant now) {
		this.jdbc.update("update mail_outbox set status = ?, attempts = ?, last_error = ?, last_attempt_at = ? "
				+ "where id = ? and status = ?", status, attempts, clip(error), at(now), id, PENDING);
	}

	/**
	 * The database keeps microseconds and rounds finer times, which could put a mail due "now" a
	 * fraction after now: times are cut to the microsecond instead.
	 */
	private static Timestamp at(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

	private static String clip(String error) {
		return (error == null || error.length() <= ERROR_LENGTH) ? error : error.substring(0, ERROR_LENGTH);
	}

	private static QueuedMail row(ResultSet rs, int n) throws SQLException {
		return new QueuedMail(rs.getLong("id"), MailKind.valueOf(rs.getString("kind")), rs.getLong("user_id"),
				rs.getLong("lot_id"), rs.getLong("occasion"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				instant(rs, "last_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
