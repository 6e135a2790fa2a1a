package com.gavel.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.gavel.auction.LotView;

/**
 * One socket's lots: those it watches, and those whose snapshot or replay is being prepared off
 * the fan-out threads. Every change happens under this object's monitor together with the
 * matching change in {@link WatchedLots}, which is what keeps a closed socket out of every
 * watcher list: {@link #handOver} adds the socket to a lot's watchers only while it holds the
 * monitor and only if {@link #close} has not run; {@code close} takes the same monitor and
 * removes the socket from every lot it watches by then. Whichever of the two comes first, the
 * other sees its effect, so no interleaving leaves a closed socket watching.
 */
final class Subscriptions {

	/**
	 * A lot's snapshot or replay in preparation. Compared by identity: only the request a lot
	 * currently has may be handed over, so one that was overtaken by an unsubscribe (or by an
	 * unsubscribe and a new subscribe) is dropped.
	 */
	static final class Request {

		private final long lotId;

		private final Long after;

		private final boolean replay;

		private Request(long lotId, Long after, boolean replay) {
			this.lotId = lotId;
			this.after = after;
			this.replay = replay;
		}

		long lotId() {
			return this.lotId;
		}

		/** The last sequence the client has, if it said. */
		Long after() {
			return this.after;
		}

		/** Whether the socket already watches the lot and asks only for what it missed. */
		boolean replay() {
			return this.replay;
		}

	}

	private final LiveSession session;

	private final WatchedLots lots;

	private final int max;

	/** Lots watched; read without the monitor when frames are rendered. */
	private final Set<Long> watching = ConcurrentHashMap.newKeySet();

	private final Map<Long, Request> preparing = new HashMap<>();

	private boolean closed;

	Subscriptions(LiveSession session, WatchedLots lots, int max) {
		this.session = session;
		this.lots = lots;
		this.max = max;
	}

	/**
	 * What to prepare for a {@code subscribe}: nothing for a lot already watched (unless the
	 * client asks with {@code after} for events it missed) or already being prepared.
	 * @throws BadMessageException when the socket would watch more than its maximum
	 */
	synchronized List<Request> request(List<ClientMessage.LotCursor> cursors) {
		if (this.closed) {
			return List.of();
		}
		long fresh = cursors.stream()
			.map(ClientMessage.LotCursor::id)
			.distinct()
			.filter((id) -> !this.watching.contains(id) && !this.preparing.containsKey(id))
			.count();
		if (count() + fresh > this.max) {
			throw new BadMessageException("too-many-subscriptions",
					"a socket may watch at most " + this.max + " lots");
		}
		List<Request> requests = new ArrayList<>();
		for (ClientMessage.LotCursor cursor : cursors) {
			long lotId = cursor.id();
			if (this.preparing.containsKey(lotId)) {
				continue;
			}
			Request request;
			if (this.watching.contains(lotId)) {
				LotView latest = this.lots.latest(lotId);
				if (cursor.after() == null || (latest != null && cursor.after() == latest.sequence())) {
					continue;
				}
				request = new Request(lotId, cursor.after(), true);
			}
			else {
				request = new Request(lotId, cursor.after(), false);
				this.lots.expect(lotId);
			}
			this.preparing.put(lotId, request);
			requests.add(request);
		}
		return requests;
	}

	/**
	 * Makes a prepared request take effect: the socket now watches the lot (whose state it was
	 * sent as {@code seen}). False when the socket closed, unsubscribed or asked anew meanwhile:
	 * then nothing changes and nothing must be sent.
	 */
	synchronized boolean handOver(Request request, LotView seen) {
		if (this.closed || this.preparing.get(request.lotId) != request) {
			return false;
		}
		this.preparing.remove(request.lotId);
		if (!request.replay) {
			this.watching.add(request.lotId);
			this.lots.watch(request.lotId, this.session, seen);
		}
		return true;
	}

	/** Gives up a prepared request (no such lot, no room to prepare it). */
	synchronized void cancel(Request request) {
		if (this.preparing.get(request.lotId) != request) {
			return;
		}
		this.preparing.remove(request.lotId);
		if (!request.replay) {
			this.lots.unexpect(request.lotId);
		}
	}

	/** Stops watching the lot, or preparing it; false when the socket had neither. */
	synchronized boolean unsubscribe(long lotId) {
		Request request = this.preparing.remove(lotId);
		if (request != null && !request.replay) {
			this.lots.unexpect(lotId);
		}
		if (this.watching.remove(lotId)) {
			this.lots.unwatch(lotId, this.session);
			return true;
		}
		return request != null;
	}

	/** The socket is gone: it watches nothing from now on and can never watch again. */
	synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (Request request : this.preparing.values()) {
			if (!request.replay) {
				this.lots.unexpect(request.lotId);
			}
		}
		this.preparing.clear();
		for (long lotId : this.watching) {
			this.lots.unwatch(lotId, this.session);
		}
		this.watching.clear();
	}

	boolean watches(long lotId) {
		return this.watching.contains(lotId);
	}

	/** Lots watched or being prepared. */
	synchronized int count() {
		int count = this.watching.size();
		for (Request request : this.preparing.values()) {
			if (!request.replay) {
				count++;
			}
		}
		return count;
	}

}
