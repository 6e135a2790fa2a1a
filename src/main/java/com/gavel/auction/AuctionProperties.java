package com.gavel.auction;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * House rules for auctions.
 *
 * @param softCloseWindow default window before the end in which a bid extends the lot
 * @param softCloseExtension default time a late bid moves the end to, counted from the bid
 * @param tick how often the scheduler looks for lots to open and close
 * @param increments the increment table; empty means the house default
 * @param bidsPerSecond bids a second one bidder may send, sustained, over REST and sockets together
 * @param bidBurst bids one bidder may send at once
 * @param writeBatch changes of lots decided together and committed in one transaction, at most
 * @param clusterSettle how long, on a database several nodes share, a lot waits after its end
 * before it closes, and the hammer after the clerk's call before it sells, so that a bid that
 * reached another node first is decided first (see {@link SettleWindow}); never used on the
 * embedded database, which has one node
 */
@ConfigurationProperties("gavel.auction")
public record AuctionProperties(@DefaultValue("2m") Duration softCloseWindow,
		@DefaultValue("2m") Duration softCloseExtension, @DefaultValue("500ms") Duration tick,
		List<IncrementTable.Step> increments, @DefaultValue("5") double bidsPerSecond,
		@DefaultValue("10") int bidBurst, @DefaultValue("64") int writeBatch,
		@DefaultValue("500ms") Duration clusterSettle) {

	public AuctionProperties {
		if (writeBatch < 1) {
			throw new IllegalArgumentException("gavel.auction.write-batch must be at least 1");
		}
		if (clusterSettle.isNegative()) {
			throw new IllegalArgumentException("gavel.auction.cluster-settle must not be negative");
		}
	}

	public IncrementTable incrementTable() {
		return (this.increments == null || this.increments.isEmpty()) ? IncrementTable.defaults()
				: new IncrementTable(this.increments);
	}

}
