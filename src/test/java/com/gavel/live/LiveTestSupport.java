package com.gavel.live;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Users, lots and clients for live-channel tests against the real server. */
abstract class LiveTestSupport {

	static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	Clock clock;

	Account bidder(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return this.accounts.register(name, name + "@test.gavel.local", PASSWORD, Role.BIDDER);
	}

	/** An open lot in EUR starting at 10.00, ending in an hour. */
	LotView openLot() {
		return openLot(Duration.ofHours(1), null);
	}

	LotView openLot(Duration endsIn, Long reserveMinor) {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(new LotSpec("Test lot " + UUID.randomUUID(), "A lot for tests.", "EUR",
				1000, reserveMinor, null, now.minusSeconds(60), now.plus(endsIn), null, Duration.ofMinutes(2),
				Duration.ofMinutes(2), null));
		return this.engine.openNow(lot.id());
	}

	LiveTestClient connect(Account account) {
		LiveTestClient client = LiveTestClient.connect(this.port, account.username(), PASSWORD);
		client.await("hello");
		return client;
	}

	LiveTestClient connectAnonymous() {
		LiveTestClient client = LiveTestClient.connect(this.port, null, null);
		client.await("hello");
		return client;
	}

	BidResult restBid(Account account, long lotId, String amount) {
		return this.engine.placeBid(
				BidRequest.of(lotId, account.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null));
	}

	static Map<String, Object> subscribe(long lotId) {
		return Map.of("type", "subscribe", "lots", java.util.List.of(Map.of("id", lotId)));
	}

	static Map<String, Object> subscribe(long lotId, long after) {
		return Map.of("type", "subscribe", "lots", java.util.List.of(Map.of("id", lotId, "after", after)));
	}

	static Map<String, Object> bid(long lotId, String requestId, String amount) {
		return Map.of("type", "bid", "lot", lotId, "requestId", requestId, "amount", amount);
	}

	static Map<String, Object> maximum(long lotId, String requestId, String maximum) {
		return Map.of("type", "bid", "lot", lotId, "requestId", requestId, "maximum", maximum);
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

}
