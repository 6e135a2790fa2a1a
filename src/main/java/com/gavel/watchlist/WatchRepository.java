package com.gavel.watchlist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WatchRepository extends JpaRepository<Watch, Watch.Key> {

	List<Watch> findByUserIdOrderByCreatedAtDesc(long userId);

	boolean existsByUserIdAndLotId(long userId, long lotId);

}
