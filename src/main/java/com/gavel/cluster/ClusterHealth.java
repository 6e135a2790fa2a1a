package com.gavel.cluster;

import com.gavel.config.SharedDatabase;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of a node in a house: on a shared database it may take traffic only while it hears the
 * other nodes' notices, or its watchers would miss their bids until the next periodic check.
 */
@Component("cluster")
class ClusterHealth implements HealthIndicator {

	private final SharedDatabase database;

	private final ClusterRelay relay;

	ClusterHealth(SharedDatabase database, ClusterRelay relay) {
		this.database = database;
		this.relay = relay;
	}

	@Override
	public Health health() {
		if (!this.database.shared()) {
			return Health.up().withDetail("mode", "single node").build();
		}
		Health.Builder health = this.relay.hearsTheHouse() ? Health.up() : Health.down();
		return health.withDetail("mode", "cluster").withDetail("listening", this.relay.hearsTheHouse()).build();
	}

}
