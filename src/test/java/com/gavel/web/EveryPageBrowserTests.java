package com.gavel.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LiveSales;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.auction.Sales;
import com.gavel.watchlist.WatchlistService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, bidder's and admin's, in each language Gavel speaks, as a browser that asks for
 * that language shows it: saved whole as {@code target/screenshots/<page>-<language>.png} for a
 * person to look at, and checked on the way: {@code <html lang>} is the language, no message key
 * is missing ({@code ??key??}), and no sentence of the other language's message files shows,
 * neither from the server nor from the scripts.
 */
@WebSpringBootTest
class EveryPageBrowserTests {

	/** Shorter pieces ("Bidder", "EUR") may rightly read the same in both languages. */
	private static final int SENTENCE_PIECE = 14;

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@Autowired
	WatchlistService watchlist;

	@Autowired
	Sales sales;

	@Autowired
	LiveSales liveSales;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@ParameterizedTest
	@ValueSource(strings = { "en", "pt-BR" })
	void everyPageSpeaksTheReadersLanguage(String language) {
		String tag = unique();
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		String adminName = "house-" + tag;
		this.accounts.register(adminName, adminName + "@example.test", WebFixtures.PASSWORD, Role.ADMIN);
		LotView leading = WebFixtures.openLot(this.engine, "Silver pocket watch " + tag, Duration.ofHours(2),
				Duration.ofMinutes(2), Duration.ofMinutes(2), 12000L, 40000L);
		LotView outbid = WebFixtures.openLot(this.engine, "Celadon vase " + tag, Duration.ofMinutes(50),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		LotView won = WebFixtures.openLot(this.engine, "Oak rocking chair " + tag, Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Instant now = Instant.now();
		LotView upcoming = this.engine.createLot(new LotSpec("Woodblock print " + tag, "Framed, 38 x 26 cm.", "EUR",
				2000, null, null, now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(3)), null,
				Duration.ofMinutes(2), Duration.ofMinutes(2), null));
		this.engine.schedule(upcoming.id());
		WebFixtures.bid(this.engine, leading.id(), ben, "45.00", null);
		WebFixtures.bid(this.engine, leading.id(), ada, null, "90.00");
		WebFixtures.bid(this.engine, outbid.id(), ada, "40.00", null);
		WebFixtures.bid(this.engine, outbid.id(), ben, "55.00", null);
		WebFixtures.bid(this.engine, won.id(), ada, "40.00", null);
		this.engine.closeNow(won.id());
		this.watchlist.watch(ada.id(), leading.id());
		this.watchlist.watch(ada.id(), upcoming.id());
		// A live sale with lot 1 up: an absentee maximum, then a floor bid it answered.
		LiveSaleBrowserTests.LiveSale live = LiveSaleBrowserTests.liveSale(this.sales, "Evening sale " + tag);
		WebFixtures.bid(this.engine, live.first().id(), ben, null, "60.00");
		this.liveSales.bringUp(live.id(), 1, (lot) -> {
		});
		this.liveSales.floorBid(live.id(), 12, null, UUID.randomUUID().toString());
		Set<String> foreign = sentencesOfTheOtherLanguage(language);

		// Anyone.
		WebDriver visitor = this.browsers.open(1280, 900, language);
		visitor.get(base() + "/");
		waiting(visitor).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("li.lot-card[data-lot-id=\"" + upcoming.id() + "\"]")));
		page(visitor, "catalogue", language, foreign);
		visitor.get(base() + "/lots/" + outbid.id());
		awaitLive(visitor);
		page(visitor, "lot-visitor", language, foreign);
		visitor.get(base() + "/login?next=/lots/" + outbid.id());
		page(visitor, "login", language, foreign);
		visitor.get(base() + "/register");
		visitor.findElement(By.id("username")).sendKeys("a b");
		visitor.findElement(By.id("password")).sendKeys("password1");
		visitor.findElement(By.cssSelector("form.form button[type=submit]")).click();
		until(visitor, (d) -> !d.findElements(By.id("password-error")).isEmpty());
		page(visitor, "register", language, foreign);
		visitor.get(base() + "/lots/987654321");
		page(visitor, "error-404", language, foreign);
		visitor.get(base() + "/sales/" + live.id() + "/live");
		awaitLive(visitor);
		until(visitor, (d) -> Browsers.visible(d, "lot-up") && Browsers.visible(d, "next-lots"));
		page(visitor, "sale-room", language, foreign);
		WebDriver phone = this.browsers.open(390, 844, language);
		phone.get(base() + "/");
		page(phone, "catalogue-phone", language, foreign);
		phone.get(base() + "/lots/" + outbid.id());
		awaitLive(phone);
		page(phone, "lot-phone", language, foreign);

