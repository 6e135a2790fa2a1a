package com.gavel.auction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database from before the hash chain, upgraded: its events, written as Gavel wrote them then
 * (no hashes, members in the order of the record, stored in an order other than their sequence),
 * are chained by migration 15.1 in sequence order per lot, their payloads untouched, and from then
 * on no event can be stored without its hashes.
 */
class EventChainMigrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

	/** A fresh, empty database. */
	String url() {
		return "jdbc:h2:mem:chain-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	String username() {
		return "gavel";
	}

	String password() {
		return "";
	}

	@Test
	void eventsStoredBeforeTheChainAreChainedInSequenceOrderPerLot() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url(), username(), password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("14").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("insert into app_user (id, username, email, password_hash, role, banned, created_at) "
				+ "values (1, 'old-ada', 'old-ada@example.test', 'x', 'BIDDER', false, ?)", time(T0));
		lot(jdbc, 1, "Old clock / \"Westminster\" — ✓");
		lot(jdbc, 2, "Old lamp");
		// Stored out of order, as nothing ever promised ids in sequence order; lot 2's interleaved.
		String bid = insert(jdbc, 1, 2, "bid", Map.of("bidder", "Bidder 1", "kind", "bid", "amount", "5.00"));
		String lamp = insert(jdbc, 2, 1, "opened", Map.of());
		String closed = insert(jdbc, 1, 3, "closed", Map.of());
		String opened = insert(jdbc, 1, 1, "opened", Map.of());
		List<String> before = jdbc.queryForList("select payload from lot_event order by id", String.class);

		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.javaMigrations(new EventChainMigration())
			.load()
			.migrate();

		String first = EventChain.link(EventChain.genesis(1), canonical(opened));
		String second = EventChain.link(first, canonical(bid));
		String third = EventChain.link(second, canonical(closed));
		assertThat(links(jdbc, 1)).containsExactly(List.of(EventChain.genesis(1), first), List.of(first, second),
				List.of(second, third));
		assertThat(links(jdbc, 2)).containsExactly(
				List.of(EventChain.genesis(2), EventChain.link(EventChain.genesis(2), canonical(lamp))));
		assertThat(jdbc.queryForObject("select last_hash from lot where id = 1", String.class)).isEqualTo(third);
		// The payloads are as they were stored; the hash covers their canonical form.
		assertThat(jdbc.queryForList("select payload from lot_event order by id", String.class)).isEqualTo(before);
		assertThat(canonical(opened)).isNotEqualTo(opened);

		assertThatThrownBy(() -> insert(jdbc, 2, 2, "closed", Map.of()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private static void lot(JdbcTemplate jdbc, long id, String title) {
		jdbc.update("insert into lot (id, title, description, currency, start_price, status, starts_at, ends_at, "
				+ "original_ends_at, soft_close_window_seconds, extension_seconds, last_sequence, created_at) "
				+ "values (?, ?, 'Stored before the chain', 'EUR', 100, 'OPEN', ?, ?, ?, 120, 120, 3, ?)", id, title,
				time(T0), time(T0.plusSeconds(3600)), time(T0.plusSeconds(3600)), time(T0));
	}

	/** An event as Gavel stored it before V15: its members in the order of the payload record. */
	private static String insert(JdbcTemplate jdbc, long lotId, long seq, String kind, Map<String, Object> detail) {
		Instant at = T0.plusSeconds(seq);
		Map<String, Object> lot = new LinkedHashMap<>();
		lot.put("id", lotId);
		lot.put("title", jdbc.queryForObject("select title from lot where id = ?", String.class, lotId));
		lot.put("status", kind.equals("closed") ? "closed" : "open");
		lot.put("price", seq > 1 ? "5.00" : null);
		lot.put("sequence", seq);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("lotId", lotId);
		event.put("seq", seq);
		event.put("kind", kind);
		event.put("at", at.toString());
		event.put("detail", new LinkedHashMap<>(detail));
		event.put("lot", lot);
		String payload = JSON.writeValueAsString(event);
		jdbc.update("insert into lot_event (lot_id, sequence, type, occurred_at, payload) values (?, ?, ?, ?, ?)",
				lotId, seq, kind, time(at), payload);
		return payload;
	}

	private static String canonical(String payload) {
		return CanonicalJson.write(JSON.readTree(payload));
	}

	private static List<List<String>> links(JdbcTemplate jdbc, long lotId) {
		return jdbc.query("select prev_hash, hash from lot_event where lot_id = ? order by sequence",
				(row, i) -> List.of(row.getString(1), row.getString(2)), lotId);
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
