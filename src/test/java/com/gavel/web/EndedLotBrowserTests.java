package com.gavel.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lots that are over, in real headless Chromium: the page says how the lot ended ("Not sold —
 * reserve not met", "Withdrawn", "Sold for …") and when it really closed, and shows no bid or
 * sign-in-to-bid controls and no Live dot, as it happens and after a reload; a catalogue card of a
 * lot that closes shows its real close.
 */
@WebSpringBootTest
class EndedLotBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "desktop, 1280, 900", "phone, 390, 844" })
	void aLotThatClosesUnsoldSaysSoAndOffersNothingToBidWith(String size, int width, int height) {
		LotView lot = WebFixtures.openLot(this.engine, "Reserved regulator clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2), 100000L, null);
		WebFixtures.bid(this.engine, lot.id(), WebFixtures.bidder(this.accounts, "ada"), "45.00", null);
		WebDriver visitor = this.browsers.open(width, height);
		visitor.get(base() + "/lots/" + lot.id());
		awaitLive(visitor);
		assertThat(visible(visitor, "sign-in")).isTrue();
		assertThat(liveDots(visitor)).isEqualTo(2);

		LotView closed = this.engine.closeNow(lot.id());
		until(visitor, (d) -> text(d, "state-note").equals("Not sold — reserve not met"));
		for (int reload = 0; reload < 2; reload++) {
			assertThat(LotPages.priceBlock(visitor)).isEqualTo("Highest bid €45.00");
			assertThat(text(visitor, "leader")).isEmpty();
			assertThat(text(visitor, "status")).isEqualToIgnoringCase("Ended");
			assertThat(text(visitor, "closed-at")).startsWith("Ended ");
			assertThat(visitor.findElement(role("closed-at")).getAttribute("datetime"))
				.isEqualTo(closed.closedAt().toString());
			assertThat(visible(visitor, "sign-in")).isFalse();
			assertThat(visible(visitor, "clock")).isFalse();
			assertThat(visible(visitor, "reserve")).isFalse();
			assertThat(liveDots(visitor)).isZero();
			if (reload == 0) {
				Browsers.screenshot(visitor, size.equals("desktop") ? "lot-ended" : "lot-ended-" + size);
				visitor.navigate().refresh();
			}
		}
	}

	@Test
	void aWithdrawnLotSaysWithdrawnAndABidderLosesTheForm() {
		LotView lot = WebFixtures.openLot(this.engine, "Withdrawn writing slope", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver page = LotPages.onLot(this.browsers, ada, base(), lot, 1280, 900);
		page.findElement(role("bid-ask")).click();
		until(page, (d) -> "leading".equals(LotPages.standing(d)));

		this.engine.cancel(lot.id(), "Consignor withdrew it");
		until(page, (d) -> text(d, "state-note").equals("Withdrawn"));
		assertThat(text(page, "status")).isEqualToIgnoringCase("Withdrawn");
		assertThat(text(page, "closed-at")).startsWith("Withdrawn ");
		assertThat(text(page, "standing-text")).isEqualTo("This lot was withdrawn; your bids on it no longer count.");
		assertThat(visible(page, "bidding")).isFalse();
		assertThat(liveDots(page)).isZero();
	}

	@Test
	void aCatalogueCardOfALotThatClosesShowsWhenItReallyClosed() {
		LotView lot = WebFixtures.openLot(this.engine, "Carded candlestick", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/");
		By card = By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"]");
		until(visitor, (d) -> Boolean.TRUE.equals(Browsers.script(d, "return window.gavelCatalogue.client.isLive();")));
		assertThat(visitor.findElement(card).findElement(role("countdown")).getText()).matches("1h 00m|59m");

		LotView closed = this.engine.closeNow(lot.id());
		until(visitor, (d) -> d.findElement(card).findElement(role("countdown")).getText().startsWith("Ended "));
		WebElement time = visitor.findElement(card).findElement(role("countdown"));
		assertThat(time.getAttribute("datetime")).isEqualTo(closed.closedAt().toString());
		assertThat(visitor.findElement(card).findElement(role("status")).getText()).isEqualToIgnoringCase("Ended");
	}

	/** Green pulsing "live" dots shown: the Live status chip and the live connection line. */
	private static long liveDots(WebDriver driver) {
		return driver.findElements(By.cssSelector(".chip-open, [data-role=connection][data-state=live]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.count();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