		// A bidder.
		WebDriver bidder = this.browsers.open(1280, 900, language);
		Browsers.signIn(bidder, base(), ada.username(), WebFixtures.PASSWORD);
		bidder.get(base() + "/lots/" + leading.id());
		awaitLive(bidder);
		page(bidder, "lot", language, foreign);
		bidder.get(base() + "/lots/" + outbid.id());
		awaitLive(bidder);
		page(bidder, "lot-outbid", language, foreign);
		bidder.get(base() + "/lots/" + won.id());
		until(bidder, (d) -> "won".equals(d.findElement(role("standing")).getAttribute("data-status")));
		page(bidder, "lot-won", language, foreign);
		bidder.get(base() + "/my/bids");
		page(bidder, "my-bids", language, foreign);
		bidder.get(base() + "/my/watchlist");
		page(bidder, "watchlist", language, foreign);
		bidder.get(base() + "/my/notifications");
		page(bidder, "notifications", language, foreign);

		// The house.
		WebDriver house = this.browsers.open(1280, 1000, language);
		Browsers.signIn(house, base(), adminName, WebFixtures.PASSWORD);
		until(house, (d) -> d.getCurrentUrl().endsWith("/admin/lots"));
		page(house, "admin-lots", language, foreign);
		house.get(base() + "/admin/lots/" + leading.id());
		house.findElement(role("category")).sendKeys("Clocks");
		house.findElement(role("save-category")).click();
		until(house, (d) -> !d.findElements(role("notice")).isEmpty());
		page(house, "admin-lot", language, foreign);
		house.get(base() + "/admin/lots/new");
		house.findElement(By.id("startPrice")).sendKeys("forty");
		house.findElement(role("save-lot")).click();
		until(house, (d) -> !d.findElements(By.id("title-error")).isEmpty());
		page(house, "admin-lot-form", language, foreign);
		house.get(base() + "/admin/users?q=" + tag);
		page(house, "admin-users", language, foreign);
		house.get(base() + "/admin/results");
		page(house, "admin-results", language, foreign);
		house.get(base() + "/admin/ledger");
		page(house, "admin-ledger", language, foreign);
		house.get(base() + "/admin/audit");
		page(house, "admin-audit", language, foreign);
		house.get(base() + "/admin/mail");
		page(house, "admin-mail", language, foreign);
		house.get(base() + "/admin/dashboard");
		until(house, (d) -> "live".equals(d.findElement(role("ops-state")).getAttribute("data-state")));
		until(house, (d) -> "ready".equals(
				d.findElement(By.cssSelector("[data-page=admin-dashboard]")).getAttribute("data-chart")));
		page(house, "admin-dashboard", language, foreign);
		house.get(base() + "/admin/sales/" + live.id() + "/clerk");
		awaitLive(house);
		until(house, (d) -> Browsers.visible(d, "up-panel") && !d.findElement(role("recent")).getText().isEmpty());
		page(house, "clerk-console", language, foreign);
	}

	/** Checks the page the browser shows and saves it as {@code <name>-<language>.png}. */
	private static void page(WebDriver driver, String name, String language, Set<String> foreign) {
		String where = name + " in " + language;
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(where).isEqualTo(language);
		String text = driver.findElement(By.tagName("body")).getText();
		assertThat(text).as(where).doesNotContain("??");
		List<String> leaked = new ArrayList<>();
		for (String sentence : foreign) {
			if (text.contains(sentence)) {
				leaked.add(sentence);
			}
		}
		assertThat(leaked).as("sentences of the other language on %s", where).isEmpty();
		Browsers.screenshotWholePage(driver, name + "-" + language);
	}

	/**
	 * Every piece of a sentence in the other language's message files (the text between its
	 * arguments) long enough to be that language's own.
	 */
	private static Set<String> sentencesOfTheOtherLanguage(String language) {
		String other = language.equals("en") ? "_pt_BR" : "";
		Set<String> pieces = new TreeSet<>();
		for (String basename : List.of("messages", "admin-messages")) {
			for (String value : I18nSyncTests.read(basename + other).values()) {
				if (value.contains(",choice,")) {
					continue;
				}
				for (String piece : value.split("\\{\\d+}")) {
					String trimmed = piece.strip();
					if (trimmed.length() >= SENTENCE_PIECE && trimmed.contains(" ")) {
						pieces.add(trimmed);
					}
				}
			}
		}
		assertThat(pieces).as("sentences to look out for").hasSizeGreaterThan(200);
		return pieces;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
