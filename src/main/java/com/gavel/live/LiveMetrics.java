package com.gavel.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/** The live channel's meters, visible at /actuator/metrics and /actuator/prometheus. */
@Component
class LiveMetrics {

	private final MeterRegistry registry;

	private final Counter eventsFannedOut;

	private final Counter framesSent;

	private final Counter overflows;

	private final Counter fanoutRefused;

	private final Timer fanoutLatency;

	private final MultiGauge watchersPerLot;

	LiveMetrics(MeterRegistry registry, SessionRegistry sessions, WatchedLots lots) {
		this.registry = registry;
		Gauge.builder("gavel.live.sessions", sessions, SessionRegistry::count)
			.description("Open WebSocket sessions")
			.register(registry);
		Gauge.builder("gavel.live.subscriptions", lots, WatchedLots::subscriptionCount)
			.description("Lot subscriptions over all sessions")
			.register(registry);
		Gauge.builder("gavel.live.lots", lots, WatchedLots::size)
			.description("Lots watched (or about to be), whose latest state is cached")
			.register(registry);
		this.eventsFannedOut = Counter.builder("gavel.live.events")
			.description("Lot events handed to the live channel")
			.register(registry);
		this.framesSent = Counter.builder("gavel.live.frames.sent").description("Frames written to sockets").register(registry);
		this.overflows = Counter.builder("gavel.live.overflows")
			.description("Times a slow socket's queued events were replaced by snapshots")
			.register(registry);
		this.fanoutRefused = Counter.builder("gavel.live.fanout.refused")
			.description("Events a full fan-out queue could not take; their watchers got a snapshot instead")
			.register(registry);
		this.fanoutLatency = Timer.builder("gavel.live.fanout.latency")
			.description("From commit of an event to the last socket's write of it")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
		this.watchersPerLot = MultiGauge.builder("gavel.live.lot.watchers")
			.description("Sockets watching each lot")
			.register(registry);
	}

	void eventFannedOut() {
		this.eventsFannedOut.increment();
	}

	void frameSent() {
		this.framesSent.increment();
	}

	void overflowed() {
		this.overflows.increment();
	}

	void fanoutRefused() {
		this.fanoutRefused.increment();
	}

	/** A message refused because its socket sent too many of its kind. */
	void limited(String message) {
		this.registry.counter("gavel.live.limited", "message", message).increment();
	}

	Timer fanoutLatency() {
		return this.fanoutLatency;
	}

	double overflowCount() {
		return this.overflows.count();
	}

	MeterRegistry registry() {
		return this.registry;
	}

	void closed(int code) {
		this.registry.counter("gavel.live.closes", "code", Integer.toString(code)).increment();
	}

	void rejected(String reason) {
		this.registry.counter("gavel.bids.rejected", "reason", reason).increment();
	}

	void refreshWatchers(Map<Long, Integer> watchers) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		watchers.forEach((lot, count) -> rows.add(MultiGauge.Row.of(Tags.of("lot", Long.toString(lot)), count)));
		this.watchersPerLot.register(rows, true);
	}

}
