package com.gavel.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;

/**
 * Two bidders in a house of two nodes, each signed in on another node (as a load balancer may
 * place them), see each other's bids on the lot page as they happen.
 */
class ClusterBrowserTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void biddersOnDifferentNodesSeeEachOthersBidsLive() {
		Map<String, String> settings = Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
				"gavel.demo.enabled", "false");
		GavelNode a = postgres.start(settings, GavelTestConfiguration.class);
		GavelNode b = postgres.start(settings, GavelTestConfiguration.class);
		Instant now = a.bean(MutableClock.class).instant();
		AuctionEngine engine = a.bean(AuctionEngine.class);
		LotView lot = engine.openNow(engine
			.createLot(new LotSpec("Two-node carriage clock", "Watched through two nodes", "EUR", 4000, null, null,
					now.minusSeconds(60), now.plus(Duration.ofHours(1)), null, Duration.ofMinutes(2),
					Duration.ofMinutes(2), null))
			.id());
		WebDriver ada = bidderOnLot(a, lot);
		WebDriver ben = bidderOnLot(b, lot);

		ada.findElement(role("bid-ask")).click();
		until(ada, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		until(ben, (d) -> text(d, "price").equals("€40.00"));

		ben.findElement(By.id("maximum-amount")).sendKeys("100");
		ben.findElement(role("maximum-submit")).click();
		until(ben, (d) -> text(d, "standing-text").contains("You lead at €41.00"));
		until(ada, (d) -> text(d, "standing-text").equals("You’ve been outbid. Bidder 2 leads at €41.00."));
		until(ada, (d) -> text(d, "price").equals("€41.00"));
	}

	private WebDriver bidderOnLot(GavelNode node, LotView lot) {
		Account account = TestAccounts.newBidder(node.bean(AccountService.class), "node");
		WebDriver driver = this.browsers.open();
		Browsers.signIn(driver, node.url(), account.username(), TestAccounts.PASSWORD);
		driver.get(node.url() + "/lots/" + lot.id());
		awaitLive(driver);
		return driver;
	}

}
