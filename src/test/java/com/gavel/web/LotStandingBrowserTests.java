package com.gavel.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidHistoryEntry;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static com.gavel.web.LotPages.standing;
import static com.gavel.web.LotPages.statementsShown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bid panel's one statement of where the bidder stands, in real headless Chromium at desktop
 * and phone sizes: replaced, never stacked, as the bidder leads, is outbid, has a bid voided by
 * the house, wins or loses; the same after a reload. Saves a screenshot of each state.
 */
@WebSpringBootTest
class LotStandingBrowserTests {

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

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "desktop, 1280, 900", "phone, 390, 844" })
	void oneStatementAsTheBidderLeadsIsOutbidIsVoidedWinsAndLoses(String size, int width, int height) {
		String suffix = size.equals("desktop") ? "" : "-" + size;
		LotView lot = WebFixtures.openLot(this.engine, "Standing longcase clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account adaAccount = WebFixtures.bidder(this.accounts, "ada");
		Account benAccount = WebFixtures.bidder(this.accounts, "ben");
		WebDriver ada = LotPages.onLot(this.browsers, adaAccount, base(), lot, width, height);
		WebDriver ben = LotPages.onLot(this.browsers, benAccount, base(), lot, width, height);

		// Leading: the bid's own confirmation is the statement.
		ada.findElement(role("bid-ask")).click();
		until(ada, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		assertThat(standing(ada)).isEqualTo("leading");
		assertThat(statementsShown(ada)).isEqualTo(1);
		Browsers.screenshot(ada, "lot-leading" + suffix);

		// Outbid: the same statement, replaced.
		ben.findElement(By.id("maximum-amount")).sendKeys("100");
		ben.findElement(role("maximum-submit")).click();
		until(ada, (d) -> "outbid".equals(standing(d)));
		assertThat(text(ada, "standing-text")).isEqualTo("You’ve been outbid. Bidder 2 leads at €41.00.");
		assertThat(statementsShown(ada)).isEqualTo(1);
		until(ada, (d) -> d.findElement(role("alerter")).getAttribute("textContent")
			.equals("You were outbid. Bidder 2 leads at €41.00."));
		Browsers.screenshot(ada, "lot-outbid" + suffix);

		// Voided: the bidder whose bid the house voided reads why, not "outbid".
		long bensMaximum = this.catalog.history(lot.id())
			.stream()
			.filter((row) -> "Bidder 2".equals(row.bidder()))
			.map(BidHistoryEntry::id)
			.findFirst()
			.orElseThrow();
		this.engine.voidBid(bensMaximum, "Bidder asked to withdraw it", WebFixtures.adminId(this.accounts));
		until(ben, (d) -> "voided".equals(standing(d)));
		assertThat(text(ben, "standing-text")).isEqualTo("The auction house voided your bid: Bidder asked to withdraw it");
		until(ben, (d) -> d.findElement(role("alerter")).getAttribute("textContent")
			.equals("The auction house voided your bid: Bidder asked to withdraw it"));
		assertThat(statementsShown(ben)).isEqualTo(1);
		until(ada, (d) -> text(d, "standing-text").equals("You’re the highest bidder at €40.00."));
		Browsers.screenshot(ben, "lot-voided" + suffix);

		// Ben bids again and leads; then the lot closes: one wins, the other lost, and neither reads "You lead".
		ben.findElement(By.id("custom-amount")).sendKeys("41");
		ben.findElement(role("custom-submit")).click();
		until(ben, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €41.00."));
		until(ada, (d) -> "outbid".equals(standing(d)));
		this.engine.closeNow(lot.id());
		until(ben, (d) -> "won".equals(standing(d)));
		until(ada, (d) -> "lost".equals(standing(d)));
		for (int reload = 0; reload < 2; reload++) {
			assertThat(text(ben, "standing-text")).isEqualTo("You won this lot for €41.00.");
			assertThat(text(ben, "after-win")).contains("What happens next", WebFixtures.AFTER_WIN);
			assertThat(text(ada, "standing-text")).isEqualTo("You lost. Bidder 2 won it for €41.00.");
			assertThat(visible(ada, "after-win")).isFalse();
			for (WebDriver page : List.of(ada, ben)) {
				assertThat(statementsShown(page)).isEqualTo(1);
				assertThat(LotPages.priceBlock(page)).isEqualTo("Sold for €41.00");
				assertThat(text(page, "closed-at")).startsWith("Ended ");
				assertThat(visible(page, "bidding")).isFalse();
				assertThat(page.findElement(By.cssSelector(".bid-panel")).getText()).doesNotContain("You lead",
						"leads");
			}
			if (reload == 0) {
				Browsers.screenshot(ben, "lot-won" + suffix);
				Browsers.screenshot(ada, "lot-lost" + suffix);
				ben.navigate().refresh();
				ada.navigate().refresh();
			}
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
