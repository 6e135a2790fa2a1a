package com.gavel.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the nodes of a house on one PostgreSQL database keep each other informed.
 *
 * @param channel the PostgreSQL notification channel the nodes share
 * @param repairInterval how often a node compares the lots it knows with the database, to repair a
 * missed notice
 * @param reconnectDelay how long a node waits before listening again after losing its connection
 */
@ConfigurationProperties("gavel.cluster")
public record ClusterProperties(@DefaultValue("gavel_lots") String channel, @DefaultValue("5s") Duration repairInterval,
		@DefaultValue("1s") Duration reconnectDelay) {

	public ClusterProperties {
		if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("gavel.cluster.channel must be a plain lower-case identifier");
		}
	}

}
