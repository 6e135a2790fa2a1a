package com.gavel.admin;

import org.junit.jupiter.api.Test;

import com.gavel.account.GavelUser;
import com.gavel.account.Role;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An admin action and its audit entry commit together or not at all: when the entry cannot be
 * written, the lot is as it was and nobody was told of a change.
 */
@AdminSpringBootTest
class AdminActionAtomicityTests {

	/** An admin the database does not know, so writing their audit entry fails. */
	private static final GavelUser GHOST = new GavelUser(987_654_321L, "ghost", "{noop}x", Role.ADMIN, false);

	@Autowired
	AdminActions actions;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPauseWhoseAuditEntryCannotBeWrittenDoesNotHappen() {
		LotView lot = AdminFixtures.openLot(this.engine, "Atomic pause");

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.actions.pause(GHOST, Via.API, lot.id()));

		LotView after = this.catalog.lot(lot.id()).orElseThrow();
		assertThat(after.status()).isEqualTo("open");
		assertThat(after.sequence()).isEqualTo(lot.sequence());
		assertThat(this.jdbc.queryForObject("select count(*) from lot_event where lot_id = ?", Integer.class,
				lot.id())).isEqualTo((int) lot.sequence());
	}

	@Test
	void aCloseAndACancelWhoseAuditEntryCannotBeWrittenDoNotHappen() {
		LotView lot = AdminFixtures.openLot(this.engine, "Atomic close");

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.actions.close(GHOST, Via.PAGE, lot.id()));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.actions.cancel(GHOST, Via.PAGE, lot.id(), "withdrawn"));

		assertThat(this.catalog.lot(lot.id()).orElseThrow().status()).isEqualTo("open");
		assertThat(this.catalog.lot(lot.id()).orElseThrow().sequence()).isEqualTo(lot.sequence());
	}

}
