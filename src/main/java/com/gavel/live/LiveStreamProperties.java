package com.gavel.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event streams ({@code GET /api/lots/stream}), the read-only fallback for
 * clients that cannot open the WebSocket.
 *
 * @param maxStreams streams one node holds; past it new ones get 503
 * @param maxStreamsPerAddress streams one client address may hold on a node; past it 429. The
 * address is the connection's, or the forwarded one when {@code server.forward-headers-strategy}
 * says to trust the proxy's headers (as for sockets)
 * @param maxLots lots one stream may follow
 * @param queueCapacity messages queued per stream before its events collapse into snapshots; half
 * of it is the most a stream is sent to catch up when it opens (lots that missed more get a
 * snapshot)
 * @param heartbeat how often an idle stream is sent a {@code heartbeat}, so the client and any
 * proxy see it is alive and a vanished client is noticed
 * @param sendTimeout how long a stream may take to accept what it is sent before it is dropped
 * @param deliveryQueue events waiting for the streams' delivery thread; past it the streams of the
 * event's lot get a snapshot instead
 */
@ConfigurationProperties("gavel.live.stream")
public record LiveStreamProperties(@DefaultValue("2000") int maxStreams, @DefaultValue("50") int maxStreamsPerAddress,
		@DefaultValue("200") int maxLots, @DefaultValue("256") int queueCapacity,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("30s") Duration sendTimeout,
		@DefaultValue("10000") int deliveryQueue) {
}
