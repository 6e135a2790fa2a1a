package com.gavel.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other pages in a real browser: catalogue, register and sign in (each returning to the page
 * the person came from, an admin to the admin area), field errors, my bids, watchlist, errors.
 */
@WebSpringBootTest
class PagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void theCatalogueIsLiveAndLooksLikeAProduct() {
		LotView watch = WebFixtures.openLot(this.engine, "Silver pocket watch, 1890s", Duration.ofHours(2),
				Duration.ofMinutes(2), Duration.ofMinutes(2), 12000L, null);
		LotView lamp = WebFixtures.openLot(this.engine, "Brass desk lamp with green glass shade",
				Duration.ofMinutes(4), Duration.ofMinutes(2), Duration.ofMinutes(2), null, 9000L);
		Instant now = Instant.now();
		LotView print = this.engine.createLot(new LotSpec("Hokusai woodblock print (later edition)",
				"Framed, 38 x 26 cm.", "USD", 20000, null, null, now.plus(Duration.ofMinutes(10)),
				now.plus(Duration.ofHours(3)), null, Duration.ofMinutes(2), Duration.ofMinutes(2), null));
		this.engine.schedule(print.id());
		LotView chair = WebFixtures.openLot(this.engine, "Oak rocking chair", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebFixtures.bid(this.engine, watch.id(), ada, "45.00", null);
		WebFixtures.bid(this.engine, watch.id(), ben, null, "80.00");
		WebFixtures.bid(this.engine, chair.id(), ben, "40.00", null);
		this.engine.closeNow(chair.id());

		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/");
		By card = By.cssSelector("li.lot-card[data-lot-id=\"" + lamp.id() + "\"]");
		waiting(visitor).until(ExpectedConditions.presenceOfElementLocated(card));
		// The catalogue follows the lots live: a bid elsewhere shows up on the card.
		waitForCatalogueSocket(visitor);
		WebFixtures.bid(this.engine, lamp.id(), ada, "52.00", null);
		until(visitor, (d) -> d.findElement(card).findElement(role("price")).getText().equals("€52.00"));
		assertThat(visitor.findElement(card).findElement(role("bids")).getText()).isEqualTo("1 bid");
		Browsers.screenshot(visitor, "catalogue");

		WebDriver phone = this.browsers.open(390, 844);
		phone.get(base() + "/");
		waiting(phone).until(ExpectedConditions.presenceOfElementLocated(card));
		Browsers.screenshot(phone, "catalogue-phone");
		phone.get(base() + "/lots/" + watch.id());
		awaitLive(phone);
		Browsers.screenshot(phone, "lot-page-phone");
	}

