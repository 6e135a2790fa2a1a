package com.gavel.auction;

import java.util.Collection;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.config.SharedDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every other node off the lots a transaction decides, until it ends. Within one node the
 * {@link LotWriter} already lets one change of a lot go at a time; nodes that share a PostgreSQL
 * database take a transaction-scoped advisory lock per lot as well, so each lot has one writer
 * in the whole house. The lock goes with the transaction, so a node that dies holds nothing and
 * the others take its lots over at once. On the embedded database there are no other nodes.
 */
@Component
class ClusterLotLocks {

	private static final Logger log = LoggerFactory.getLogger(ClusterLotLocks.class);

	private final JdbcTemplate jdbc;

	private final boolean shared;

	@Autowired
	ClusterLotLocks(JdbcTemplate jdbc, SharedDatabase database) {
		this.jdbc = jdbc;
		this.shared = database.shared();
		if (this.shared) {
			log.info("Lots are locked across nodes with PostgreSQL advisory locks");
		}
	}

	private ClusterLotLocks() {
		this.jdbc = null;
		this.shared = false;
	}

	/** For a writer that is alone on its database. */
	static ClusterLotLocks none() {
		return new ClusterLotLocks();
	}

	/** Whether other nodes may share the database (and so the lots). */
	boolean shared() {
		return this.shared;
	}

	/**
	 * Locks the lots for the current transaction, in ascending order so two nodes locking the
	 * same lots never wait for each other in a circle; waits while another node decides one.
	 */
	void lock(Collection<Long> lotIds) {
		if (!this.shared) {
			return;
		}
		for (long lotId : new TreeSet<>(lotIds)) {
			// Lot ids beyond an int share a key with another lot: they then take turns, no more.
			this.jdbc.queryForObject("select pg_advisory_xact_lock(?, ?) is null", Boolean.class, SharedDatabase.LOT_LOCKS,
					(int) lotId);
		}
	}

}
