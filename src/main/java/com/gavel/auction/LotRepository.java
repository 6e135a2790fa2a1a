package com.gavel.auction;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LotRepository extends JpaRepository<Lot, Long> {

	List<Lot> findByStatusIn(Collection<LotStatus> statuses, Sort sort);

	@Query("select l.id from Lot l where l.status = com.gavel.auction.LotStatus.SCHEDULED and l.startsAt <= :now")
	List<Long> findDueToOpen(Instant now);

	@Query("select l.id from Lot l where l.status = com.gavel.auction.LotStatus.OPEN and l.endsAt <= :now")
	List<Long> findDueToClose(Instant now);

	List<Lot> findByStatusAndEndsAtBetween(LotStatus status, Instant from, Instant to, Sort sort);

	@Query("select l.id from Lot l where l.status = com.gavel.auction.LotStatus.OPEN or l.status = com.gavel.auction.LotStatus.PAUSED")
	List<Long> findRunningIds();

	/** Every closed lot's last sequence and hash, by id: the head of the house. */
	@Query("select new com.gavel.auction.LedgerHead$ClosedLot(l.id, l.lastSequence, l.lastHash, l.closedAt) from Lot l "
			+ "where l.status = com.gavel.auction.LotStatus.CLOSED order by l.id")
	List<LedgerHead.ClosedLot> findClosedHeads();

}
