package com.gavel.auction;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SaleRepository extends JpaRepository<Sale, Long> {

	List<Sale> findByStatusIn(Collection<SaleStatus> statuses, Sort sort);

	/** Scheduled sales whose start has come are open (their lots open by themselves). */
	@Modifying
	@Query("update Sale s set s.status = com.gavel.auction.SaleStatus.OPEN, s.version = s.version + 1"
			+ " where s.status = com.gavel.auction.SaleStatus.SCHEDULED and s.startsAt <= :now")
	int openStarted(Instant now);

	/**
	 * Open sales none of whose lots is still to run are closed. A draft lot counts as still to run:
	 * while a sale is being scheduled its lots turn from drafts into scheduled lots one by one.
	 */
	@Modifying
	@Query("update Sale s set s.status = com.gavel.auction.SaleStatus.CLOSED, s.version = s.version + 1"
			+ " where s.status = com.gavel.auction.SaleStatus.OPEN and not exists (select l.id from Lot l"
			+ " where l.saleId = s.id and l.status in (com.gavel.auction.LotStatus.DRAFT, com.gavel.auction.LotStatus.SCHEDULED,"
			+ " com.gavel.auction.LotStatus.OPEN, com.gavel.auction.LotStatus.PAUSED))")
	int closeFinished();

}
