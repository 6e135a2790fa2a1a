package com.gavel.invoice;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.Sales;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import com.gavel.support.TestSale;
import com.gavel.support.TestSale.Item;
import com.gavel.web.Browsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * My purchases and an invoice in real headless Chromium: from the header's link to the invoice,
 * its Print button, and the invoice as it prints (print media emulated): no header, footer or
 * buttons, black on white, the table within an A4 page's width. Screenshots in
 * {@code target/screenshots}: {@code my-purchases}, {@code my-purchases-phone}, {@code invoice}, {@code invoice-print} and
 * {@code invoice-pt-BR}.
 */
@GavelSpringBootTest
class PurchasesBrowserTests {

	/** An A4 page's printable width at 96 CSS pixels an inch: 210 mm less two 15 mm margins. */
	private static final int A4_PRINTABLE_WIDTH = 680;

	@LocalServerPort
	private int port;

	@Autowired
	private Sales sales;

	@Autowired
	private SaleCatalog saleCatalog;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void theBuyerOpensTheirInvoiceFromMyPurchasesAndItPrintsAsTheInvoiceAlone() {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "25", "8.875",
				"Pay by bank transfer within five working days.\nIBAN NL00 GAVL 0123 4567 89",
				"Collect from the saleroom, Monday to Friday, 9:00 to 17:00.",
				new Item("Silver pocket watch with a hunter case", 5_000, null), new Item("Brass desk lamp", 500, null),
				new Item("Pair of oak dining chairs", 2_000, null));
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		Account ben = TestAccounts.newBidder(this.accounts, "ben");
		sale.bid(this.engine, 1, ada, "1250.00");
		sale.bid(this.engine, 2, ada, "10.50");
		sale.bid(this.engine, 3, ben, "41.00");
		sale.close(this.engine, this.saleCatalog);

		WebDriver page = this.browsers.open(1280, 900);
		Browsers.signIn(page, base(), ada.username(), TestAccounts.PASSWORD);
		page.findElement(Browsers.role("purchases-link")).click();
		WebElement row = Browsers.waiting(page, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(Browsers.role("purchase")));
		assertThat(row.getAttribute("data-sale-id")).isEqualTo(Long.toString(sale.id()));
		assertThat(row.findElement(Browsers.role("total")).getText()).isEqualTo("€1,715.47");
		assertThat(textContent(row.findElement(Browsers.role("invoice-status")))).isEqualTo("Final");
		Browsers.screenshot(page, "my-purchases");
		page.manage().window().setSize(new Dimension(390, 844));
		Browsers.screenshot(page, "my-purchases-phone");
		page.manage().window().setSize(new Dimension(1280, 900));

		row.findElement(Browsers.role("invoice-link")).click();
		WebElement print = Browsers.waiting(page, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(Browsers.role("print")));
		assertThat(print.getText()).isEqualTo("Print");
		assertThat(page.findElements(Browsers.role("line"))).hasSize(2);
		assertThat(Browsers.text(page, "total")).isEqualTo("€1,715.47");
		assertThat(page.findElement(By.cssSelector(".site-header")).isDisplayed()).isTrue();
		Browsers.screenshotWholePage(page, "invoice");

		page.manage().window().setSize(new Dimension(A4_PRINTABLE_WIDTH, 1000));
		((ChromeDriver) page).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(page.findElement(By.cssSelector(".site-header")).isDisplayed()).as("the header and its nav")
			.isFalse();
		assertThat(page.findElement(By.cssSelector(".site-footer")).isDisplayed()).isFalse();
		assertThat(page.findElement(Browsers.role("print")).isDisplayed()).isFalse();
		assertThat(page.findElement(Browsers.role("invoice")).isDisplayed()).isTrue();
		assertThat(style(page, "body", "backgroundColor")).isEqualTo("rgb(255, 255, 255)");
		assertThat(style(page, "[data-role=invoice]", "color")).isEqualTo("rgb(0, 0, 0)");
		assertThat(style(page, "[data-role=invoice-status]", "color")).isEqualTo("rgb(0, 0, 0)");
		Number overflow = (Number) script(page, "const wrap = document.querySelector('.invoice-table-wrap');"
				+ " return wrap.scrollWidth - wrap.clientWidth;");
		assertThat(overflow.intValue()).as("the table fits the page's width").isLessThanOrEqualTo(0);
		Number pageOverflow = (Number) script(page,
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(pageOverflow.intValue()).isLessThanOrEqualTo(0);
		Browsers.screenshotWholePage(page, "invoice-print");
		((ChromeDriver) page).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		assertThat(page.findElement(By.cssSelector(".site-header")).isDisplayed()).as("back on screen").isTrue();

		WebDriver portuguese = this.browsers.open(1280, 900, "pt-BR");
		Browsers.signIn(portuguese, base(), ben.username(), TestAccounts.PASSWORD);
		portuguese.get(base() + "/my/purchases/" + sale.id());
		Browsers.waiting(portuguese, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(Browsers.role("print")));
		assertThat(Browsers.text(portuguese, "print")).isEqualTo("Imprimir");
		assertThat(portuguese.findElement(Browsers.role("purchases-link")).getText()).isEqualTo("Minhas compras");
		assertThat(Browsers.text(portuguese, "total").replace('\u00a0', ' ')).isEqualTo("€ 55,80");
		assertThat(((Number) script(portuguese, "const wrap = document.querySelector('.invoice-table-wrap');"
				+ " return wrap.scrollWidth - wrap.clientWidth;")).intValue()).as("the longer headings wrap")
			.isLessThanOrEqualTo(0);
		Browsers.screenshotWholePage(portuguese, "invoice-pt-BR");
	}

	private static String textContent(WebElement element) {
		return element.getAttribute("textContent").strip();
	}

	private static String style(WebDriver driver, String selector, String property) {
		return (String) script(driver, "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]];",
				selector, property);
	}

	private static Object script(WebDriver driver, String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
