package com.gavel.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEvent;
import com.gavel.auction.LotView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands every committed lot event to the sockets that watch the lot. The frame is serialized once
 * per event and shared; each socket gets it through its own outbox, so the bid that caused the
 * event never waits for any socket.
 * <p>
 * A new subscription is prepared off the fan-out threads (reading the snapshot or the missed
 * events, on the subscription threads), and only its hand-over runs on the lot's fan-out thread:
 * there the socket joins the lot's watchers and gets what was prepared, so that and the live
 * events that follow are in order. What changed between preparing and handing over is sent as a
 * snapshot of the newest state. So one socket's subscriptions cannot hold up the events of other
 * sockets, and a socket can have at most one preparation per lot it may watch queued.
 */
@Component
class LiveFanout {

	private static final Logger log = LoggerFactory.getLogger(LiveFanout.class);

	private final WatchedLots lots;

	private final SessionRegistry registry;

	private final AuctionCatalog catalog;

	private final MessageCodec codec;

	private final LiveMetrics metrics;

	private final LiveExecutors executors;

	private final int maxReplay;

	LiveFanout(WatchedLots lots, SessionRegistry registry, AuctionCatalog catalog, MessageCodec codec,
			LiveMetrics metrics, LiveExecutors executors, LiveProperties properties) {
		this.lots = lots;
		this.registry = registry;
		this.catalog = catalog;
		this.codec = codec;
		this.metrics = metrics;
		this.executors = executors;
		this.maxReplay = properties.maxReplay();
	}

	@EventListener
	void on(AuctionEvent event) {
		long handedOver = System.nanoTime();
		Stripe stripe = this.executors.stripe(event.lotId());
		if (!stripe.offer(() -> deliver(event, handedOver))) {
			// The lot's thread is too far behind to queue the event. Its state is kept, and every
			// watcher gets a snapshot of the newest state as soon as the thread gets to it: the
			// event itself is skipped, which the sequence numbers make visible and safe.
			this.lots.update(event.lot());
			this.metrics.fanoutRefused();
			stripe.soon(event.lotId(), () -> resync(event.lotId()));
		}
	}

	/** Prepares the lots a socket asked for; answers {@code busy} for those there is no room for. */
	void subscribe(LiveSession session, List<ClientMessage.LotCursor> cursors) {
		for (Subscriptions.Request request : session.subscriptions().request(cursors)) {
			try {
				this.executors.subscriptions().execute(() -> prepare(session, request));
			}
			catch (RejectedExecutionException ex) {
				session.subscriptions().cancel(request);
				busy(session, request.lotId());
			}
		}
	}

	void unsubscribe(LiveSession session, long lotId) {
		if (session.subscriptions().unsubscribe(lotId)) {
			session.forgetLot(lotId);
		}
	}

