package com.gavel.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotView;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.web.Browsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.gavel.web.Browsers.role;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer opens the demo house in Chromium and, without anyone touching anything, sees its
 * lots move: a minute of the house's time later every open card's price has changed on screen,
 * on the catalogue and on the demo sale's page, and so has the price on an open lot's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-demo-browser-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=true", "gavel.demo.tick=100ms", "gavel.admin.password=demo-test-admin-password",
				"gavel.auction.tick=100ms" })
@Import(GavelTestConfiguration.class)
class DemoHouseBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aNewcomerSeesTheDemoHouseMoveByItself() {
		Instant now = this.clock.instant();
		// The catalogue shows the lots outside the sale; the sale's lots are on its own page.
		List<LotView> open = this.jdbc
			.queryForList("select d.lot_id from demo_lot d join lot l on l.id = d.lot_id where l.sale_id is null"
					+ " order by d.lot_id", Long.class)
			.stream()
			.map((id) -> this.catalog.lot(id).orElseThrow())
			.filter((l) -> "open".equals(l.status()) && l.endsAt().isAfter(now.plus(Duration.ofMinutes(2))))
			.toList();
		assertThat(open).isNotEmpty();

		WebDriver newcomer = this.browsers.open(1280, 1100);
		newcomer.get("http://localhost:" + this.port + "/");
		Map<Long, String> prices = new HashMap<>();
		for (LotView lot : open) {
			WebElement card = newcomer.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"]"));
			assertThat(card.findElements(role("card-photo"))).hasSize(1);
			prices.put(lot.id(), card.findElement(role("price")).getText());
		}
		Browsers.waiting(newcomer, Duration.ofSeconds(10))
			.until((d) -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
					"return [...document.querySelectorAll('[data-role=card-photo]')].slice(0, 4).every((i) => i.complete && i.naturalWidth > 0)")));
		Browsers.screenshot(newcomer, "demo-catalogue");

		long sale = this.jdbc.queryForObject("select max(id) from sale where kind = 'TIMED'", Long.class);
		assertThat(newcomer.findElements(By.cssSelector("li.sale-card[data-sale-id=\"" + sale + "\"]"))).hasSize(1);
		WebDriver saleWatcher = this.browsers.open(1280, 1100);
		saleWatcher.get("http://localhost:" + this.port + "/sales/" + sale);
		List<WebElement> saleCards = saleWatcher.findElements(By.cssSelector("li.sale-lot-card"));
		assertThat(saleCards).hasSize(DemoSale.LOTS.size());
		Map<String, String> salePrices = new HashMap<>();
		for (WebElement card : saleCards) {
			// Bid counts: a sale lot's first bid is at its starting price, which the card already shows.
			salePrices.put(card.getAttribute("data-lot-id"), card.findElement(role("bids")).getText());
		}

		WebDriver watcher = this.browsers.open(1280, 900);
		LotView first = open.get(0);
		watcher.get("http://localhost:" + this.port + "/lots/" + first.id());
		Browsers.waiting(watcher, Duration.ofSeconds(10))
			.until(ExpectedConditions.attributeToBe(role("connection"), "data-state", "live"));
		String before = watcher.findElement(role("price")).getText();

		// A minute of the house's time: the demo bidders bid, and both pages show it by themselves.
		this.clock.advance(Duration.ofSeconds(55));
		for (LotView lot : open) {
			By card = By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"] [data-role=price]");
			Browsers.waiting(newcomer, Duration.ofSeconds(15))
				.until((d) -> !d.findElement(card).getText().equals(prices.get(lot.id())));
		}
		for (Map.Entry<String, String> lot : salePrices.entrySet()) {
			By card = By.cssSelector("li.sale-lot-card[data-lot-id=\"" + lot.getKey() + "\"] [data-role=bids]");
			Browsers.waiting(saleWatcher, Duration.ofSeconds(15))
				.until((d) -> !d.findElement(card).getText().equals(lot.getValue()));
		}
		Browsers.screenshot(saleWatcher, "demo-sale");
		Browsers.waiting(watcher, Duration.ofSeconds(15))
			.until((d) -> !d.findElement(role("price")).getText().equals(before));
		Browsers.screenshot(watcher, "demo-lot");
	}

}
