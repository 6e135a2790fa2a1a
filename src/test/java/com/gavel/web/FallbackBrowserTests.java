package com.gavel.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
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

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lot page where no WebSocket can be opened (every handshake is answered 403, as by a proxy
 * that refuses the upgrade: {@link RefusedSockets}), in real headless Chromium: the page goes
 * live over the event stream, says so, follows the lot, and bids over the JSON API with the same
 * guarantees as over the socket.
 */
@WebSpringBootTest
class FallbackBrowserTests {

	private static final String FALLBACK = "Live updates over a fallback connection";

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
	void withoutAWebSocketThePageFollowsTheLotOverTheEventStreamAndBidsOverTheApi() {
		LotView lot = WebFixtures.openLot(this.engine, "Fallback fob watch", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebDriver page = bidderOnLotWithoutSockets("ada", lot);
		assertThat(text(page, "connection")).isEqualTo(FALLBACK);

		// Live: another bidder's bid shows at once.
		WebFixtures.bid(this.engine, lot.id(), ben, "45.00", null);
		until(page, (d) -> text(d, "price").equals("€45.00"));

		// A bid goes through the JSON API, and its answer is the page's.
		recordApiBids(page);
		page.findElement(role("bid-ask")).click();
		until(page, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €46.00."));
		assertThat(apiBids(page)).hasSize(1).allMatch((url) -> url.endsWith("/api/lots/" + lot.id() + "/bids"));
		assertThat(this.catalog.history(lot.id())).extracting(BidHistoryEntry::amount).containsExactly("46.00", "45.00");
		until(page, (d) -> d.findElements(By.cssSelector("[data-role=history] tr")).size() == 2);
		assertThat(text(page, "connection")).isEqualTo(FALLBACK);
		Browsers.screenshot(page, "lot-fallback");
		page.manage().window().setSize(new Dimension(390, 844));
		Browsers.screenshot(page, "lot-fallback-phone");
	}

	@Test
	void aBidMadeWhileTheFallbackIsDownGoesOutOnceWhenItIsBackAndThePageCatchesUp() {
		LotView lot = WebFixtures.openLot(this.engine, "Fallback footstool", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebDriver page = bidderOnLotWithoutSockets("ada", lot);
		recordApiBids(page);
		script(page, "window.__sameDocument = 'yes';");

		network(page, false);
		until(page, (d) -> connection(d).equals("offline"));
		WebFixtures.bid(this.engine, lot.id(), ben, "45.00", null);
		page.findElement(By.id("custom-amount")).sendKeys("50");
		page.findElement(role("custom-submit")).click();
		until(page, (d) -> "pending".equals(d.findElement(role("standing")).getAttribute("data-status")));
		assertThat(text(page, "standing-text"))
			.isEqualTo("Waiting for the connection; your bid goes out as soon as we’re back.");
		assertThat(apiBids(page)).isEmpty();

		network(page, true);
		until(page, (d) -> connection(d).equals("fallback"));
		until(page, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €50.00."));
		// It caught up on the bid made meanwhile, by sequence, in the same document.
		until(page, (d) -> d.findElements(By.cssSelector("[data-role=history] tr")).size() == 2);
		assertThat(script(page, "return window.__sameDocument;")).isEqualTo("yes");
		assertThat(text(page, "price")).isEqualTo("€50.00");
		assertThat(apiBids(page)).hasSize(1);
		assertThat(this.catalog.history(lot.id())).extracting(BidHistoryEntry::amount).containsExactly("50.00", "45.00");
	}

	/** Signs in, has every WebSocket handshake of the browser refused, then opens the lot page. */
	private WebDriver bidderOnLotWithoutSockets(String prefix, LotView lot) {
		Account account = WebFixtures.bidder(this.accounts, prefix);
		WebDriver driver = this.browsers.open();
		Browsers.signIn(driver, base(), account.username(), WebFixtures.PASSWORD);
		driver.manage().addCookie(new Cookie(RefusedSockets.COOKIE, "yes"));
		driver.get(base() + "/lots/" + lot.id());
		until(driver, (d) -> connection(d).equals("fallback"));
		return driver;
	}

	/** Records the URLs of the bids the page posts from now on. */
	private static void recordApiBids(WebDriver driver) {
		script(driver, """
				window.__posted = window.__posted || [];
				if (!window.__recordingFetch) {
				  const original = window.fetch;
				  window.fetch = function (url, init) {
				    if (init && init.method === 'POST') window.__posted.push(new URL(url, location.href).href);
				    return original.apply(this, arguments);
				  };
				  window.__recordingFetch = true;
				}""");
	}

	@SuppressWarnings("unchecked")
	private static List<String> apiBids(WebDriver driver) {
		return (List<String>) script(driver, "return window.__posted || [];");
	}

	private static void network(WebDriver driver, boolean online) {
		((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
		((ChromeDriver) driver).executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	private static String connection(WebDriver driver) {
		return driver.findElement(role("connection")).getAttribute("data-state");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
