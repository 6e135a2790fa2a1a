package com.gavel.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.LiveSales;
import com.gavel.auction.Sales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live sale in three real browsers at once: the clerk's console (an admin), an online bidder's
 * sale room and an anonymous watcher's on a phone. An absentee maximum placed before the sale
 * answers the clerk's floor bid by itself; fair warning counts down in every room and restarts
 * when the online bidder bids at the ask with the room's one button; the hammer is refused while
 * it runs and falls after, and every browser shows the lot sold; then the room moves on to lot 2.
 * Fair warning lasts 3 s here ({@code gavel.sales.fair-warning}): long enough for a click to land
 * inside it, short enough to wait out.
 */
@WebSpringBootTest
@TestPropertySource(properties = "gavel.sales.fair-warning=3s")
class LiveSaleBrowserTests {

	/** Fair warning (3 s) with room to spare for a slow machine, for waiting until it has run out. */
	private static final Duration FAIR_WARNING_OVER = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	Sales sales;

	@Autowired
	LiveSales live;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@Autowired
	LotPhotos photos;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void theClerkSellsALotToAnOnlineBidderWhileTheRoomWatches() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String adminName = "clerk-" + tag;
		this.accounts.register(adminName, adminName + "@example.test", WebFixtures.PASSWORD, Role.ADMIN);
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		LiveSale sale = liveSale(this.sales, "Evening sale " + tag);
		this.photos.addForHouse(sale.first().id(), GalleryBrowserTests.demoPhoto("mantel-clock"), "mantel-clock.jpg",
				"Mantel clock in a walnut case");
		// Ben leaves a maximum before the sale: 42.00 on lot 1, which starts at 40.00.
		WebFixtures.bid(this.engine, sale.first().id(), ben, null, "42.00");

		WebDriver clerk = this.browsers.open(1280, 1000);
		Browsers.signIn(clerk, base(), adminName, WebFixtures.PASSWORD);
		clerk.get(base() + "/admin/sales/" + sale.id() + "/clerk");
		WebDriver bidder = this.browsers.open(1280, 900);
		Browsers.signIn(bidder, base(), ada.username(), WebFixtures.PASSWORD);
		bidder.get(base() + "/sales/" + sale.id() + "/live");
		WebDriver watcher = this.browsers.open(390, 844);
		watcher.get(base() + "/sales/" + sale.id() + "/live");
		for (WebDriver driver : List.of(clerk, bidder, watcher)) {
			Browsers.awaitLive(driver);
		}
		until(watcher, (d) -> Browsers.visible(d, "between-lots"));
		assertThat(text(watcher, "between-lots")).isEqualTo("The auctioneer will bring the next lot up.");
		assertThat(Browsers.visible(bidder, "lot-up")).isFalse();

		// The clerk brings lot 1 up: every room announces it and shows it, the console its absentee maximum.
		bringUp(clerk, 1);
		for (WebDriver room : List.of(bidder, watcher)) {
			until(room, (d) -> text(d, "announcement").equals("Lot 1 is now up"));
			assertThat(text(room, "lot-number")).isEqualTo("Lot 1");
			assertThat(text(room, "lot-title")).isEqualTo(sale.first().title());
			assertThat(text(room, "estimate")).isEqualTo("Estimate €50.00–€80.00");
			assertThat(text(room, "price")).isEqualTo("€40.00");
			until(room, (d) -> Boolean.TRUE.equals(Browsers.script(d,
					"const i = document.querySelector('[data-role=photo]'); return i.complete && i.naturalWidth > 0;")));
		}
		assertThat(text(bidder, "bid-ask")).isEqualTo("Bid €41.00");
		assertThat(Browsers.visible(watcher, "sign-in-to-bid")).isTrue();
		assertThat(text(watcher, "next-lots")).contains("Lot 2", sale.second().title());
		until(clerk, (d) -> text(d, "up-title").equals("Lot 1: " + sale.first().title()));
		assertThat(text(clerk, "absentee")).contains(ben.username(), "€42.00");

