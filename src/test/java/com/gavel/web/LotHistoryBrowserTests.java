package com.gavel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidHistoryEntry;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.LotPages.historyRows;
import static com.gavel.web.LotPages.historyTexts;
import static com.gavel.web.LotPages.standing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bid history in real headless Chromium: every change of the price is a row, the leader's
 * automatic bids included, so its top row is always the price and the leader; a voided bid is
 * struck through with the house's reason; the live page and a reload show the same rows, and so
 * does the JSON API.
 */
@WebSpringBootTest
class LotHistoryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	AccountService accounts;

	@Autowired
	JsonMapper json;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aProxyDuelShowsEveryAutomaticBidAndTheTopRowIsAlwaysThePriceAndTheLeader() throws Exception {
		LotView lot = WebFixtures.openLot(this.engine, "Duelling barometer", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver ada = LotPages.bidderOnLot(this.browsers, this.accounts, base(), "ada", lot);
		WebDriver ben = LotPages.bidderOnLot(this.browsers, this.accounts, base(), "ben", lot);

		ada.findElement(By.id("maximum-amount")).sendKeys("69");
		ada.findElement(role("maximum-submit")).click();
		until(ada, (d) -> "leading".equals(standing(d)));

		for (int amount = 62; amount <= 68; amount += 2) {
			String bid = "€" + amount + ".00";
			String answer = "€" + (amount + 1) + ".00";
			ben.findElement(By.id("custom-amount")).sendKeys(Integer.toString(amount));
			ben.findElement(role("custom-submit")).click();
			until(ben, (d) -> text(d, "standing-text").equals("Your bid of " + bid
					+ " stood, but an earlier maximum beat it at once. Bidder 1 leads at " + answer + "."));
			for (WebDriver page : List.of(ada, ben)) {
				until(page, (d) -> text(d, "price").equals(answer));
				until(page, (d) -> historyTexts(d).get(0).startsWith("Bidder 1"));
				assertThat(historyTexts(page).get(0)).contains("automatic", answer);
				assertThat(historyTexts(page).get(1)).contains("Bidder 2", bid);
			}
		}
		List<String> live = historyTexts(ben);
		assertThat(live).hasSize(9);
		assertThat(live.get(0)).startsWith("Bidder 1 automatic €69.00");
		assertThat(text(ben, "leader")).isEqualTo("Bidder 1 leads");
		assertThat(text(ada, "standing-text")).isEqualTo("You’re the highest bidder at €69.00.");

		// A reload shows exactly the rows the live page built, and the JSON API says the same.
		ben.navigate().refresh();
		awaitLive(ben);
		assertThat(historyTexts(ben)).isEqualTo(live);
		JsonNode api = apiHistory(lot);
		assertThat(api).hasSize(9);
		assertThat(api.get(0).get("bidder").asString()).isEqualTo("Bidder 1");
		assertThat(api.get(0).get("kind").asString()).isEqualTo("automatic");
		assertThat(api.get(0).get("amount").asString()).isEqualTo("69.00");
		for (int i = 0; i < api.size(); i++) {
			JsonNode row = api.get(i);
			assertThat(live.get(i)).startsWith(row.get("bidder").asString())
				.contains("€" + row.get("amount").asString());
		}
		Browsers.screenshot(ben, "lot-history");
	}

	@Test
	void aVoidedBidIsStruckThroughWithTheHousesReasonLiveAndAfterAReload() {
		LotView lot = WebFixtures.openLot(this.engine, "Voided vitrine", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebDriver ada = LotPages.bidderOnLot(this.browsers, this.accounts, base(), "ada", lot);
		WebDriver ben = LotPages.bidderOnLot(this.browsers, this.accounts, base(), "ben", lot);
		ada.findElement(By.id("maximum-amount")).sendKeys("100");
		ada.findElement(role("maximum-submit")).click();
		until(ada, (d) -> "leading".equals(standing(d)));
		ben.findElement(By.id("custom-amount")).sendKeys("60");
		ben.findElement(role("custom-submit")).click();
		until(ben, (d) -> "outbid".equals(standing(d)));
		until(ada, (d) -> historyRows(d).size() == 3);

		long bensBid = this.catalog.history(lot.id())
			.stream()
			.filter((row) -> "Bidder 2".equals(row.bidder()))
			.map(BidHistoryEntry::id)
			.findFirst()
			.orElseThrow();
		this.engine.voidBid(bensBid, "Placed from a stolen account", WebFixtures.adminId(this.accounts));

		for (WebDriver page : List.of(ada, ben)) {
			until(page, (d) -> !d.findElements(By.cssSelector("[data-role=history] tr.voided")).isEmpty());
			until(page, (d) -> text(d, "price").equals("€40.00"));
			WebElement voided = page.findElement(By.cssSelector("[data-role=history] tr.voided"));
			assertThat(voided.getText()).contains("Bidder 2", "voided", "Voided by the house: Placed from a stolen account",
					"€60.00");
			assertThat(voided.findElement(By.cssSelector(".num")).getCssValue("text-decoration-line"))
				.isEqualTo("line-through");
			// The automatic answer the voided bid provoked is gone with it: the top row is the price again.
			until(page, (d) -> historyRows(d).size() == 2);
			assertThat(historyTexts(page).get(0)).startsWith("Bidder 2");
			assertThat(historyTexts(page).get(1)).startsWith("Bidder 1").contains("maximum €40.00");
		}
		// The bidder whose bid it was is told why, in the one statement.
		until(ben, (d) -> "voided".equals(standing(d)));
		assertThat(text(ben, "standing-text"))
			.isEqualTo("The auction house voided your bid: Placed from a stolen account");
		until(ada, (d) -> text(d, "standing-text").equals("You’re the highest bidder at €40.00."));

		List<String> live = historyTexts(ben);
		ben.navigate().refresh();
		awaitLive(ben);
		assertThat(historyTexts(ben)).isEqualTo(live);
		assertThat(standing(ben)).isEqualTo("voided");
		assertThat(text(ben, "standing-text"))
			.isEqualTo("The auction house voided your bid: Placed from a stolen account");
	}

	private JsonNode apiHistory(LotView lot) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/lots/" + lot.id() + "/bids"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
