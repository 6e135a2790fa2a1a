package com.gavel.live;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEvent;
import com.gavel.auction.LotEventType;
import com.gavel.auction.LotStatus;
import com.gavel.auction.LotView;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live operations feed for admins: every couple of seconds, one {@code ops} message with the
 * state of the house, sent to the admin sockets that asked for it.
 */
@Component
class OpsFeed {

	private static final int MINUTES = 30;

	private static final int CLOSING_NEXT = 5;

	private final SessionRegistry registry;

	private final LiveMetrics metrics;

	private final WatchedLots lots;

	private final AuctionCatalog catalog;

	private final MessageCodec codec;

	private final Clock clock;

	/** Accepted bids per minute (start of the minute, server time), the last half hour. */
	private final ConcurrentSkipListMap<Instant, AtomicLong> bidsPerMinute = new ConcurrentSkipListMap<>();

	private final AtomicLong extensions = new AtomicLong();

	OpsFeed(SessionRegistry registry, LiveMetrics metrics, WatchedLots lots, AuctionCatalog catalog,
			MessageCodec codec, Clock clock) {
		this.registry = registry;
		this.metrics = metrics;
		this.lots = lots;
		this.catalog = catalog;
		this.codec = codec;
		this.clock = clock;
	}

	record LotWatchers(long lot, String title, int watchers) {
	}

	record MinuteBids(Instant minute, long bids) {
	}

	record Closing(long lot, String title, Instant endsAt) {
	}

	record Ops(String type, Instant at, int connections, int subscriptions, List<LotWatchers> watchers,
			List<MinuteBids> bidsPerMinute, double fanoutP50Ms, double fanoutP99Ms, Map<String, Long> rejected,
			long extensions, long snapshots, List<Closing> closingNext) {
	}

	@EventListener
	void on(AuctionEvent event) {
		if (event.type() == LotEventType.BID) {
			Instant minute = event.at().truncatedTo(ChronoUnit.MINUTES);
			this.bidsPerMinute.computeIfAbsent(minute, (m) -> new AtomicLong()).incrementAndGet();
			this.bidsPerMinute.headMap(minute.minus(MINUTES, ChronoUnit.MINUTES)).clear();
		}
		else if (event.type() == LotEventType.EXTENDED) {
			this.extensions.incrementAndGet();
		}
	}

	@Scheduled(fixedDelayString = "${gavel.live.ops-interval:2s}")
	void publish() {
		List<LiveSession> admins = this.registry.all().stream().filter(LiveSession::watchingOps).toList();
		if (admins.isEmpty()) {
			return;
		}
		Frame frame = Frame.direct(this.codec.write(snapshot()));
		admins.forEach((s) -> s.send(frame));
	}

	void sendNow(LiveSession admin) {
		admin.send(Frame.direct(this.codec.write(snapshot())));
	}

	Ops snapshot() {
		Instant now = this.clock.instant();
		List<LotWatchers> watchers = new ArrayList<>();
		this.lots.watcherCounts().forEach((lot, count) -> {
			LotView view = this.lots.latest(lot);
			watchers.add(new LotWatchers(lot, view != null ? view.title() : null, count));
		});
		watchers.sort(Comparator.comparingInt(LotWatchers::watchers).reversed());

		List<MinuteBids> minutes = new ArrayList<>();
		Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
		for (int i = MINUTES - 1; i >= 0; i--) {
			Instant minute = thisMinute.minus(i, ChronoUnit.MINUTES);
			AtomicLong count = this.bidsPerMinute.get(minute);
			minutes.add(new MinuteBids(minute, count == null ? 0 : count.get()));
		}

		double p50 = 0;
		double p99 = 0;
		HistogramSnapshot latency = this.metrics.fanoutLatency().takeSnapshot();
		for (ValueAtPercentile v : latency.percentileValues()) {
			if (v.percentile() == 0.5) {
				p50 = v.value(TimeUnit.MILLISECONDS);
			}
			else if (v.percentile() == 0.99) {
				p99 = v.value(TimeUnit.MILLISECONDS);
			}
		}

		Map<String, Long> rejected = new LinkedHashMap<>();
		for (Counter c : this.metrics.registry().find("gavel.bids.rejected").counters()) {
			rejected.merge(c.getId().getTag("reason"), (long) c.count(), Long::sum);
		}

		List<Closing> closing = this.catalog.lots(EnumSet.of(LotStatus.OPEN))
			.stream()
			.limit(CLOSING_NEXT)
			.map((l) -> new Closing(l.id(), l.title(), l.endsAt()))
			.toList();

		return new Ops("ops", now, this.registry.count(), this.lots.subscriptionCount(), watchers, minutes, p50,
				p99, rejected, this.extensions.get(), (long) this.metrics.overflowCount(), closing);
	}

}