	private void deliver(AuctionEvent event, long handedOver) {
		try {
			this.lots.update(event.lot());
			List<LiveSession> watchers = List.copyOf(this.lots.watchers(event.lotId()));
			Frame frame = Frame.event(event.lotId(), event.sequence(), MessageCodec.eventFrame(event.json()),
					new FanoutTracker(handedOver, watchers.size(), this.metrics.fanoutLatency()));
			handOut(event.lotId(), frame, watchers);
			this.metrics.eventFannedOut();
			if (event.outbidUserId() != null) {
				String outbid = this.codec.write(new ServerMessage.Outbid("outbid", event.lotId(), event.sequence(),
						event.lot().price(), event.lot().leader()));
				for (LiveSession session : this.registry.ofUser(event.outbidUserId())) {
					session.send(Frame.direct(outbid));
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Fan-out of event {} of lot {} failed", event.sequence(), event.lotId(), ex);
		}
	}

	/**
	 * Offers one event to its watchers, spread over every fan-out thread: each socket's frame is
	 * offered by its shard's stripe, the one that offers all its event frames, so a hot lot's
	 * watchers are served by as many threads as there are stripes while every socket still gets a
	 * lot's events in sequence order. A shard whose stripe has no room gets a snapshot marker of
	 * the lot instead, offered at once: the newest state, once its outbox gets to it (the
	 * sequence numbers make the late event harmless, and it is skipped).
	 */
	private void handOut(long lotId, Frame frame, List<LiveSession> watchers) {
		int count = this.executors.stripeCount();
		int home = this.executors.home(lotId);
		List<List<LiveSession>> shards = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			shards.add(new ArrayList<>());
		}
		for (LiveSession session : watchers) {
			shards.get(this.executors.shardOf(session)).add(session);
		}
		for (int i = 0; i < count; i++) {
			List<LiveSession> shard = shards.get(i);
			if (i == home || shard.isEmpty()) {
				continue;
			}
			if (!this.executors.stripeAt(i).offer(() -> sendAll(shard, frame))) {
				this.metrics.fanoutRefused();
				for (LiveSession session : shard) {
					frame.finished();
					session.send(Frame.snapshotMarker(lotId));
				}
			}
		}
		sendAll(shards.get(home), frame);
	}

	private static void sendAll(List<LiveSession> sessions, Frame frame) {
		for (LiveSession session : sessions) {
			session.send(frame);
		}
	}

	private void resync(long lotId) {
		for (LiveSession session : List.copyOf(this.lots.watchers(lotId))) {
			session.send(Frame.snapshotMarker(lotId));
		}
	}

	/** On a subscription thread: reads what the socket needs, then queues the hand-over. */
	private void prepare(LiveSession session, Subscriptions.Request request) {
		long lotId = request.lotId();
		try {
			LotView view = this.lots.latest(lotId);
			if (view == null || (request.after() != null && request.after() > view.sequence())) {
				// The client has seen more than this node has published: another node of the house
				// committed it and its notice is on its way (or died with that node). The database
				// has it, so the client is brought forward, never back.
				view = this.catalog.lot(lotId).orElse(view);
			}
			if (view == null) {
				session.subscriptions().cancel(request);
				error(session, "not-found", "there is no lot " + lotId);
				return;
			}
			if (session.signedIn() && session.aliasOn(lotId) == null) {
				this.catalog.aliasOf(lotId, session.userId()).ifPresent((alias) -> session.rememberAlias(lotId, alias));
			}
			List<String> missed = missed(lotId, request.after(), view);
			String snapshot = (missed != null) ? null : session.snapshotText(view);
			LotView seen = view;
			if (!this.executors.stripe(lotId).offer(() -> handOver(session, request, seen, missed, snapshot))) {
				session.subscriptions().cancel(request);
				busy(session, lotId);
			}
		}
		catch (RuntimeException ex) {
			log.error("Preparing lot {} for socket {} failed", lotId, session.id(), ex);
			session.subscriptions().cancel(request);
			error(session, "server-error", "lot " + lotId + " could not be subscribed to; try again");
		}
	}

	/** The events after {@code after}, when the client said and a replay is cheaper than a snapshot. */
	private List<String> missed(long lotId, Long after, LotView view) {
		if (after == null || after > view.sequence() || view.sequence() - after > this.maxReplay) {
			return null;
		}
		Optional<List<String>> missed = this.catalog.eventsAfter(lotId, after, this.maxReplay);
		return missed.orElse(null);
	}

	/** On the lot's fan-out thread: the socket joins the lot's watchers and gets what it missed. */
	private void handOver(LiveSession session, Subscriptions.Request request, LotView seen, List<String> missed,
			String snapshot) {
		try {
			if (!session.subscriptions().handOver(request, seen)) {
				return;
			}
			long lotId = request.lotId();
			long through;
			if (missed != null) {
				session.resetLot(lotId, request.after());
				long seq = request.after();
				for (String payload : missed) {
					session.send(Frame.event(lotId, ++seq, MessageCodec.eventFrame(payload), null));
				}
				through = seq;
			}
			else {
				session.resetLot(lotId, 0);
				session.send(Frame.snapshot(lotId, seen.sequence(), snapshot));
				through = seen.sequence();
			}
			// Events delivered while this was prepared did not reach the socket: a snapshot of
			// the newest state covers them.
			LotView newest = this.lots.latest(lotId);
			if (newest != null && newest.sequence() > through) {
				session.send(Frame.snapshotMarker(lotId));
			}
		}
		catch (RuntimeException ex) {
			log.error("Handing lot {} over to socket {} failed", request.lotId(), session.id(), ex);
		}
	}

	private void busy(LiveSession session, long lotId) {
		error(session, "busy", "the server is busy; subscribe to lot " + lotId + " again in a moment");
	}

	private void error(LiveSession session, String code, String message) {
		session.send(Frame.direct(this.codec.write(new ServerMessage.Error("error", code, message))));
	}

}
