package com.gavel.auction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Migration 15.1: links the events stored before V15 into their lots' hash chains, lot by lot in
 * sequence order, by the same rules as an event appended now ({@link EventChain} over the
 * {@link CanonicalJson} of the stored payload), and gives each lot the hash of its last event.
 * Their payloads stay as they were stored: the hash covers the canonical form of the same JSON
 * value, which a verifier makes from any form of it.
 * <p>
 * Flyway runs it once per database, in one transaction under its own lock, so the nodes of a
 * house never chain twice; it reads one lot's events at a time. Plain JDBC, so it runs unchanged
 * on H2 and PostgreSQL; a Spring bean, as Spring Boot hands those to Flyway.
 */
@Component
class EventChainMigration implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(EventChainMigration.class);

	private static final int BATCH = 500;

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("15.1");
	}

	@Override
	public String getDescription() {
		return "hash chain over earlier events";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		List<Long> lots = lotsWithEvents(connection);
		long events = 0;
		for (long lotId : lots) {
			events += chain(connection, lotId);
		}
		if (events > 0) {
			log.info("Chained {} earlier events of {} lots", events, lots.size());
		}
	}

	private static List<Long> lotsWithEvents(Connection connection) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement select = connection
			.prepareStatement("select distinct lot_id from lot_event order by lot_id");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private long chain(Connection connection, long lotId) throws SQLException {
		String previous = EventChain.genesis(lotId);
		long count = 0;
		try (PreparedStatement select = connection
			.prepareStatement("select id, payload from lot_event where lot_id = ? order by sequence");
				PreparedStatement update = connection
					.prepareStatement("update lot_event set prev_hash = ?, hash = ? where id = ?")) {
			select.setLong(1, lotId);
			select.setFetchSize(BATCH);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					String hash = EventChain.link(previous, CanonicalJson.write(this.json.readTree(rows.getString(2))));
					update.setString(1, previous);
					update.setString(2, hash);
					update.setLong(3, rows.getLong(1));
					update.addBatch();
					previous = hash;
					if (++count % BATCH == 0) {
						update.executeBatch();
					}
				}
			}
			update.executeBatch();
		}
		try (PreparedStatement head = connection.prepareStatement("update lot set last_hash = ? where id = ?")) {
			head.setString(1, previous);
			head.setLong(2, lotId);
			head.executeUpdate();
		}
		return count;
	}

}
