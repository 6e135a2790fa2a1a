package com.gavel.watchlist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WatchRepository extends JpaRepository<Watch, Watch.Key> {

	List<Watch> findByUserIdOrderByCreatedAtDesc(long userId);

	boolean existsByUserIdAndLotId(long userId, long lotId);

	@Query("select w.userId from Watch w where w.lotId = :lotId order by w.userId")
	List<Long> findUserIdsByLotId(long lotId);

}
