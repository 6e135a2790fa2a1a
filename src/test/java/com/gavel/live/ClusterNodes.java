package com.gavel.live;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.GavelNode;
import com.gavel.support.MutableClock;

/** What the tests of several nodes on one database do on a node and on its sockets. */
final class ClusterNodes {

	private ClusterNodes() {
	}

	/** A lot open now by the node's clock, created through that node, ending in two hours. */
	static LotView openLot(GavelNode node, String title) {
		Instant now = node.bean(MutableClock.class).instant();
		LotView lot = node.bean(AuctionEngine.class)
			.createLot(new LotSpec(title, "A lot of a test with several nodes", "EUR", 100, null, null,
					now.minusSeconds(60), now.plus(Duration.ofHours(2)), null, Duration.ofMinutes(2),
					Duration.ofMinutes(2), null));
		return node.bean(AuctionEngine.class).openNow(lot.id());
	}

	/** A bid of {@code amount} through the node's engine, as that node's intake would place it. */
	static BidResult bid(GavelNode node, Account bidder, long lotId, String amount) {
		return node.bean(AuctionEngine.class)
			.placeBid(BidRequest.of(lotId, bidder.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null));
	}

	/**
	 * The sequences of the lot's events the socket got, in the order it got them, up to
	 * {@code last}, waiting at most {@code wait} in all.
	 */
	static List<Long> eventsUpTo(LiveTestClient client, long lotId, long last, Duration wait) {
		List<Long> seen = new ArrayList<>();
		long deadline = System.nanoTime() + wait.toNanos();
		while (seen.isEmpty() || seen.get(seen.size() - 1) < last) {
			Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
			JsonNode event = client.await("event", (e) -> e.path("lotId").asLong() == lotId, left);
			seen.add(event.path("seq").asLong());
		}
		return seen;
	}

	/** {@code from} to {@code to}, both included. */
	static List<Long> range(long from, long to) {
		List<Long> all = new ArrayList<>();
		for (long i = from; i <= to; i++) {
			all.add(i);
		}
		return all;
	}

	/** Waits a moment between two looks at something another node does. */
	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
	}

}
