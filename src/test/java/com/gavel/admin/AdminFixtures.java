package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.GavelUser;
import com.gavel.account.Role;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Users, lots and bids for admin tests that share one database: every name is new. */
final class AdminFixtures {

	static final String ADMIN_USERNAME = "admin";

	static final String ADMIN_PASSWORD = "admin-admin-test-password";

	static final String PASSWORD = "bidder-password";

	private AdminFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static Account bidder(AccountService accounts, String prefix) {
		String name = unique(prefix);
		return accounts.register(name, name + "@example.test", PASSWORD, Role.BIDDER);
	}

	static Account admin(AccountService accounts, String prefix) {
		String name = unique(prefix);
		return accounts.register(name, name + "@example.test", PASSWORD, Role.ADMIN);
	}

	/** Signs a MockMvc request in as this account, with the principal the application itself makes. */
	static RequestPostProcessor as(Account account) {
		return user(new GavelUser(account.id(), account.username(), "unused", account.role(), account.banned()));
	}

	static LotSpec spec(String title, Instant now, Duration endsIn, Long reserve, Long buyNow) {
		return new LotSpec(title, "About " + title + ".", "EUR", 4000, reserve, buyNow, now.minusSeconds(60),
				now.plus(endsIn), null, Duration.ofMinutes(2), Duration.ofMinutes(2), null);
	}

	/** An open EUR lot starting at 40.00 that ends in an hour. */
	static LotView openLot(AuctionEngine engine, String title) {
		return openLot(engine, title, null);
	}

	static LotView openLot(AuctionEngine engine, String title, Long reserve) {
		LotView lot = engine.createLot(spec(title, Instant.now(), Duration.ofHours(1), reserve, null));
		return engine.openNow(lot.id());
	}

	static BidResult bid(AuctionEngine engine, long lotId, Account bidder, String amount, String maximum) {
		return engine.placeBid(BidRequest.of(lotId, bidder.id(), UUID.randomUUID().toString(),
				amount == null ? null : new BigDecimal(amount), maximum == null ? null : new BigDecimal(maximum)));
	}

}
