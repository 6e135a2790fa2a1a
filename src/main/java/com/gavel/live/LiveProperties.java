package com.gavel.live;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live channel.
 *
 * @param allowedOrigins origins allowed to open a socket besides the application's own
 * @param maxConnections sockets one node holds; past it new ones are closed with 1013
 * @param maxSocketsPerUser sockets one signed-in user may hold on a node; past it 1013
 * @param maxSocketsPerAddress sockets one client address may hold on a node; past it 1013. The
 * address is the connection's, or the forwarded one when {@code server.forward-headers-strategy}
 * says to trust the proxy's headers
 * @param maxMessageBytes the largest client message; larger ones close the socket with 1009
 * @param queueCapacity frames queued per socket before its events collapse into snapshots
 * @param sendTimeout how long a socket may take to accept one frame before it is dropped
 * @param idleTimeout a socket that sends nothing for this long is closed
 * @param subscribesPerSecond sustained {@code subscribe} messages a second one socket may send
 * @param subscribeBurst {@code subscribe} messages one socket may send at once
 * @param pingsPerSecond sustained {@code ping} messages a second one socket may send
 * @param pingBurst {@code ping} messages one socket may send at once
 * @param maxSubscriptions lots one socket may watch
 * @param maxReplay the most events replayed on resubscribe; a larger gap gets a snapshot
 * @param fanoutThreads threads that hand events to sockets (each lot always on the same one)
 * @param fanoutQueue events and subscription hand-overs one fan-out thread may have queued; past
 * it an event's watchers get a snapshot of the lot instead and a subscription is answered
 * {@code busy}
 * @param subscriptionThreads threads that read snapshots and replays for new subscriptions
 * @param subscriptionQueue lots waiting for those threads over all sockets; past it a
 * subscription is answered {@code busy}
 */
@ConfigurationProperties("gavel.live")
public record LiveProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("20000") int maxConnections,
		@DefaultValue("20") int maxSocketsPerUser, @DefaultValue("50") int maxSocketsPerAddress,
		@DefaultValue("4096") int maxMessageBytes, @DefaultValue("256") int queueCapacity,
		@DefaultValue("30s") Duration sendTimeout, @DefaultValue("90s") Duration idleTimeout,
		@DefaultValue("5") double subscribesPerSecond, @DefaultValue("20") int subscribeBurst,
		@DefaultValue("1") double pingsPerSecond, @DefaultValue("5") int pingBurst,
		@DefaultValue("200") int maxSubscriptions, @DefaultValue("200") int maxReplay,
		@DefaultValue("2") int fanoutThreads, @DefaultValue("10000") int fanoutQueue,
		@DefaultValue("2") int subscriptionThreads, @DefaultValue("20000") int subscriptionQueue) {
}
