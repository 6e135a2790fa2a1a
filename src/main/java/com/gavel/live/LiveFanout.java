package com.gavel.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * event never waits for any socket. Subscriptions of a lot are handled on the same thread as its
 * events, so a new watcher's snapshot or replay and the live events that follow are in order.
 */
@Component
class LiveFanout {

	private static final Logger log = LoggerFactory.getLogger(LiveFanout.class);

	private final SessionRegistry registry;

	private final AuctionCatalog catalog;

	private final MessageCodec codec;

	private final LiveMetrics metrics;

	private final LiveExecutors executors;

	private final int maxReplay;

	/** The newest state of each lot that has watchers, as the latest event left it. */
	private final Map<Long, LotView> latest = new ConcurrentHashMap<>();

	LiveFanout(SessionRegistry registry, AuctionCatalog catalog, MessageCodec codec, LiveMetrics metrics,
			LiveExecutors executors, LiveProperties properties) {
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
		this.executors.stripe(event.lotId()).execute(() -> deliver(event, handedOver));
	}

	LotView latest(long lotId) {
		return this.latest.get(lotId);
	}

	void subscribe(LiveSession session, ClientMessage.LotCursor cursor) {
		this.executors.stripe(cursor.id()).execute(() -> guarded(() -> doSubscribe(session, cursor)));
	}

	void unsubscribe(LiveSession session, long lotId) {
		this.executors.stripe(lotId).execute(() -> guarded(() -> {
			this.registry.unsubscribe(session, lotId);
			session.resetLot(lotId, 0);
		}));
	}

	private void deliver(AuctionEvent event, long handedOver) {
		try {
			this.latest.computeIfPresent(event.lotId(),
					(id, known) -> event.lot().sequence() > known.sequence() ? event.lot() : known);
			String text = MessageCodec.eventFrame(event.json());
			List<LiveSession> watchers = List.copyOf(this.registry.watchers(event.lotId()));
			FanoutTracker tracker = new FanoutTracker(handedOver, watchers.size(), this.metrics.fanoutLatency());
			for (LiveSession session : watchers) {
				session.send(Frame.event(event.lotId(), event.sequence(), text, tracker));
			}
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

	private void doSubscribe(LiveSession session, ClientMessage.LotCursor cursor) {
		long lotId = cursor.id();
		LotView view = this.latest.computeIfAbsent(lotId, (id) -> this.catalog.lot(id).orElse(null));
		if (view == null) {
			session.send(Frame.direct(
					this.codec.write(new ServerMessage.Error("error", "not-found", "there is no lot " + lotId))));
			return;
		}
		this.registry.subscribe(session, lotId);
		Long after = cursor.after();
		if (after != null && after <= view.sequence() && view.sequence() - after <= this.maxReplay) {
			Optional<List<String>> missed = this.catalog.eventsAfter(lotId, after, this.maxReplay);
			if (missed.isPresent()) {
				session.resetLot(lotId, after);
				long seq = after;
				for (String payload : missed.get()) {
					session.send(Frame.event(lotId, ++seq, MessageCodec.eventFrame(payload), null));
				}
				return;
			}
		}
		session.resetLot(lotId, 0);
		session.send(Frame.snapshot(lotId, view.sequence(), session.snapshotText(view)));
	}

	private static void guarded(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.error("Live subscription work failed", ex);
		}
	}

}
