package com.gavel.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspended (banned) bidder in real headless Chromium: told so on every page, at once when the
 * ban comes while the lot page is open, and never shown a bid form that cannot work, after a
 * reload either.
 */
@WebSpringBootTest
class SuspendedBidderBrowserTests {

	private static final String BANNER = "Your account is suspended: you can look around, but you can’t bid. "
			+ "If you think this is a mistake, contact the auction house.";

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aBannedBidderIsToldOnEveryPageAndNeverSeesABidForm() {
		LotView lot = WebFixtures.openLot(this.engine, "Suspended sextant", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver page = LotPages.onLot(this.browsers, ada, base(), lot, 1280, 900);
		WebDriver other = LotPages.bidderOnLot(this.browsers, this.accounts, base(), "ben", lot);
		assertThat(visible(page, "bidding")).isTrue();
		assertThat(visible(page, "suspended-banner")).isFalse();

		this.accounts.setBanned(ada.id(), true);

		until(page, (d) -> "suspended".equals(LotPages.connection(d)));
		assertThat(text(page, "connection")).isEqualTo("Not live: this account is suspended");
		assertThat(visible(page, "suspended-banner")).isTrue();
		assertThat(text(page, "suspended-banner")).isEqualTo(BANNER);
		assertThat(visible(page, "bidding")).isFalse();
		assertThat(LotPages.standing(page)).isEqualTo("suspended");
		assertThat(text(page, "standing-text"))
			.isEqualTo("Your account is suspended, so you can’t bid. You can still look around.");
		Browsers.screenshot(page, "lot-suspended");

		page.navigate().refresh();
		assertThat(text(page, "suspended-banner")).isEqualTo(BANNER);
		assertThat(page.findElements(role("bidding"))).isEmpty();
		assertThat(LotPages.standing(page)).isEqualTo("suspended");
		until(page, (d) -> "suspended".equals(LotPages.connection(d)));
		for (String path : List.of("/", "/my/bids", "/my/watchlist")) {
			page.get(base() + path);
			assertThat(text(page, "suspended-banner")).as(path).isEqualTo(BANNER);
		}
		// Nobody else is told anything of the kind.
		other.navigate().refresh();
		assertThat(visible(other, "suspended-banner")).isFalse();
		assertThat(visible(other, "bidding")).isTrue();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
