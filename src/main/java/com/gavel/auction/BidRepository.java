package com.gavel.auction;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BidRepository extends JpaRepository<Bid, Long> {

	Optional<Bid> findByBidderIdAndRequestId(long bidderId, String requestId);

	List<Bid> findByLotIdAndStatusInOrderByIdAsc(long lotId, List<Bid.Status> statuses);

	List<Bid> findByLotIdAndStatusOrderByIdAsc(long lotId, Bid.Status status);

	List<Bid> findByLotIdOrderByIdAsc(long lotId);

	List<Bid> findByBidderIdAndStatusOrderByIdDesc(long bidderId, Bid.Status status);

	Optional<Bid> findByLotIdAndSequence(long lotId, long sequence);

	List<Bid> findByBidderIdAndStatusInOrderByIdDesc(long bidderId, List<Bid.Status> statuses);

	/** The sequence of the bidder's last bid on the lot that was announced before {@code before}. */
	@Query("select max(b.sequence) from Bid b where b.lotId = :lotId and b.bidderId = :bidderId and b.sequence < :before")
	Long findLastSequenceBefore(long lotId, long bidderId, long before);

}
