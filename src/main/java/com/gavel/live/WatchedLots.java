package com.gavel.live;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.gavel.auction.LotView;

import org.springframework.stereotype.Component;

/**
 * Per lot: the sockets that watch it, how many sockets are about to (their snapshot or replay is
 * being prepared), and the lot's newest state as the latest event left it. A lot is known only
 * while some socket watches it or is about to, so the cache of states forgets a lot as soon as
 * nobody watches it. Each lot's entry changes atomically (one {@code compute} of the map per
 * change); the counts are exact because every change follows a socket's own
 * {@link Subscriptions}, under that socket's monitor.
 */
@Component
class WatchedLots {

	private static final class Lot {

		final Set<LiveSession> watchers = ConcurrentHashMap.newKeySet();

		/** Sockets whose subscription is being prepared; changed only inside the map's compute. */
		int expected;

		volatile LotView latest;

		boolean idle() {
			return this.watchers.isEmpty() && this.expected == 0;
		}

	}

	private final Map<Long, Lot> lots = new ConcurrentHashMap<>();

	/** A socket is about to watch the lot: from now on its events keep the cached state fresh. */
	void expect(long lotId) {
		this.lots.compute(lotId, (id, lot) -> {
			Lot known = (lot != null) ? lot : new Lot();
			known.expected++;
			return known;
		});
	}

	/** A socket that was about to watch the lot will not. */
	void unexpect(long lotId) {
		this.lots.computeIfPresent(lotId, (id, lot) -> {
			lot.expected--;
			return lot.idle() ? null : lot;
		});
	}

	/** A socket that was about to watch the lot now does; {@code seen} is the state it was sent. */
	void watch(long lotId, LiveSession session, LotView seen) {
		this.lots.computeIfPresent(lotId, (id, lot) -> {
			lot.expected--;
			lot.watchers.add(session);
			lot.latest = newer(lot.latest, seen);
			return lot;
		});
	}

	void unwatch(long lotId, LiveSession session) {
		this.lots.computeIfPresent(lotId, (id, lot) -> {
			lot.watchers.remove(session);
			return lot.idle() ? null : lot;
		});
	}

	/** Keeps the state if it is newer than the one cached; a lot nobody watches is not cached. */
	void update(LotView view) {
		this.lots.computeIfPresent(view.id(), (id, lot) -> {
			lot.latest = newer(lot.latest, view);
			return lot;
		});
	}

	/** The newest known state of a watched lot, or {@code null}. */
	LotView latest(long lotId) {
		Lot lot = this.lots.get(lotId);
		return (lot != null) ? lot.latest : null;
	}

	Collection<LiveSession> watchers(long lotId) {
		Lot lot = this.lots.get(lotId);
		return (lot != null) ? lot.watchers : Set.of();
	}

	/** Lots known: watched, or about to be. */
	int size() {
		return this.lots.size();
	}

	int subscriptionCount() {
		return this.lots.values().stream().mapToInt((lot) -> lot.watchers.size()).sum();
	}

	Map<Long, Integer> watcherCounts() {
		return this.lots.entrySet()
			.stream()
			.filter((e) -> !e.getValue().watchers.isEmpty())
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().watchers.size()));
	}

	private static LotView newer(LotView known, LotView offered) {
		if (known == null) {
			return offered;
		}
		return (offered != null && offered.sequence() > known.sequence()) ? offered : known;
	}

}
