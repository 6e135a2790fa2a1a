package com.gavel.watchlist;

import java.time.Clock;
import java.util.List;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lots each user keeps an eye on. */
@Service
public class WatchlistService {

	private final WatchRepository watches;

	private final AuctionCatalog catalog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	WatchlistService(WatchRepository watches, AuctionCatalog catalog, Clock clock, ApplicationEventPublisher events) {
		this.watches = watches;
		this.catalog = catalog;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Adds a public lot to the user's watchlist; watching it twice changes nothing. A change is
	 * published as {@link WatchlistChanged}, so the user's open pages can follow it.
	 * @throws LotNotFoundException when there is no such public lot
	 */
	@Transactional
	public void watch(long userId, long lotId) {
		this.catalog.lot(lotId).orElseThrow(() -> new LotNotFoundException("no such lot"));
		if (!this.watches.existsByUserIdAndLotId(userId, lotId)) {
			this.watches.save(new Watch(userId, lotId, this.clock.instant()));
			this.events.publishEvent(new WatchlistChanged(userId, lotId, true));
		}
	}

	/** Takes a lot off the user's watchlist (published as {@link WatchlistChanged} if it was on it). */
	@Transactional
	public void unwatch(long userId, long lotId) {
		Watch.Key key = new Watch.Key(userId, lotId);
		if (this.watches.existsById(key)) {
			this.watches.deleteById(key);
			this.events.publishEvent(new WatchlistChanged(userId, lotId, false));
		}
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
