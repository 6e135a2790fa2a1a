package com.gavel.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/** The lot page in real headless Chromium against the real server: bidding, live updates, soft close. */
@WebSpringBootTest
class LotPageBrowserTests {


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
	void twoBiddersSeeEachOtherAtOnceAndTheOutbidBidderIsTold() {
		LotView lot = WebFixtures.openLot(this.engine, "Carriage clock", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebDriver a = bidderOnLot("ada", lot);
		WebDriver b = bidderOnLot("ben", lot);

		a.findElement(role("bid-ask")).click();
		until(a, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		// B sees the new price within a second of A's answer.
		waiting(b, Duration.ofSeconds(1)).until((d) -> text(d, "price").equals("€40.00"));
		assertThat(text(b, "leader")).isEqualTo("Bidder 1 leads");
		assertThat(standing(a)).isEqualTo("leading");

		b.findElement(By.id("maximum-amount")).sendKeys("100");
		b.findElement(role("maximum-submit")).click();
		until(b, (d) -> text(d, "standing-text").contains("Your maximum of €100.00 is set. You lead at €41.00"));

		// A is outbid at once and told so, in the one statement and to screen readers.
		until(a, (d) -> "outbid".equals(standing(d)));
		assertThat(text(a, "standing-text")).isEqualTo("You’ve been outbid. Bidder 2 leads at €41.00.");
		until(a, (d) -> d.findElement(role("alerter")).getAttribute("textContent").contains("You were outbid"));
		until(a, (d) -> text(d, "price").equals("€41.00"));
		assertThat(standing(b)).isEqualTo("leading");
		assertThat(text(b, "your-max")).isEqualTo("Your maximum: €100.00");

		// Both histories show both bids, newest first, with "you" marked on each bidder's own row.
		until(a, (d) -> historyRows(d).size() == 2);
		until(b, (d) -> historyRows(d).size() == 2);
		List<WebElement> rowsOfB = historyRows(b);
		assertThat(rowsOfB).hasSize(2);
		assertThat(rowsOfB.get(0).getText()).contains("Bidder 2", "you", "€41.00");
		assertThat(rowsOfB.get(1).getText()).contains("Bidder 1", "€40.00").doesNotContain("you");
		assertThat(historyRows(a).get(1).getText()).contains("Bidder 1", "you");
		Browsers.screenshot(b, "lot-page");
	}

	@Test
	void aSoftCloseExtensionShowsOnEveryCountdownAtOnce() {
		LotView lot = WebFixtures.openLot(this.engine, "Late-bid bronze", Duration.ofMinutes(3), Duration.ofMinutes(5),
				Duration.ofMinutes(10));
		WebDriver a = bidderOnLot("ada", lot);
		WebDriver b = bidderOnLot("ben", lot);
		String originalEnd = a.findElement(role("countdown")).getAttribute("data-ends-at");
		assertThat(visible(b, "extended")).isFalse();
		assertThat(text(b, "countdown")).matches("[23]m \\d\\ds");

		a.findElement(role("bid-ask")).click();

		for (WebDriver page : List.of(a, b)) {
			until(page, (d) -> visible(d, "extended"));
			assertThat(text(page, "extended")).isEqualTo("Extended by soft close ×1");
			assertThat(page.findElement(role("countdown")).getAttribute("data-ends-at")).isNotEqualTo(originalEnd);
			// Ten minutes out, the countdown is in whole minutes: seconds show only in the last five.
			until(page, (d) -> text(d, "countdown").matches("(9|10)m"));
		}
		assertThat(b.findElement(role("announcer")).getAttribute("textContent"))
			.contains("a late bid extended the lot");
	}

	@Test
	void aDoubleClickMakesOneBid() {
		LotView lot = WebFixtures.openLot(this.engine, "Double-click decanter", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver a = bidderOnLot("ada", lot);
		Browsers.recordSentFrames(a);

		new Actions(a).doubleClick(a.findElement(role("bid-ask"))).perform();
		until(a, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		// The second click found the button disabled: one frame went out, so one bid was made.
		assertThat(Browsers.bidFramesSent(a)).hasSize(1);
		// Leading now, the bidder is offered only a higher maximum, never a bid against themself.
		assertThat(visible(a, "bid-ask")).isFalse();
		assertThat(visible(a, "custom-form")).isFalse();
		assertThat(text(a, "maximum-label")).isEqualTo("You lead. To go higher, raise your maximum");
		// Focus went where the bidder can act next: the maximum, now the only amount offered.
		assertThat(a.switchTo().activeElement().getAttribute("id")).isEqualTo("maximum-amount");

		LotView other = WebFixtures.openLot(this.engine, "Scripted-click salver", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		a.get(base() + "/lots/" + other.id());
		awaitLive(a);
		Browsers.recordSentFrames(a);
		// Two clicks in the same instant, long before any answer can come.
		script(a, "const b = arguments[0]; b.click(); b.click();", a.findElement(role("bid-ask")));
		until(a, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		assertThat(Browsers.bidFramesSent(a)).hasSize(1);
		assertThat(this.catalog.history(other.id())).hasSize(1);
		assertThat(this.catalog.history(lot.id())).hasSize(1);
		assertThat(historyRows(a)).hasSize(1);
	}

	@Test
	void aBidFarAboveTheAskNeedsAConfirmation() {
		LotView lot = WebFixtures.openLot(this.engine, "Typo-proof teapot", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebDriver a = bidderOnLot("ada", lot);
		Browsers.recordSentFrames(a);

		a.findElement(By.id("custom-amount")).sendKeys("4000");
		a.findElement(role("custom-submit")).click();
		until(a, (d) -> visible(d, "confirm"));
		assertThat(text(a, "confirm-text")).contains("€4,000.00", "more than five times", "€40.00");
		a.findElement(role("confirm-no")).click();
		until(a, (d) -> !visible(d, "confirm"));
		assertThat(Browsers.bidFramesSent(a)).isEmpty();

		a.findElement(role("custom-submit")).click();
		until(a, (d) -> visible(d, "confirm"));
		a.findElement(role("confirm-yes")).click();
		until(a, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €4,000.00."));
		assertThat(Browsers.bidFramesSent(a)).hasSize(1);
	}

	@Test
	void everyRejectionSaysWhatHappened() {
		LotView lot = WebFixtures.openLot(this.engine, "Stubborn sideboard", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebDriver a = bidderOnLot("ada", lot);
		a.findElement(By.id("custom-amount")).sendKeys("12");
		a.findElement(role("custom-submit")).click();
		// It says when the bid arrived too, by the house clock in the reader's zone.
		until(a, (d) -> text(d, "bid-error").matches("Your bid is below the minimum\\. The lowest bid now is €40\\.00\\. "
				+ "It arrived at \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\(your zone\\)\\."));
		// The refusal is about the attempt; the bidder's standing says nothing yet, and focus stays in the field.
		assertThat(visible(a, "standing")).isFalse();
		assertThat(a.switchTo().activeElement().getAttribute("id")).isEqualTo("custom-amount");

		a.findElement(By.id("custom-amount")).sendKeys("12.345");
		a.findElement(role("custom-submit")).click();
		until(a, (d) -> text(d, "bid-error").equals("Enter an amount like 62.00."));
	}

	@Test
	void aSignedOutVisitorCanWatchButNotBid() {
		LotView lot = WebFixtures.openLot(this.engine, "Spectator's spyglass", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/lots/" + lot.id());
		awaitLive(visitor);
		assertThat(visitor.findElements(role("bid-ask"))).isEmpty();
		assertThat(visitor.findElements(role("bidding"))).isEmpty();
		assertThat(visible(visitor, "sign-in")).isTrue();

		Account someone = WebFixtures.bidder(this.accounts, "cleo");
		WebFixtures.bid(this.engine, lot.id(), someone, "45.00", null);
		until(visitor, (d) -> text(d, "price").equals("€45.00"));
		assertThat(historyRows(visitor)).hasSize(1);
		assertThat(historyRows(visitor).get(0).getText()).contains("Bidder 1", "€45.00").doesNotContain("you");
		assertThat(visitor.findElements(role("bid-ask"))).isEmpty();
	}

	@Test
	void aClosedLotNeverShowsABidButton() {
		LotView lot = WebFixtures.openLot(this.engine, "Closing cabinet", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebDriver a = bidderOnLot("ada", lot);
		assertThat(visible(a, "bid-ask")).isTrue();
		a.findElement(role("bid-ask")).click();
		until(a, (d) -> text(d, "standing-text").contains("You lead"));

		this.engine.closeNow(lot.id());
		until(a, (d) -> !visible(d, "bidding"));
		until(a, (d) -> LotPages.priceBlock(d).equals("Sold for €40.00"));
		assertThat(text(a, "standing-text")).isEqualTo("You won this lot for €40.00.");
		assertThat(text(a, "status")).isEqualToIgnoringCase("Ended");

		a.navigate().refresh();
		assertThat(visible(a, "bidding")).isFalse();
		assertThat(LotPages.priceBlock(a)).isEqualTo("Sold for €40.00");
		assertThat(text(a, "standing-text")).isEqualTo("You won this lot for €40.00.");
	}

	private WebDriver bidderOnLot(String prefix, LotView lot) {
		Account account = WebFixtures.bidder(this.accounts, prefix);
		WebDriver driver = this.browsers.open();
		Browsers.signIn(driver, base(), account.username(), WebFixtures.PASSWORD);
		driver.get(base() + "/lots/" + lot.id());
		awaitLive(driver);
		return driver;
	}

	/** The data-status of the page's one statement of the bidder's standing. */
	private static String standing(WebDriver driver) {
		return driver.findElement(role("standing")).getAttribute("data-status");
	}

	private static List<WebElement> historyRows(WebDriver driver) {
		return driver.findElements(By.cssSelector("[data-role=history] tr"));
	}


	private String base() {
		return "http://localhost:" + this.port;
	}

}
