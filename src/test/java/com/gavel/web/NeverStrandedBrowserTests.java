package com.gavel.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidHistoryEntry;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lot page when the network goes away and comes back, in real headless Chromium whose network
 * is switched off and on through the DevTools protocol (what the browser's own offline mode does):
 * the page says it is offline, recovers without a reload, catches up on what it missed, and a bid
 * made meanwhile is sent exactly once, or clearly given up. A bid whose answer was lost with its
 * connection goes again with its request id and is placed once.
 */
@WebSpringBootTest
class NeverStrandedBrowserTests {


	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void offlineThenOnlineRecoversWithoutAReloadAndABidMadeOfflineIsSentOnce() {
		LotView lot = WebFixtures.openLot(this.engine, "Offline ormolu clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver page = bidderOnLot("ada", lot);
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		Browsers.recordSentFrames(page);

		network(page, false);
		until(page, (d) -> connection(d).equals("offline"));
		assertThat(text(page, "connection")).startsWith("Offline");
		// The auction goes on without this page.
		WebFixtures.bid(this.engine, lot.id(), ben, "45.00", null);

		page.findElement(By.id("custom-amount")).sendKeys("50");
		page.findElement(role("custom-submit")).click();
		until(page, (d) -> "pending".equals(standing(d)));
		assertThat(text(page, "standing-text"))
			.isEqualTo("Waiting for the connection; your bid goes out as soon as we’re back.");
		assertThat(Browsers.bidFramesSent(page)).isEmpty();

		network(page, true);
		until(page, (d) -> connection(d).equals("live"));
		until(page, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €50.00."));
		// It caught up with the bid made meanwhile, in the same document: no reload.
		until(page, (d) -> d.findElements(By.cssSelector("[data-role=history] tr")).size() == 2);
		assertThat(script(page, "return window.__sameDocument;")).isEqualTo("yes");
		assertThat(text(page, "price")).isEqualTo("€50.00");
		// The bid went out once, and the house has it once.
		assertThat(Browsers.bidFramesSent(page)).hasSize(1);
		List<BidHistoryEntry> history = this.catalog.history(lot.id());
		assertThat(history).extracting(BidHistoryEntry::amount).containsExactly("50.00", "45.00");
		assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("maximum-amount");
	}

	@Test
	void aBidThatCannotGoOutIsWithdrawnAfterAWhileAndNeverSentLater() {
		LotView lot = WebFixtures.openLot(this.engine, "Stranded stool", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebDriver page = bidderOnLot("ada", lot);
		Browsers.recordSentFrames(page);
		script(page, "window.gavelLot.client.queueLimitMs = 1500;");

		network(page, false);
		until(page, (d) -> connection(d).equals("offline"));
		page.findElement(role("bid-ask")).click();
		until(page, (d) -> "pending".equals(standing(d)));
		until(page, (d) -> visible(d, "bid-error"));
		assertThat(text(page, "bid-error")).isEqualTo(
				"Your bid was not sent: there was no connection for 2 seconds. Nothing was placed; bid again once you’re back online.");
		assertThat(visible(page, "standing")).isFalse();
		assertThat(script(page, "return window.gavelLot.state.pending;")).isNull();

		network(page, true);
		until(page, (d) -> connection(d).equals("live"));
		// Back online, the withdrawn bid is not sent after all, and bidding works again.
		assertThat(Browsers.bidFramesSent(page)).isEmpty();
		assertThat(this.catalog.history(lot.id())).isEmpty();
		page.findElement(role("bid-ask")).click();
		until(page, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		assertThat(Browsers.bidFramesSent(page)).hasSize(1);
	}

	@Test
	void aBidWhoseAnswerWasLostGoesAgainWithTheSameRequestIdAndIsPlacedOnce() {
		LotView lot = WebFixtures.openLot(this.engine, "Twice-sent tantalus", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver page = bidderOnLot("ada", lot);
		Browsers.recordSentFrames(page);
		// The connection drops right after the bid went out, before any answer can come back.
		script(page, """
				const send = WebSocket.prototype.send;
				WebSocket.prototype.send = function (data) {
				  send.call(this, data);
				  if (String(data).includes('"type":"bid"') && !window.__dropped) { window.__dropped = true; this.close(); }
				};""");

		page.findElement(role("bid-ask")).click();
		until(page, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		assertThat(connection(page)).isEqualTo("live");
		// The frame went twice, with one request id; the house made one bid of it.
		List<String> frames = Browsers.bidFramesSent(page);
		assertThat(frames).hasSize(2);
		assertThat(frames.get(1)).isEqualTo(frames.get(0));
		assertThat(this.catalog.history(lot.id())).hasSize(1);
	}

	private WebDriver bidderOnLot(String prefix, LotView lot) {
		Account account = WebFixtures.bidder(this.accounts, prefix);
		WebDriver driver = this.browsers.open();
		Browsers.signIn(driver, base(), account.username(), WebFixtures.PASSWORD);
		driver.get(base() + "/lots/" + lot.id());
		awaitLive(driver);
		return driver;
	}

	/** Switches the browser's network off or on, as its DevTools' offline mode does. */
	private static void network(WebDriver driver, boolean online) {
		((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
		((ChromeDriver) driver).executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	private static String connection(WebDriver driver) {
		return driver.findElement(role("connection")).getAttribute("data-state");
	}

	private static String standing(WebDriver driver) {
		return driver.findElement(role("standing")).getAttribute("data-status");
	}


	private String base() {
		return "http://localhost:" + this.port;
	}

}
