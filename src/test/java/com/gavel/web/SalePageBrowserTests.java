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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.admin.LotCategories;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sale's public page in a real browser, reached from the catalogue, where live and coming sales
 * come first: its lots in lot-number order with their numbers and estimates, kept live, and
 * narrowed or sorted by its filters.
 */
@WebSpringBootTest
class SalePageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Sales sales;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@Autowired
	LotCategories categories;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aVisitorFindsTheSaleFirstAndBrowsesItsLots() {
		String title = "Evening sale of clocks " + UUID.randomUUID().toString().substring(0, 6);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long sale = this.sales.create(new SaleSpec(title, "Clocks and lamps from one house.", "EUR", SaleKind.TIMED,
				now.minusSeconds(60), now.plus(Duration.ofHours(1)), Duration.ofMinutes(1), true,
				new BigDecimal("25"), new BigDecimal("20"), null, "Pay within three days.", "Collect on Friday."),
				(id) -> {
				});
		List<LotView> lots = this.sales.createLots(sale,
				List.of(new SaleLotSpec("Carriage clock", "", 6000, null, null, 3, 10_000L, 15_000L),
						new SaleLotSpec("Mantel clock", "", 8000, null, null, 1, 12_000L, 18_000L),
						new SaleLotSpec("Desk lamp", "", 1500, null, null, 2, null, null),
						new SaleLotSpec("Wall clock", "", 3000, null, null, 4, null, null)),
				(view, spec) -> {
				});
		long carriage = lots.get(0).id();
		long mantel = lots.get(1).id();
		long lamp = lots.get(2).id();
		long wall = lots.get(3).id();
		this.categories.setForHouse(carriage, "Clocks");
		this.categories.setForHouse(mantel, "Clocks");
		this.categories.setForHouse(wall, "Clocks");
		this.categories.setForHouse(lamp, "Lighting");
		this.sales.schedule(sale, () -> {
		});
		this.sales.openNow(sale, () -> {
		});
		LotView loose = WebFixtures.openLot(this.engine, "Loose brass barometer", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");

		// The catalogue shows the live sale above the loose lots; the sale's lots are on its page.
		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/");
		WebElement card = waiting(visitor).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("li.sale-card[data-sale-id=\"" + sale + "\"]")));
		assertThat(card.getText()).contains(title, "4 lots", "1 minute apart");
		assertThat(card.getAttribute("data-status")).isEqualTo("open");
		WebElement looseCard = visitor.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + loose.id() + "\"]"));
		assertThat((Boolean) Browsers.script(visitor,
				"return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);",
				card, looseCard)).as("the sale comes before the loose lots").isTrue();
		assertThat(visitor.findElements(By.cssSelector("li.lot-card[data-lot-id=\"" + mantel + "\"]"))).isEmpty();
		Browsers.screenshot(visitor, "catalogue-with-sale");

		card.findElement(By.cssSelector("a")).click();
		until(visitor, (d) -> d.getCurrentUrl().endsWith("/sales/" + sale));
		assertThat(Browsers.text(visitor, "sale-title")).isEqualTo(title);
		assertThat(numbers(visitor)).containsExactly("1", "2", "3", "4");
		assertThat(cardOf(visitor, mantel).findElement(role("lot-number")).getText()).isEqualTo("Lot 1");
		assertThat(cardOf(visitor, mantel).findElement(role("estimate")).getText()).isEqualTo("Estimate €120.00–€180.00");
		assertThat(cardOf(visitor, lamp).findElements(role("estimate"))).isEmpty();
		assertThat(Browsers.text(visitor, "group-soft-close")).contains("every later lot");
		visitor.findElement(By.cssSelector("[data-role=sale-terms] summary")).click();
		assertThat(Browsers.text(visitor, "premium")).isEqualTo("25 %");

		// The cards are live: a bid on lot 2 shows up at once.
		until(visitor, (d) -> Boolean.TRUE.equals(Browsers.script(d,
				"return !!(window.gavelCatalogue && window.gavelCatalogue.client.isLive());")));
		WebFixtures.bid(this.engine, lamp, ada, "40.00", null);
		until(visitor, (d) -> cardOf(d, lamp).findElement(role("price")).getText().equals("€40.00"));
		Browsers.screenshot(visitor, "sale-page");
		Browsers.script(visitor, "document.getElementById('sale-lots-title').scrollIntoView({block: 'start'})");
		Browsers.screenshot(visitor, "sale-page-lots");

		// Sorted by price, highest first: the lamp at 40 falls between the clocks at 80 and 30.
		new Select(visitor.findElement(role("filter-sort"))).selectByValue("price-high");
		visitor.findElement(role("apply-filters")).click();
		until(visitor, (d) -> d.getCurrentUrl().contains("sort=price-high"));
		assertThat(numbers(visitor)).containsExactly("1", "3", "2", "4");

		// One category, then the ended lots only.
		new Select(visitor.findElement(role("filter-category"))).selectByValue("Lighting");
		visitor.findElement(role("apply-filters")).click();
		until(visitor, (d) -> d.getCurrentUrl().contains("category=Lighting"));
		assertThat(numbers(visitor)).containsExactly("2");
		this.engine.closeNow(wall);
		visitor.get(base() + "/sales/" + sale + "?show=ended");
		assertThat(numbers(visitor)).containsExactly("4");
		assertThat(new Select(visitor.findElement(role("filter-show"))).getFirstSelectedOption().getText())
			.isEqualTo("Ended");
	}

	@Test
	void aLaterLotsPageFollowsAGroupSoftCloseMove() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String title = "Group sale " + UUID.randomUUID().toString().substring(0, 6);
		// Lot 1 ends in 90 seconds, inside the 2-minute soft-close window from the start.
		long sale = this.sales.create(new SaleSpec(title, "", "EUR", SaleKind.TIMED, now.minusSeconds(60),
				now.plusSeconds(90), Duration.ofMinutes(1), true, BigDecimal.ZERO, BigDecimal.ZERO, null, "", ""),
				(id) -> {
				});
		List<LotView> lots = this.sales.createLots(sale,
				List.of(new SaleLotSpec("First vase", "", 1000, null, null, 1, null, null),
						new SaleLotSpec("Second vase", "", 1000, null, null, 2, null, null)),
				(view, spec) -> {
				});
		this.sales.schedule(sale, () -> {
		});
		this.sales.openNow(sale, () -> {
		});
		Account ada = WebFixtures.bidder(this.accounts, "ada");

		WebDriver watcher = this.browsers.open();
		watcher.get(base() + "/lots/" + lots.get(1).id());
		Browsers.awaitLive(watcher);
		assertThat(Browsers.text(watcher, "lot-number")).isEqualTo("Lot 2 of " + title);
		assertThat(watcher.findElement(role("sale-link")).getAttribute("href")).endsWith("/sales/" + sale);

		assertThat(WebFixtures.bid(this.engine, lots.get(0).id(), ada, "10.00", null).accepted()).isTrue();

		until(watcher, (d) -> d.findElement(role("announcer")).getAttribute("textContent")
			.startsWith("Group soft close: a late bid on lot 1 moved this lot too."));
	}

	@Test
	void aDraftSaleIsNotFound() {
		Instant now = Instant.now();
		long draft = this.sales.create(new SaleSpec("Draft sale", "", "EUR", SaleKind.TIMED, now.plusSeconds(3600),
				now.plusSeconds(7200), Duration.ofMinutes(1), false, BigDecimal.ZERO, BigDecimal.ZERO, null, "", ""),
				(id) -> {
				});
		WebDriver visitor = this.browsers.open();
		visitor.get(base() + "/sales/" + draft);
		assertThat(visitor.getPageSource()).doesNotContain("Draft sale");
		assertThat(visitor.findElements(By.cssSelector("[data-page=sale]"))).isEmpty();
	}

	private static WebElement cardOf(WebDriver driver, long lotId) {
		return driver.findElement(By.cssSelector("li.sale-lot-card[data-lot-id=\"" + lotId + "\"]"));
	}

	private static List<String> numbers(WebDriver driver) {
		return driver.findElements(By.cssSelector("li.sale-lot-card"))
			.stream()
			.map((li) -> li.getAttribute("data-lot-number"))
			.toList();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
