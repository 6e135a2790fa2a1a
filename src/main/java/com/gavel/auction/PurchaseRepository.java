package com.gavel.auction;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The lot queries behind {@link SalePurchases}: who bought what in which sale. */
interface PurchaseRepository extends Repository<Lot, Long> {

	/**
	 * The lots of any sale the user leads or led when they ended; {@link Lot#sold()} decides which
	 * of them the user bought.
	 */
	@Query("select l from Lot l where l.saleId is not null and l.leaderId = :buyerId order by l.saleId, l.lotNumber")
	List<Lot> findInSalesLedBy(long buyerId);

	/** The sales a lot of which closed (or was withdrawn) at {@code since} or later. */
	@Query("select distinct l.saleId from Lot l where l.saleId is not null and l.closedAt >= :since")
	List<Long> findSalesWithLotsEndedSince(Instant since);

	/** The sale's lot with the lowest id, which never changes once the sale has opened. */
	@Query("select min(l.id) from Lot l where l.saleId = :saleId")
	Long findFirstLotId(long saleId);

}