	@Test
	void aNewBidderRegistersSignsInAndFindsTheirBidsAndWatchlist() {
		LotView leading = WebFixtures.openLot(this.engine, "Leading lacquer tray", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		LotView outbid = WebFixtures.openLot(this.engine, "Outbid onyx vase", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		LotView won = WebFixtures.openLot(this.engine, "Won walnut box", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		String name = "newcomer" + (System.nanoTime() % 1_000_000);

		WebDriver browser = this.browsers.open();
		browser.get(base() + "/register");
		browser.findElement(By.id("username")).sendKeys(name);
		browser.findElement(By.id("email")).sendKeys(name + "@example.test");
		browser.findElement(By.id("password")).sendKeys("short");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		until(browser, (d) -> !d.findElements(By.id("password-error")).isEmpty());
		browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		// Registered and signed in at once, on the catalogue (where the Register link was followed from).
		until(browser, (d) -> !d.findElements(role("who")).isEmpty());
		assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/");
		assertThat(text(browser, "welcome")).isEqualTo("Welcome, " + name + ". You’re signed in and can bid.");

		Account me = this.accounts.findByUsername(name).orElseThrow();
		Account rival = WebFixtures.bidder(this.accounts, "rival");
		WebFixtures.bid(this.engine, leading.id(), me, "40.00", null);
		WebFixtures.bid(this.engine, outbid.id(), me, "40.00", null);
		WebFixtures.bid(this.engine, outbid.id(), rival, "50.00", null);
		WebFixtures.bid(this.engine, won.id(), me, "40.00", null);
		this.engine.closeNow(won.id());

		browser.get(base() + "/my/bids");
		assertThat(groupText(browser, "leading")).contains("Leading lacquer tray");
		assertThat(groupText(browser, "outbid")).contains("Outbid onyx vase");
		assertThat(groupText(browser, "won")).contains("Won walnut box");

		browser.get(base() + "/lots/" + outbid.id());
		awaitLive(browser);
		assertThat(text(browser, "standing-text")).isEqualTo("You’ve been outbid. Bidder 2 leads at €50.00.");
		browser.findElement(role("watch")).click();
		until(browser, (d) -> visible(d, "unwatch"));
		browser.get(base() + "/my/watchlist");
		assertThat(browser.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + outbid.id() + "\"]")).getText())
			.contains("Outbid onyx vase", "€50.00");
	}

	@Test
	void registerToBidComesBackToTheLotSignedInAndSaysWhatIsWrongNextToTheField() {
		LotView lot = WebFixtures.openLot(this.engine, "Registered rosewood box", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		String name = "joiner" + (System.nanoTime() % 1_000_000);
		WebDriver browser = this.browsers.open();
		browser.get(base() + "/lots/" + lot.id());
		browser.findElement(role("register-to-bid")).click();
		until(browser, (d) -> d.getCurrentUrl().contains("/register"));

		// A username that is too short and an email that is not one: each field says so, next to it.
		browser.findElement(By.id("username")).sendKeys("jo");
		browser.findElement(By.id("email")).sendKeys("jo-at-example");
		browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		until(browser, (d) -> !d.findElements(By.id("username-error")).isEmpty());
		WebElement username = browser.findElement(By.id("username"));
		WebElement usernameError = browser.findElement(By.id("username-error"));
		assertThat(usernameError.getText()).isEqualTo("Choose a username of 3 to 40 characters.");
		assertThat(browser.findElement(By.id("email-error")).getText())
			.isEqualTo("Enter an email address such as name@example.com.");
		assertThat(fieldOf(usernameError)).isEqualTo(fieldOf(username));
		assertThat(username.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(username.getAttribute("aria-describedby")).contains("username-error");
		assertThat(usernameError.getLocation().getY()).isGreaterThan(username.getLocation().getY())
			.isLessThan(browser.findElement(By.id("email")).getLocation().getY());
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("size must be between",
				"must be a well-formed");
		assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
		Browsers.screenshot(browser, "register-errors");

		username.clear();
		username.sendKeys(name);
		browser.findElement(By.id("email")).clear();
		browser.findElement(By.id("email")).sendKeys(name + "@example.test");
		browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

		// Back on the lot, signed in, with the bid controls.
		until(browser, (d) -> d.getCurrentUrl().equals(base() + "/lots/" + lot.id()));
		assertThat(text(browser, "who")).isEqualTo(name);
		assertThat(text(browser, "welcome")).isEqualTo("Welcome, " + name + ". You’re signed in and can bid.");
		awaitLive(browser);
		assertThat(visible(browser, "bid-ask")).isTrue();
		browser.findElement(role("bid-ask")).click();
		until(browser, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		// The welcome is said once.
		browser.navigate().refresh();
		assertThat(browser.findElements(role("welcome"))).isEmpty();
	}

	@Test
	void anAdminLandsInTheAdminAreaAndFindsItFromEveryPage() {
		LotView lot = WebFixtures.openLot(this.engine, "Admin-visited atlas", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver browser = this.browsers.open();
		browser.get(base() + "/lots/" + lot.id());
		assertThat(browser.findElements(role("admin-link"))).isEmpty();
		browser.findElement(role("sign-in-link")).click();
		until(browser, (d) -> d.getCurrentUrl().contains("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(WebFixtures.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

		until(browser, (d) -> d.getCurrentUrl().equals(base() + "/admin/lots"));
		assertThat(browser.findElement(By.cssSelector("[data-page=admin-lots]")).isDisplayed()).isTrue();
		for (String page : List.of("/", "/lots/" + lot.id(), "/admin/users", "/lots/987654321")) {
			browser.get(base() + page);
			assertThat(browser.findElement(role("admin-link")).getText()).as(page).isEqualTo("Admin");
		}
		browser.findElement(role("admin-link")).click();
		until(browser, (d) -> d.getCurrentUrl().equals(base() + "/admin/lots"));

		// A bidder never sees the link.
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver bidder = this.browsers.open();
		Browsers.signIn(bidder, base(), ada.username(), WebFixtures.PASSWORD);
		assertThat(bidder.getCurrentUrl()).isEqualTo(base() + "/");
		assertThat(bidder.findElements(role("admin-link"))).isEmpty();
	}

	@Test
	void signInToBidComesBackToTheLot() {
		LotView lot = WebFixtures.openLot(this.engine, "Round-trip rug", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver browser = this.browsers.open();
		browser.get(base() + "/lots/" + lot.id());
		browser.findElement(role("sign-in-to-bid")).click();
		until(browser, (d) -> d.getCurrentUrl().contains("/login"));
		// A mistyped password keeps the way back to the lot.
		browser.findElement(By.id("username")).sendKeys(ada.username());
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		until(browser, (d) -> !d.findElements(role("login-failed")).isEmpty());
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(ada.username());
		browser.findElement(By.id("password")).sendKeys(WebFixtures.PASSWORD);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		until(browser, (d) -> d.getCurrentUrl().equals(base() + "/lots/" + lot.id()));
		awaitLive(browser);
		assertThat(visible(browser, "bid-ask")).isTrue();
	}

	@Test
	void errorPagesAreFriendly() {
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver browser = this.browsers.open();
		browser.get(base() + "/lots/987654321");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We can’t find that page");
		Browsers.signIn(browser, base(), ada.username(), WebFixtures.PASSWORD);
		browser.get(base() + "/actuator/metrics");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("That’s not for you");
		assertThat(browser.findElement(By.cssSelector(".error-page")).getAttribute("data-status")).isEqualTo("403");
	}

	/** The field (label, input, help and error: fragments/fields) an element belongs to. */
	private static WebElement fieldOf(WebElement element) {
		return element.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]"));
	}

	private static String groupText(WebDriver driver, String group) {
		return driver.findElement(By.cssSelector("[data-group=\"" + group + "\"]")).getText();
	}

	/** The catalogue has no connection badge; its socket is up once the client has said hello. */
	private static void waitForCatalogueSocket(WebDriver driver) {
		until(driver, (d) -> Boolean.TRUE.equals(Browsers.script(d,
				"return !!(window.gavelCatalogue && window.gavelCatalogue.client.isLive());")));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
