package com.gavel.auction;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LotBidderRepository extends JpaRepository<LotBidder, LotBidder.Key> {

	Optional<LotBidder> findByLotIdAndUserId(long lotId, long userId);

	Optional<LotBidder> findByLotIdAndAliasNumber(long lotId, int aliasNumber);

}
