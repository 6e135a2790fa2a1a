package com.gavel.admin;

import java.time.Clock;
import java.util.List;

import com.gavel.account.GavelUser;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of admin actions. An action is written here right after it succeeded (the engine
 * commits and publishes on its own, so the two are separate transactions; a refused action is
 * not logged, because it changed nothing).
 */
@Service
class AuditLog {

	static final int PAGE_SIZE = 50;

	private final AuditRepository entries;

	private final Clock clock;

	AuditLog(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** What an action touched: any of a lot, a bid and a user. */
	record Subject(Long lotId, Long bidId, Long userId) {

		static Subject lot(long lotId) {
			return new Subject(lotId, null, null);
		}

		static Subject none() {
			return new Subject(null, null, null);
		}

	}

	@Transactional
	AuditEntry record(GavelUser actor, AuditEntry.Via via, AuditAction action, Subject subject, String detail,
			String reason) {
		return this.entries.save(new AuditEntry(this.clock.instant(), actor.id(), actor.username(), action, via,
				subject.lotId(), subject.bidId(), subject.userId(), detail, reason));
	}

	/** A page of the log, newest first. */
	@Transactional(readOnly = true)
	Page<AuditEntry> page(int page) {
		return this.entries.findAllByOrderByIdDesc(PageRequest.of(Math.max(0, page), PAGE_SIZE));
	}

	@Transactional(readOnly = true)
	List<AuditEntry> ofLot(long lotId) {
		return this.entries.findByLotIdOrderByIdDesc(lotId);
	}

	/** The whole log, oldest first: for the export. */
	@Transactional(readOnly = true)
	List<AuditEntry> all() {
		return this.entries.findAllByOrderByIdAsc();
	}

}
