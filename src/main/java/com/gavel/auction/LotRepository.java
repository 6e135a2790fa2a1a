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

	/** Open lots with a hammer called at {@code calledBy} or earlier that has not sold them yet. */
	@Query("select l.id from Lot l where l.status = com.gavel.auction.LotStatus.OPEN and l.hammerCalledAt <= :calledBy")
	List<Long> findHammersCalledBy(Instant calledBy);

	List<Lot> findByStatusAndEndsAtBetween(LotStatus status, Instant from, Instant to, Sort sort);

	@Query("select l.id from Lot l where l.status = com.gavel.auction.LotStatus.OPEN or l.status = com.gavel.auction.LotStatus.PAUSED")
	List<Long> findRunningIds();

	/** Every closed lot's last sequence and hash, by id: the head of the house. */
	@Query("select new com.gavel.auction.LedgerHead$ClosedLot(l.id, l.lastSequence, l.lastHash, l.closedAt) from Lot l "
			+ "where l.status = com.gavel.auction.LotStatus.CLOSED order by l.id")
	List<LedgerHead.ClosedLot> findClosedHeads();

	/** A lot of a sale, by its number. */
	interface Numbered {

		Long getId();

		Integer getLotNumber();

	}

	/** The sale's lots numbered above {@code after}, in lot-number order. */
	@Query("select l.id as id, l.lotNumber as lotNumber from Lot l where l.saleId = :saleId and l.lotNumber > :after order by l.lotNumber")
	List<Numbered> findLaterInSale(long saleId, int after);

	/** The sale's lots in lot-number order, drafts included. */
	List<Lot> findBySaleIdOrderByLotNumberAsc(long saleId);

	/** Lots outside any sale in the given statuses. */
	List<Lot> findBySaleIdIsNullAndStatusIn(Collection<LotStatus> statuses, Sort sort);

	long countBySaleId(long saleId);

}
