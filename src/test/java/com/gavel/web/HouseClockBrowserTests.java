package com.gavel.web;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house clock in view, in real headless Chromium against a server whose clock runs 5 s ahead of
 * the machine's (the browser's): the bid panel measures the difference from its pings and says the
 * device's clock is behind by about that much, and how long a bid takes to arrive.
 */
@WebSpringBootTest
class HouseClockBrowserTests {

	private static final Duration SKEW = Duration.ofSeconds(5);

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void theBidPanelSaysTheDeviceClockIsBehindTheHousesByTheSkew() {
		LotView lot = WebFixtures.openLot(this.engine, "Skewed skeleton clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver page = this.browsers.open();
		Browsers.signIn(page, "http://localhost:" + this.port, ada.username(), WebFixtures.PASSWORD);
		page.get("http://localhost:" + this.port + "/lots/" + lot.id());
		awaitLive(page);

		until(page, (d) -> visible(d, "house-clock"));
		long offset = Long.parseLong(page.findElement(role("house-clock")).getAttribute("data-offset-ms"));
		assertThat(offset).isBetween(SKEW.toMillis() - 1000, SKEW.toMillis() + 1000);
		assertThat(text(page, "house-clock"))
			.matches("Your clock is [456]\\.\\d s behind the auction’s; your bids reach us in about \\d+ ms\\.");
		long rtt = Long.parseLong(page.findElement(role("house-clock")).getAttribute("data-rtt-ms"));
		assertThat(rtt).isBetween(0L, 2000L);
		Browsers.screenshot(page, "lot-house-clock");
	}

	/** The house runs 5 s ahead of this machine, and so of the browser on it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SkewedClock {

		@Bean
		@Primary
		Clock skewedClock() {
			return Clock.offset(Clock.systemUTC(), SKEW);
		}

	}

}
