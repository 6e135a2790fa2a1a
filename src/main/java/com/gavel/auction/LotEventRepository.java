package com.gavel.auction;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LotEventRepository extends JpaRepository<LotEventEntry, Long> {

	List<LotEventEntry> findByLotIdAndSequenceGreaterThanOrderBySequenceAsc(long lotId, long sequence);

	long countByLotIdAndSequenceGreaterThan(long lotId, long sequence);

}
