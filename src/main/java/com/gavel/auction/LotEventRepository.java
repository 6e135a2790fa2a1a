package com.gavel.auction;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface LotEventRepository extends JpaRepository<LotEventEntry, Long>, JpaSpecificationExecutor<LotEventEntry> {

	/** An event's sequence and hash. */
	record EventHash(long sequence, String hash) {
	}

	List<LotEventEntry> findByLotIdAndSequenceGreaterThanOrderBySequenceAsc(long lotId, long sequence);

	long countByLotIdAndSequenceGreaterThan(long lotId, long sequence);

	List<LotEventEntry> findByLotIdAndSequenceBetweenOrderBySequenceAsc(long lotId, long first, long last);

	Optional<LotEventEntry> findByLotIdAndSequence(long lotId, long sequence);

	@Query("select new com.gavel.auction.LotEventRepository$EventHash(e.sequence, e.hash) from LotEventEntry e "
			+ "where e.lotId = :lotId")
	List<EventHash> findHashesByLotId(long lotId);

}