		// A floor bid by paddle at the ask: Ben's maximum answers it at once.
		WebElement paddle = clerk.findElement(role("floor-paddle"));
		until(clerk, (d) -> "41.00".equals(d.findElement(role("floor-amount")).getAttribute("value")));
		paddle.sendKeys("12", Keys.ENTER);
		until(clerk, (d) -> text(d, "message").startsWith("Paddle 12 bid €41.00"));
		assertThat(text(clerk, "message")).isEqualTo(
				"Paddle 12 bid €41.00, but a standing maximum answered at once: the price is now €42.00.");
		until(clerk, (d) -> text(d, "recent").contains("Paddle 12"));
		assertThat(text(clerk, "price")).isEqualTo("€42.00");
		assertThat(text(clerk, "leader")).isEqualTo(ben.username());
		assertThat(text(clerk, "leader-maximum")).isEqualTo("€42.00");
		for (WebDriver room : List.of(bidder, watcher)) {
			until(room, (d) -> text(d, "price").equals("€42.00"));
		}
		until(bidder, (d) -> text(d, "bid-ask").equals("Bid €43.00"));

		// Fair warning: every room counts it down.
		clerk.findElement(role("fair-warning-button")).click();
		until(clerk, (d) -> text(d, "message").equals("Fair warning called on lot 1."));
		until(watcher, (d) -> Browsers.visible(d, "fair-warning") && text(d, "fair-warning-countdown").matches("[1-3]s"));
		String firstWarningEnd = endsAt(watcher);
		until(bidder, (d) -> Browsers.visible(d, "fair-warning"));
		Browsers.screenshotWholePage(watcher, "sale-room-phone");

		// The online bidder bids at the ask with the one button: fair warning starts again.
		bidder.findElement(role("bid-ask")).click();
		until(watcher, (d) -> Instant.parse(endsAt(d)).isAfter(Instant.parse(firstWarningEnd)));
		// The clerk tries the hammer at once: the restarted warning is still running.
		clerk.findElement(role("hammer-button")).click();
		until(clerk, (d) -> text(d, "message").startsWith("Fair warning is still running:"));
		assertThat(text(clerk, "message")).matches("Fair warning is still running: [0-3]s left\\.");
		until(bidder, (d) -> text(d, "standing-text").equals("You’re the highest bidder at €43.00."));
		assertThat(text(watcher, "price")).isEqualTo("€43.00");
		// Ben, then paddle 12, then Ada bid on the lot: she is its third bidder.
		assertThat(text(watcher, "leader")).isEqualTo("Bidder 3 leads");
		Browsers.screenshot(bidder, "sale-room");
		until(clerk, (d) -> text(d, "recent").contains(ada.username()));
		assertThat(text(clerk, "leader")).isEqualTo(ada.username());
		Browsers.screenshotWholePage(clerk, "clerk-console");

		// Once it ran out, the hammer falls: sold to the online bidder, in every browser.
		Browsers.waiting(clerk, FAIR_WARNING_OVER)
			.until((d) -> "over".equals(d.findElement(role("fair-warning")).getAttribute("data-state")));
		clerk.findElement(role("hammer-button")).click();
		until(clerk, (d) -> text(d, "message").equals("Hammer: lot 1 sold for €43.00."));
		for (WebDriver room : List.of(bidder, watcher)) {
			until(room, (d) -> Browsers.visible(d, "result") && text(d, "result").equals("Sold for €43.00"));
			assertThat(Browsers.visible(room, "fair-warning")).isFalse();
			assertThat(Browsers.visible(room, "between-lots")).isTrue();
		}
		assertThat(text(watcher, "announcement")).isEqualTo("Lot 1 sold for €43.00.");
		assertThat(text(bidder, "standing-text")).isEqualTo("You won this lot for €43.00.");
		assertThat(Browsers.visible(bidder, "bidding")).isFalse();
		until(clerk, (d) -> lotStatus(d, sale.first()).equals("Sold"));
		assertThat(Browsers.visible(clerk, "none-up")).isTrue();

