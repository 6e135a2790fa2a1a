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
 * @param maxMessageBytes the largest client message; larger ones close the socket with 1009
 * @param queueCapacity frames queued per socket before its events collapse into snapshots
 * @param sendTimeout how long a socket may take to accept one frame before it is dropped
 * @param idleTimeout a socket that sends nothing for this long is closed
 * @param maxSubscriptions lots one socket may watch
 * @param maxReplay the most events replayed on resubscribe; a larger gap gets a snapshot
 * @param fanoutThreads threads that hand events to sockets (each lot always on the same one)
 */
@ConfigurationProperties("gavel.live")
public record LiveProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("20000") int maxConnections,
		@DefaultValue("4096") int maxMessageBytes, @DefaultValue("256") int queueCapacity,
		@DefaultValue("30s") Duration sendTimeout, @DefaultValue("90s") Duration idleTimeout,
		@DefaultValue("200") int maxSubscriptions, @DefaultValue("200") int maxReplay,
		@DefaultValue("2") int fanoutThreads) {
}
