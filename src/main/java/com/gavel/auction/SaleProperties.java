package com.gavel.auction;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * House rules for sales.
 *
 * @param increments the house's increment table per currency for sales, e.g.
 * {@code gavel.sales.increments.JPY[0].from=0}, {@code ...increment=10}; a currency not named here
 * uses Gavel's built-in table for it ({@link IncrementTables#BUILT_IN}), else the house table
 * ({@code gavel.auction.increments}). Lots outside sales always use the house table.
 * @param moveSweep how long a group soft close move may wait for the node that made it before any
 * node of the house finishes it (a node that died half-way through, say)
 * @param fairWarning how long fair warning runs in a live sale before the hammer may fall; each
 * bid restarts it
 */
@ConfigurationProperties("gavel.sales")
public record SaleProperties(Map<String, List<IncrementTable.Step>> increments,
		@DefaultValue("5s") Duration moveSweep, @DefaultValue("5s") Duration fairWarning) {

	public SaleProperties {
		increments = increments == null ? Map.of() : Map.copyOf(increments);
	}

}
