package com.gavel.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.watchlist.WatchlistService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * My bids and the watchlist in real headless Chromium: both follow their lots live and say where
 * the bidder stands on each, by the lot page's rules, and My bids moves a lot to its new group.
 */
@WebSpringBootTest
class MyBidsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@Autowired
	WatchlistService watchlist;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void myBidsSaysOutbidTheMomentAnotherBidderOutbidsAndLostWhenTheLotCloses() {
		LotView lot = WebFixtures.openLot(this.engine, "Outbid orrery", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebFixtures.bid(this.engine, lot.id(), ada, "40.00", null);
		WebDriver page = signedIn(ada, "/my/bids");
		WebElement row = row(page, lot);
		assertThat(group(row)).isEqualTo("leading");
		assertThat(chip(row)).isEqualTo("Leading");
		awaitFollowing(page);

		WebFixtures.bid(this.engine, lot.id(), ben, "50.00", null);
		until(page, (d) -> chip(row(d, lot)).equals("Outbid"));
		assertThat(group(row(page, lot))).isEqualTo("outbid");
		assertThat(row(page, lot).findElement(Browsers.role("price")).getText()).isEqualTo("€50.00");
		assertThat(section(page, "leading").isDisplayed()).isFalse();
		assertThat(section(page, "outbid").findElement(Browsers.role("group-count")).getText()).isEqualTo("1");
		Browsers.screenshot(page, "my-bids-outbid");
		page.manage().window().setSize(new Dimension(390, 844));
		Browsers.screenshot(page, "my-bids-outbid-phone");

		this.engine.closeNow(lot.id());
		until(page, (d) -> chip(row(d, lot)).equals("Lost"));
		assertThat(group(row(page, lot))).isEqualTo("lost");
		assertThat(row(page, lot).findElement(Browsers.role("countdown")).getText()).startsWith("Ended ");
	}

	@Test
	void myBidsSaysWhenTheHouseVoidedTheBiddersBid() {
		LotView lot = WebFixtures.openLot(this.engine, "Voided vinaigrette", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebFixtures.bid(this.engine, lot.id(), ben, "40.00", null);
		BidResult adas = WebFixtures.bid(this.engine, lot.id(), ada, "45.00", null);
		WebDriver page = signedIn(ada, "/my/bids");
		assertThat(chip(row(page, lot))).isEqualTo("Leading");
		awaitFollowing(page);

		this.engine.voidBid(adas.bidId(), "Duplicate account", WebFixtures.adminId(this.accounts));
		until(page, (d) -> chip(row(d, lot)).equals("Voided"));
		assertThat(group(row(page, lot))).isEqualTo("voided");
		assertThat(row(page, lot).findElement(Browsers.role("void-reason")).getText())
			.isEqualTo("Voided by the house: Duplicate account");
		// A reload says the same.
		page.navigate().refresh();
		assertThat(chip(row(page, lot))).isEqualTo("Voided");
		assertThat(row(page, lot).findElement(Browsers.role("void-reason")).getText())
			.isEqualTo("Voided by the house: Duplicate account");
	}

	@Test
	void theWatchlistSaysWhereTheBidderStandsLive() {
		LotView bidOn = WebFixtures.openLot(this.engine, "Watched walking stick", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		LotView onlyWatched = WebFixtures.openLot(this.engine, "Watched water jug", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		this.watchlist.watch(ada.id(), bidOn.id());
		this.watchlist.watch(ada.id(), onlyWatched.id());
		WebFixtures.bid(this.engine, bidOn.id(), ada, "40.00", null);
		WebDriver page = signedIn(ada, "/my/watchlist");
		assertThat(chip(card(page, bidOn))).isEqualTo("Leading");
		assertThat(card(page, onlyWatched).findElements(Browsers.role("standing"))).isEmpty();
		awaitFollowing(page);

		WebFixtures.bid(this.engine, bidOn.id(), ben, "45.00", null);
		until(page, (d) -> chip(card(d, bidOn)).equals("Outbid"));
		assertThat(card(page, bidOn).findElement(Browsers.role("price")).getText()).isEqualTo("€45.00");
		Browsers.screenshot(page, "watchlist-standing");
		page.manage().window().setSize(new Dimension(390, 844));
		Browsers.screenshot(page, "watchlist-standing-phone");
	}

	@Test
	void myBidsAddsALotTheBidderBidsOnElsewhereToItsGroupAtOnce() {
		LotView leading = WebFixtures.openLot(this.engine, "Newly bid barometer", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		LotView beaten = WebFixtures.openLot(this.engine, "Newly beaten bureau", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebDriver page = signedIn(ada, "/my/bids");
		assertThat(page.findElement(Browsers.role("empty")).isDisplayed()).isTrue();
		awaitFollowing(page);

		// Ada bids from elsewhere (her phone, over the JSON API): the page adds the lot where she leads.
		apiBid(ada, leading, "40.00");
		until(page, (d) -> !d.findElements(By.cssSelector(".position[data-lot-id=\"" + leading.id() + "\"]")).isEmpty());
		assertThat(group(row(page, leading))).isEqualTo("leading");
		assertThat(chip(row(page, leading))).isEqualTo("Leading");
		assertThat(row(page, leading).findElement(Browsers.role("price")).getText()).isEqualTo("€40.00");
		assertThat(section(page, "leading").findElement(Browsers.role("group-count")).getText()).isEqualTo("1");
		assertThat(page.findElement(Browsers.role("empty")).isDisplayed()).isFalse();
		assertThat(page.findElement(Browsers.role("announcer")).getAttribute("textContent"))
			.isEqualTo("Added: Newly bid barometer");

		// A bid that an earlier maximum beats at once still stands: the lot joins the outbid group.
		WebFixtures.bid(this.engine, beaten.id(), ben, null, "100.00");
		apiBid(ada, beaten, "50.00");
		until(page, (d) -> !d.findElements(By.cssSelector(".position[data-lot-id=\"" + beaten.id() + "\"]")).isEmpty());
		assertThat(group(row(page, beaten))).isEqualTo("outbid");
		assertThat(chip(row(page, beaten))).isEqualTo("Outbid");
		assertThat(section(page, "outbid").findElement(Browsers.role("group-count")).getText()).isEqualTo("1");
		assertThat(section(page, "leading").findElement(Browsers.role("group-count")).getText()).isEqualTo("1");

		// The added lot is followed live like the others: Ben outbids Ada on it and it moves.
		WebFixtures.bid(this.engine, leading.id(), ben, "50.00", null);
		until(page, (d) -> chip(row(d, leading)).equals("Outbid"));
		assertThat(group(row(page, leading))).isEqualTo("outbid");
		assertThat(row(page, leading).findElement(Browsers.role("price")).getText()).isEqualTo("€50.00");
		assertThat(section(page, "outbid").findElement(Browsers.role("group-count")).getText()).isEqualTo("2");
		assertThat(section(page, "leading").isDisplayed()).isFalse();
		Browsers.screenshot(page, "my-bids-added");
	}

	@Test
	void theWatchlistAddsAndTakesAwayALotWatchedElsewhereAtOnce() {
		LotView lot = WebFixtures.openLot(this.engine, "Newly watched weathervane", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebDriver page = signedIn(ada, "/my/watchlist");
		assertThat(page.findElement(Browsers.role("empty")).isDisplayed()).isTrue();
		awaitFollowing(page);

		// Ada watches the lot from its page in another tab.
		WebDriver lotPage = signedIn(ada, "/lots/" + lot.id());
		lotPage.findElement(Browsers.role("watch")).click();
		until(page, (d) -> !d.findElements(By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"]")).isEmpty());
		assertThat(card(page, lot).findElement(By.cssSelector(".lot-card-title")).getText())
			.isEqualTo("Newly watched weathervane");
		assertThat(page.findElement(Browsers.role("empty")).isDisplayed()).isFalse();
		assertThat(page.findElement(Browsers.role("announcer")).getAttribute("textContent"))
			.isEqualTo("Added: Newly watched weathervane");

		// The added card is followed live.
		WebFixtures.bid(this.engine, lot.id(), ben, "45.00", null);
		until(page, (d) -> card(d, lot).findElement(Browsers.role("price")).getText().equals("€45.00"));

		// Taken off the watchlist elsewhere: the card goes, and the page says the list is empty.
		this.watchlist.unwatch(ada.id(), lot.id());
		until(page, (d) -> d.findElements(By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"]")).isEmpty());
		assertThat(page.findElement(Browsers.role("empty")).isDisplayed()).isTrue();
		assertThat(page.findElement(Browsers.role("announcer")).getAttribute("textContent"))
			.isEqualTo("Removed: Newly watched weathervane");
	}

	private void apiBid(Account bidder, LotView lot, String amount) {
		HttpResponse<String> answer = new ApiClient(this.port).post("/api/lots/" + lot.id() + "/bids",
				new ApiClient.Login(bidder.username(), WebFixtures.PASSWORD),
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"amount\":\"" + amount + "\"}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("\"accepted\":true");
	}

	private WebDriver signedIn(Account account, String path) {
		WebDriver driver = this.browsers.open();
		Browsers.signIn(driver, base(), account.username(), WebFixtures.PASSWORD);
		driver.get(base() + path);
		return driver;
	}

	/**
	 * The page follows its lots once its socket said hello: it subscribes from the sequences it was
	 * rendered at, so whatever happens from then on (or happened since the render) reaches it.
	 */
	private static void awaitFollowing(WebDriver driver) {
		until(driver, (d) -> Boolean.TRUE.equals(Browsers.script(d,
				"return !!(window.gavelCatalogue && window.gavelCatalogue.client.isLive());")));
	}

	private static WebElement row(WebDriver driver, LotView lot) {
		return driver.findElement(By.cssSelector(".position[data-lot-id=\"" + lot.id() + "\"]"));
	}

	private static WebElement card(WebDriver driver, LotView lot) {
		return driver.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"]"));
	}

	private static WebElement section(WebDriver driver, String group) {
		return driver.findElement(By.cssSelector("[data-group-section=\"" + group + "\"]"));
	}

	/** The group a row is in. */
	private static String group(WebElement row) {
		return row.findElement(By.xpath("./ancestor::ul[@data-group]")).getAttribute("data-group");
	}

	/** The standing chip's words (as written: the chip shows them in capitals). */
	private static String chip(WebElement item) {
		return item.findElement(Browsers.role("standing")).getAttribute("textContent").strip();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
