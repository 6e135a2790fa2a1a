package com.gavel.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether this node may share its database with other nodes of the house (PostgreSQL), and what
 * must then happen once per house rather than once per node. The embedded H2 database belongs to
 * one node.
 */
@Component
public class SharedDatabase {

	/** Gavel's advisory lock keys are pairs: one of these spaces, then an id within it. */
	public static final int LOT_LOCKS = 0x6761;

	private static final int ONCE_LOCKS = 0x6762;

	private final DataSource dataSource;

	private final boolean shared;

	@Autowired
	SharedDatabase(DataSource dataSource, JdbcTemplate jdbc) {
		this.dataSource = dataSource;
		this.shared = "PostgreSQL".equalsIgnoreCase(
				jdbc.execute((ConnectionCallback<String>) (c) -> c.getMetaData().getDatabaseProductName()));
	}

	private SharedDatabase() {
		this.dataSource = null;
		this.shared = false;
	}

	/** A database that is this node's alone, for tests without one. */
	public static SharedDatabase alone() {
		return new SharedDatabase();
	}

	public boolean shared() {
		return this.shared;
	}

	/**
	 * Runs {@code work} while no other node runs work of the same {@code name}, so that what one
	 * node finds undone (an empty house to lay out, a first admin to create) the next finds done.
	 */
	public void once(String name, Runnable work) {
		if (!this.shared) {
			work.run();
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			advisory(connection, "select pg_advisory_lock(?, ?)", name);
			try {
				work.run();
			}
			finally {
				// The pool keeps the connection open, so the session's lock must be let go here.
				advisory(connection, "select pg_advisory_unlock(?, ?)", name);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not take the house-wide lock for " + name, ex);
		}
	}

	private static void advisory(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, ONCE_LOCKS);
			statement.setInt(2, name.hashCode());
			statement.execute();
		}
	}

}
