package com.gavel.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

/** Users and lots for page tests that share one database: every name is new. */
final class WebFixtures {

	static final String ADMIN_PASSWORD = "admin-web-test-password";

	static final String PASSWORD = "bidder-password";

	/** What the test house tells its winners ({@code gavel.house.after-win}). */
	static final String AFTER_WIN = "Pay within three days at the front desk of the test house.";

	private WebFixtures() {
	}

	static Account bidder(AccountService accounts, String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
		return accounts.register(name, name + "@example.test", PASSWORD, Role.BIDDER);
	}

	/** An open EUR lot starting at 40.00 that ends after {@code endsIn}, with the given soft close. */
	static LotView openLot(AuctionEngine engine, String title, Duration endsIn, Duration window, Duration extension) {
		return openLot(engine, title, endsIn, window, extension, null, null);
	}

	static LotView openLot(AuctionEngine engine, String title, Duration endsIn, Duration window, Duration extension,
			Long reserve, Long buyNow) {
		Instant now = Instant.now();
		LotView lot = engine.createLot(new LotSpec(title, "A fine " + title.toLowerCase() + ", described at length.",
				"EUR", 4000, reserve, buyNow, now.minusSeconds(60), now.plus(endsIn), null, window, extension, null));
		return engine.openNow(lot.id());
	}

	/** The admin the test context created, e.g. to void a bid as. */
	static long adminId(AccountService accounts) {
		return accounts.findByUsername("admin").orElseThrow().id();
	}

	static BidResult bid(AuctionEngine engine, long lotId, Account bidder, String amount, String maximum) {
		return engine.placeBid(BidRequest.of(lotId, bidder.id(), UUID.randomUUID().toString(),
				amount == null ? null : new BigDecimal(amount), maximum == null ? null : new BigDecimal(maximum)));
	}

}
