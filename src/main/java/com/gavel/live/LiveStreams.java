package com.gavel.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEvent;
import com.gavel.auction.LotView;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event streams ({@code GET /api/lots/stream}): which are open and from where (within the
 * node's limit and the cap per address), which lots each follows, and handing every committed lot
 * event to the streams that follow the lot. The WebSocket's fan-out is untouched by them: events
 * reach the streams through a delivery thread of their own, with a bounded queue, and each stream
 * writes without blocking ({@link LiveStream}).
 * <p>
 * A stream is registered for its lots before their state is read to catch it up, so nothing
 * committed in between is missed; what arrives twice is skipped by sequence ({@link StreamQueue}).
 */
@Component
class LiveStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	/** Why a stream was not opened. */
	enum Refusal {

		NODE_FULL, ADDRESS_CAP

	}

	private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();

	private final Map<Long, Set<LiveStream>> byLot = new ConcurrentHashMap<>();

	/** Streams per client address, counted with {@link #open}; guarded by this object's monitor. */
	private final Map<String, Integer> byAddress = new HashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	private final AuctionCatalog catalog;

	private final MessageCodec codec;

	private final LiveStreamProperties properties;

	private final int maxReplay;

	private final Stripe delivery;

	/** The house clock: a stream's hello and heartbeats tell the page its time, as the socket's pong does. */
	private final Clock clock;

	private volatile boolean running;

	LiveStreams(AuctionCatalog catalog, MessageCodec codec, LiveStreamProperties properties,
			LiveProperties live, MeterRegistry meters, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
		this.codec = codec;
		this.properties = properties;
		this.maxReplay = live.maxReplay();
		this.delivery = new Stripe(Math.max(1, properties.deliveryQueue()), (task) -> {
			Thread t = new Thread(task, "live-stream-delivery");
			t.setDaemon(true);
			return t;
		});
		Gauge.builder("gavel.live.streams", this.count, AtomicInteger::get)
			.description("Open event streams (the fallback for clients without a WebSocket)")
			.register(meters);
	}

	/** Counts a stream from this address in, or says why not. */
	synchronized Optional<Refusal> admit(String address) {
		if (!this.running || this.count.get() >= this.properties.maxStreams()) {
			return Optional.of(Refusal.NODE_FULL);
		}
		if (this.byAddress.getOrDefault(address, 0) >= this.properties.maxStreamsPerAddress()) {
			return Optional.of(Refusal.ADDRESS_CAP);
		}
		this.byAddress.merge(address, 1, Integer::sum);
		this.count.incrementAndGet();
		return Optional.empty();
	}

	/**
	 * Opens an admitted stream on a started async request: registers it for its lots, then sends
	 * it {@code hello} and, per lot, the events after its cursor or a snapshot.
	 */
	void open(AsyncContext async, ServletOutputStream out, String address, List<Long> lots, Map<Long, Long> cursor) {
		StreamQueue queue = new StreamQueue(Math.max(2, this.properties.queueCapacity()), this::snapshotText);
		LiveStream stream = new LiveStream(async, out, queue, address, lots, this::closed);
		this.streams.add(stream);
		for (long lotId : lots) {
			// In one step with the lot's entry: a stream closing meanwhile drops the entry once its
			// set is empty, and a stream added outside that step would land in a set no longer mapped.
			this.byLot.compute(lotId, (id, set) -> {
				Set<LiveStream> following = (set != null) ? set : ConcurrentHashMap.newKeySet();
				following.add(stream);
				return following;
			});
		}
		List<StreamQueue.Item> first;
		try {
			first = catchUp(stream, lots, cursor);
		}
		catch (RuntimeException ex) {
			log.error("Opening an event stream for {} failed", address, ex);
			stream.close();
			return;
		}
		stream.start(first);
	}

	private List<StreamQueue.Item> catchUp(LiveStream stream, List<Long> lots, Map<Long, Long> cursor) {
		List<StreamQueue.Item> first = new ArrayList<>();
		first.add(new StreamQueue.Direct(this.codec
			.write(new ServerMessage.Hello("hello", LiveHandler.PROTOCOL, null, false, this.clock.millis()))));
		// Half the queue at most goes to catching up, the rest stays free for what happens meanwhile.
		int budget = Math.max(1, this.properties.queueCapacity() / 2) - lots.size();
		for (long lotId : lots) {
			Optional<LotView> found = this.catalog.lot(lotId);
			if (found.isEmpty()) {
				forget(stream, lotId);
				first.add(new StreamQueue.Direct(
						this.codec.write(new ServerMessage.Error("error", "not-found", "there is no lot " + lotId))));
				continue;
			}
			LotView view = found.get();
			Long after = cursor.get(lotId);
			List<String> missed = null;
			long behind = (after == null) ? Long.MAX_VALUE : view.sequence() - after;
			if (behind >= 0 && behind <= Math.min(this.maxReplay, budget)) {
				missed = this.catalog.eventsAfter(lotId, after, this.maxReplay).orElse(null);
			}
			if (missed != null) {
				stream.follow(lotId, after);
				long seq = after;
				for (String payload : missed) {
					first.add(new StreamQueue.Event(lotId, ++seq, MessageCodec.eventFrame(payload), null));
				}
				budget -= missed.size();
			}
			else {
				stream.follow(lotId, 0);
				first.add(new StreamQueue.Snapshot(view));
			}
		}
		return first;
	}

	private String snapshotText(LotView view) {
		return this.codec.write(new ServerMessage.Snapshot("snapshot", view, null));
	}

	@EventListener
	void on(AuctionEvent event) {
		if (!this.byLot.containsKey(event.lotId())) {
			return;
		}
		if (!this.delivery.offer(() -> deliver(event))) {
			// The delivery thread is too far behind: the lot's streams get its newest state instead.
			LotView newest = event.lot();
			this.delivery.soon(event.lotId(), () -> offer(newest.id(), new StreamQueue.Snapshot(newest)));
		}
	}

	private void deliver(AuctionEvent event) {
		String text = MessageCodec.eventFrame(event.json());
		offer(event.lotId(), new StreamQueue.Event(event.lotId(), event.sequence(), text, event.lot()));
	}

	private void offer(long lotId, StreamQueue.Item item) {
		Set<LiveStream> following = this.byLot.get(lotId);
		if (following == null) {
			return;
		}
		for (LiveStream stream : following) {
			try {
				stream.offer(item);
			}
			catch (RuntimeException ex) {
				log.debug("Handing an event to the stream of {} failed: {}", stream.address(), ex.getMessage());
				stream.close();
			}
		}
	}

	/** Keeps idle streams visibly alive and drops those whose reader stopped taking data. */
	@Scheduled(fixedDelayString = "${gavel.live.stream.heartbeat:15s}")
	void sweep() {
		String heartbeat = "{\"type\":\"heartbeat\",\"serverTime\":" + this.clock.millis() + "}";
		long now = System.nanoTime();
		long timeout = this.properties.sendTimeout().toNanos();
		for (LiveStream stream : this.streams) {
			if (!stream.heartbeat(heartbeat, now, timeout)) {
				log.debug("Closing the event stream of {}: it took nothing for {}", stream.address(),
						this.properties.sendTimeout());
				stream.close();
			}
		}
	}

	int count() {
		return this.count.get();
	}

	private void forget(LiveStream stream, long lotId) {
		this.byLot.computeIfPresent(lotId, (id, set) -> {
			set.remove(stream);
			return set.isEmpty() ? null : set;
		});
	}

	private void closed(LiveStream stream) {
		if (!this.streams.remove(stream)) {
			return;
		}
		for (long lotId : stream.lots()) {
			forget(stream, lotId);
		}
		synchronized (this) {
			this.byAddress.computeIfPresent(stream.address(), (k, n) -> (n > 1) ? n - 1 : null);
			this.count.decrementAndGet();
		}
	}

	/** Gives back the admission of a stream that was refused or failed before it opened. */
	synchronized void release(String address) {
		this.byAddress.computeIfPresent(address, (k, n) -> (n > 1) ? n - 1 : null);
		this.count.decrementAndGet();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server stops: clients reconnect, to another node or to this
	 * one once it is back.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (LiveStream stream : List.copyOf(this.streams)) {
			stream.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
