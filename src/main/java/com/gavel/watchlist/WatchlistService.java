package com.gavel.watchlist;

import java.time.Clock;
import java.util.List;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lots each user keeps an eye on. */
@Service
public class WatchlistService {

	private final WatchRepository watches;

	private final AuctionCatalog catalog;

	private final Clock clock;

	WatchlistService(WatchRepository watches, AuctionCatalog catalog, Clock clock) {
		this.watches = watches;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Adds a public lot to the user's watchlist; watching it twice changes nothing.
	 * @throws LotNotFoundException when there is no such public lot
	 */
	@Transactional
	public void watch(long userId, long lotId) {
		this.catalog.lot(lotId).orElseThrow(() -> new LotNotFoundException("no such lot"));
		if (!this.watches.existsByUserIdAndLotId(userId, lotId)) {
			this.watches.save(new Watch(userId, lotId, this.clock.instant()));
		}
	}

	@Transactional
	public void unwatch(long userId, long lotId) {
		this.watches.deleteById(new Watch.Key(userId, lotId));
	}

	@Transactional(readOnly = true)
	public boolean isWatching(long userId, long lotId) {
		return this.watches.existsByUserIdAndLotId(userId, lotId);
	}

	/** Who watches the lot. */
	@Transactional(readOnly = true)
	public List<Long> watchers(long lotId) {
		return this.watches.findUserIdsByLotId(lotId);
	}

	/** The user's watched lots that the public may still see, most recently watched first. */
	@Transactional(readOnly = true)
	public List<LotView> watched(long userId) {
		return this.watches.findByUserIdOrderByCreatedAtDesc(userId)
			.stream()
			.map((w) -> this.catalog.lot(w.getLotId()))
			.flatMap(java.util.Optional::stream)
			.toList();
	}

}
