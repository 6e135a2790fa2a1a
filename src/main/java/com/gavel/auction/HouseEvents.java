package com.gavel.auction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Publishes committed lot events to this node, each lot's in sequence order with no gap, whichever
 * node committed them.
 * <p>
 * Alone on its database a node publishes what it commits, and that is all there is. Nodes that
 * share a database also learn that another node committed events of a lot (see
 * {@link LotsCommitted} and the cluster relay) and {@link #caughtUp publish} those from the event
 * log, which stays the source of truth, several lots' in one read; and before publishing an event
 * it committed itself, a node first publishes any earlier ones another node committed that it has
 * not published yet.
 */
@Component
public class HouseEvents {

	private static final Logger log = LoggerFactory.getLogger(HouseEvents.class);

	private static final int STRIPES = 256;

	/** How many lots' last published sequences a node keeps; a lot it forgot starts afresh. */
	private static final int REMEMBERED_LOTS = 100_000;

	/**
	 * Lots whose events this node committed, with the first and last sequence of each: told to
	 * the other nodes of the house, after the commit.
	 */
	public record LotsCommitted(Map<Long, long[]> sequences) {
	}

	private final ApplicationEventPublisher publisher;

	private final EventLog eventLog;

	private final boolean shared;

	private final Object[] stripes = new Object[STRIPES];

	/** The last sequence published on this node, per lot, while other nodes may write them too. */
	private final Map<Long, Long> published = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
			return size() > REMEMBERED_LOTS;
		}

	});

	HouseEvents(ApplicationEventPublisher publisher, EventLog eventLog, ClusterLotLocks cluster) {
		this.publisher = publisher;
		this.eventLog = eventLog;
		this.shared = cluster.shared();
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Object();
		}
	}

	/** Whether other nodes may commit events of the same lots. */
	public boolean shared() {
		return this.shared;
	}

	/** Publishes the events this node just committed (in the lot writer's turn, in order). */
	void committed(List<AuctionEvent> events) {
		if (events == null || events.isEmpty()) {
			return;
		}
		if (!this.shared) {
			events.forEach(this::publish);
			return;
		}
		Map<Long, long[]> sequences = new LinkedHashMap<>();
		for (AuctionEvent event : events) {
			synchronized (stripe(event.lotId())) {
				Long last = this.published.get(event.lotId());
				if (last != null && last < event.sequence() - 1) {
					publishFromLog(event.lotId(), last, event.sequence() - 1, this.eventLog::eventsBetween);
				}
				publish(event);
				this.published.merge(event.lotId(), event.sequence(), Math::max);
			}
			sequences.computeIfAbsent(event.lotId(), (lot) -> new long[] { event.sequence(), event.sequence() })[1] = event
				.sequence();
		}
		this.publisher.publishEvent(new LotsCommitted(sequences));
	}

	/**
	 * Other nodes committed events of these lots, {@code first} to {@code last} of each (as far as
	 * they told): publishes those this node has not published yet, read from the event log in one
	 * query for up to {@value EventLog#LOTS_PER_QUERY} lots. A lot this node has not published
	 * before starts at its {@code first}; its watchers here got its state from the database when
	 * they subscribed and resubscribe if they see a gap.
	 */
	public void caughtUp(Map<Long, long[]> firstAndLast, JdbcOperations connection) {
		Map<Long, long[]> missing = new LinkedHashMap<>();
		firstAndLast.forEach((lot, range) -> {
			long after = publishedBefore(lot, range[0]);
			if (range[1] > after) {
				missing.put(lot, new long[] { after + 1, range[1] });
			}
		});
		if (missing.isEmpty()) {
			return;
		}
		Map<Long, List<AuctionEvent>> read = this.eventLog.eventsBetween(connection, missing);
		missing.forEach((lot, range) -> {
			synchronized (stripe(lot)) {
				// This node may have published some of them since (its own commit fills the gap
				// before its own event first), never fewer unless it forgot the lot meanwhile.
				long after = publishedBefore(lot, range[0]);
				if (after < range[0] - 1) {
					publishFromLog(lot, after, range[1], (lots) -> this.eventLog.eventsBetween(connection, lots));
					return;
				}
				for (AuctionEvent event : read.getOrDefault(lot, List.of())) {
					if (event.sequence() > after) {
						publish(event);
						this.published.merge(lot, event.sequence(), Math::max);
					}
				}
			}
		});
	}

	/** The lot's last sequence published here, or the one before {@code first} if it forgot the lot. */
	private long publishedBefore(long lotId, long first) {
		Long last = this.published.get(lotId);
		return (last != null) ? last : Math.max(0, first - 1);
	}

	/**
	 * The periodic check that repairs a missed notice: the lot's last committed sequence is
	 * {@code through}. Publishes what this node missed of a lot it has published before; a lot
	 * it has not is only remembered from here on.
	 */
	public void repair(long lotId, long through, JdbcOperations connection) {
		synchronized (stripe(lotId)) {
			Long last = this.published.get(lotId);
			if (last == null) {
				this.published.put(lotId, through);
			}
			else if (through > last) {
				log.info("Lot {}: publishing events {} to {}, which no notice announced", lotId, last + 1, through);
				publishFromLog(lotId, last, through, (lots) -> this.eventLog.eventsBetween(connection, lots));
			}
		}
	}

	/** The last sequence of the lot this node published, if it remembers the lot. */
	public OptionalLong lastPublished(long lotId) {
		Long last = this.published.get(lotId);
		return (last != null) ? OptionalLong.of(last) : OptionalLong.empty();
	}

	/** Publishes the lot's events {@code after + 1} to {@code through} as {@code read} reads them. */
	private void publishFromLog(long lotId, long after, long through,
			Function<Map<Long, long[]>, Map<Long, List<AuctionEvent>>> read) {
		Map<Long, long[]> range = Map.of(lotId, new long[] { after + 1, through });
		for (AuctionEvent event : read.apply(range).getOrDefault(lotId, List.of())) {
			publish(event);
			this.published.merge(lotId, event.sequence(), Math::max);
		}
	}

	private void publish(AuctionEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// The change is committed; a failing listener must not make it look failed.
			log.error("A listener failed on event {} of lot {}", event.sequence(), event.lotId(), ex);
		}
	}

	private Object stripe(long lotId) {
		return this.stripes[Math.floorMod(Long.hashCode(lotId * 0x9E3779B97F4A7C15L), STRIPES)];
	}

}
