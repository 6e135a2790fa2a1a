package com.gavel.auction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whose bid a {@code bid} event announced. The event names only the bidder's alias on the lot, so
 * the user is read back from the alias ({@code lot_bidder}), which works on every node of a house
 * whichever node committed the bid, with nothing private added to the event. An alias never
 * changes hands, so what was read is kept (a bounded number of lots' worth) and a bidder's next
 * bids on the lot cost no query.
 */
@Component
public class EventBidders {

	/** How {@link LotView#alias} writes an alias: this and the number. */
	private static final String PREFIX = "Bidder ";

	private static final int REMEMBERED = 100_000;

	private final LotBidderRepository lotBidders;

	private final JsonMapper json;

	/** (lot id, alias number) to user id. */
	private final Map<Key, Long> known = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
			return size() > REMEMBERED;
		}

	});

	private record Key(long lotId, int alias) {
	}

	EventBidders(LotBidderRepository lotBidders, JsonMapper json) {
		this.lotBidders = lotBidders;
		this.json = json;
	}

	/** The user who made the bid the event announced; empty for any other event. */
	public Optional<Long> of(AuctionEvent event) {
		if (event.type() != LotEventType.BID) {
			return Optional.empty();
		}
		JsonNode bidder = this.json.readTree(event.json()).path("detail").path("bidder");
		if (!bidder.isString() || !bidder.asString().startsWith(PREFIX)) {
			return Optional.empty();
		}
		int alias;
		try {
			alias = Integer.parseInt(bidder.asString().substring(PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Key key = new Key(event.lotId(), alias);
		Long user = this.known.get(key);
		if (user == null) {
			user = this.lotBidders.findByLotIdAndAliasNumber(event.lotId(), alias).map(LotBidder::getUserId).orElse(null);
			if (user != null) {
				this.known.put(key, user);
			}
		}
		return Optional.ofNullable(user);
	}

}