		// The room moves on with the clerk.
		bringUp(clerk, 2);
		for (WebDriver room : List.of(bidder, watcher)) {
			until(room, (d) -> text(d, "announcement").equals("Lot 2 is now up"));
			until(room, (d) -> text(d, "lot-number").equals("Lot 2"));
			assertThat(text(room, "lot-title")).isEqualTo(sale.second().title());
			assertThat(Browsers.visible(room, "result")).isFalse();
			assertThat(Browsers.visible(room, "between-lots")).isFalse();
		}
		assertThat(text(bidder, "bid-ask")).isEqualTo("Bid €20.00");
		assertThat(Browsers.visible(bidder, "standing")).isFalse();
		until(clerk, (d) -> lotStatus(d, sale.second()).equals("Up now"));
	}

	@Test
	void aLiveLotsPageShowsNoClockButTheWayToTheRoomAndTakesAbsenteeBids() {
		LiveSale sale = liveSale(this.sales, "Morning sale " + UUID.randomUUID().toString().substring(0, 6));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver page = this.browsers.open();
		Browsers.signIn(page, base(), ada.username(), WebFixtures.PASSWORD);
		page.get(base() + "/lots/" + sale.first().id());
		Browsers.awaitLive(page);

		assertThat(text(page, "live-note")).isEqualTo("Live sale: this lot is called by the auctioneer. Go to the sale room");
		assertThat(page.findElement(role("room-link")).getAttribute("href")).endsWith("/sales/" + sale.id() + "/live");
		assertThat(Browsers.visible(page, "clock")).isFalse();
		assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain("Ends in", "Scheduled end");

		// An absentee maximum, placed before the lot comes up.
		page.findElement(By.id("maximum-amount")).sendKeys("70");
		page.findElement(role("maximum-submit")).click();
		until(page, (d) -> "leading".equals(d.findElement(role("standing")).getAttribute("data-status")));
		assertThat(Browsers.visible(page, "clock")).isFalse();

		// The sale's page shows its lots without a clock too, as rendered and as the lot comes up.
		page.get(base() + "/sales/" + sale.id());
		assertThat(page.findElements(By.cssSelector("li.sale-lot-card [data-role=countdown]")))
			.extracting(WebElement::getText)
			.containsOnly("Called live");
		this.live.bringUp(sale.id(), 1, (lot) -> {
		});
		until(page, (d) -> d.findElement(By.cssSelector("[data-lot-id=\"" + sale.first().id() + "\"] [data-role=countdown]"))
			.getText()
			.equals("Up now"));
		assertThat(page.findElements(By.cssSelector("li.sale-lot-card [data-role=countdown][data-ends-at]"))).isEmpty();
	}

	/** A live sale of two lots, open for absentee bids; the clerk has brought none up. */
	record LiveSale(long id, LotView first, LotView second) {
	}

	static LiveSale liveSale(Sales sales, String title) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long sale = sales.create(new SaleSpec(title, "Clocks and lamps, called by the auctioneer.", "EUR",
				SaleKind.LIVE, now.minusSeconds(60), now.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1), false,
				new BigDecimal("20"), BigDecimal.ZERO, null, "Pay within three days.", "Collect on Friday."), (id) -> {
				});
		List<LotView> lots = sales.createLots(sale,
				List.of(new SaleLotSpec("Walnut mantel clock", "Eight-day movement.", 4000, null, null, 1, 5_000L, 8_000L),
						new SaleLotSpec("Brass desk lamp", "Green glass shade.", 2000, null, null, 2, null, null)),
				(view, spec) -> {
				});
		sales.schedule(sale, () -> {
		});
		sales.openNow(sale, () -> {
		});
		return new LiveSale(sale, lots.get(0), lots.get(1));
	}

	private static void bringUp(WebDriver clerk, int number) {
		clerk.findElement(By.cssSelector("[data-role=bring-up][data-lot-number=\"" + number + "\"]")).click();
		until(clerk, (d) -> text(d, "message").equals("Lot " + number + " is up."));
	}

	private static String endsAt(WebDriver room) {
		return room.findElement(role("fair-warning-countdown")).getAttribute("data-ends-at");
	}

	private static String lotStatus(WebDriver clerk, LotView lot) {
		// The chip's words as written (it shows them in capitals).
		return clerk.findElement(By.cssSelector("tr[data-lot-id=\"" + lot.id() + "\"] [data-role=lot-status]"))
			.getDomProperty("textContent");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
