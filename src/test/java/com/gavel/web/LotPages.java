package com.gavel.web;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.LotView;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;

/** The lot page as the browser tests read it: a bidder on a lot, the one statement, the history. */
final class LotPages {

	static final int PHONE_WIDTH = 390;

	static final int PHONE_HEIGHT = 844;

	private LotPages() {
	}

	/** A new bidder, signed in, on the lot's page with its socket live. */
	static WebDriver bidderOnLot(Browsers browsers, AccountService accounts, String base, String prefix, LotView lot) {
		return bidderOnLot(browsers, accounts, base, prefix, lot, 1280, 900);
	}

	static WebDriver bidderOnLot(Browsers browsers, AccountService accounts, String base, String prefix, LotView lot,
			int width, int height) {
		return onLot(browsers, WebFixtures.bidder(accounts, prefix), base, lot, width, height);
	}

	/** The account, signed in in a new browser of the given size, on the lot's page with its socket live. */
	static WebDriver onLot(Browsers browsers, Account account, String base, LotView lot, int width, int height) {
		WebDriver driver = browsers.open(width, height);
		Browsers.signIn(driver, base, account.username(), WebFixtures.PASSWORD);
		driver.get(base + "/lots/" + lot.id());
		awaitLive(driver);
		return driver;
	}

	/** The data-status of the page's one statement of where the bidder stands. */
	static String standing(WebDriver driver) {
		return driver.findElement(role("standing")).getAttribute("data-status");
	}

	/** What the price block says: "Current bid €41.00", "Sold for €41.00", "Highest bid €45.00". */
	static String priceBlock(WebDriver driver) {
		return driver.findElement(role("price-label")).getAttribute("textContent") + " "
				+ driver.findElement(role("price")).getAttribute("textContent");
	}

	static String connection(WebDriver driver) {
		return driver.findElement(role("connection")).getAttribute("data-state");
	}

	static List<WebElement> historyRows(WebDriver driver) {
		return driver.findElements(By.cssSelector("[data-role=history] tr"));
	}

	/** Each history row as the reader sees it ("Bidder 1 automatic €69.00 10:06:27"), newest first. */
	static List<String> historyTexts(WebDriver driver) {
		return historyRows(driver).stream().map(WebElement::getText).map((t) -> t.replaceAll("\\s+", " ")).toList();
	}

	/** How many statements about the bidder's standing the panel shows: never more than one. */
	static long statementsShown(WebDriver driver) {
		return driver.findElements(By.cssSelector(".bid-panel [data-role=standing], .bid-panel [role=alert]:not(.bid-error)"))
			.stream()
			.filter(WebElement::isDisplayed)
			.count();
	}

}
