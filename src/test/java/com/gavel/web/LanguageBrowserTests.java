package com.gavel.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in Brazilian Portuguese, in a real browser: what the server renders and what the
 * scripts write live, for a browser that asks for Portuguese and for one that chooses it in the
 * header's switcher, a choice that holds on every page after.
 */
@WebSpringBootTest
class LanguageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aBrowserThatAsksForPortugueseReadsPortugueseFromTheServerAndTheScripts() {
		LotView lot = WebFixtures.openLot(this.engine, "Relógio de bolso " + unique(), Duration.ofHours(2),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		Account cleo = WebFixtures.bidder(this.accounts, "cleo");
		WebFixtures.bid(this.engine, lot.id(), ben, "45.00", null);

		WebDriver visitor = this.browsers.open(1280, 900, "pt-BR");
		visitor.get(base() + "/");
		assertThat(language(visitor)).isEqualTo("pt-BR");
		assertThat(visitor.findElement(By.tagName("h1")).getText()).isEqualTo("Catálogo");
		By card = By.cssSelector("li.lot-card[data-lot-id=\"" + lot.id() + "\"]");
		waiting(visitor).until(ExpectedConditions.presenceOfElementLocated(card));
		assertThat(words(visitor.findElement(card).findElement(role("status")))).isEqualTo("Ao vivo");
		assertThat(visitor.findElement(card).findElement(role("bids")).getText()).isEqualTo("1 lance");
		// The catalogue's script follows the lot live, in Portuguese too.
		until(visitor, (d) -> Boolean.TRUE.equals(Browsers.script(d,
				"return !!(window.gavelCatalogue && window.gavelCatalogue.client.isLive());")));
		WebFixtures.bid(this.engine, lot.id(), cleo, "50.00", null);
		until(visitor, (d) -> d.findElement(card).findElement(role("bids")).getText().equals("2 lances"));

		visitor.get(base() + "/lots/" + lot.id());
		awaitLive(visitor);
		assertThat(text(visitor, "connection")).isEqualTo("Ao vivo");
		assertThat(words(visitor.findElement(role("price-label")))).isEqualTo("Lance atual");
		assertThat(text(visitor, "leader")).isEqualTo("Licitante 2 está na frente");
		assertThat(words(visitor.findElement(role("clock-label")))).isEqualTo("Termina em");
		until(visitor, (d) -> text(d, "countdown").matches("1h \\d\\dmin|2h 00min"));
		assertThat(text(visitor, "sign-in-to-bid")).isEqualTo("Entre para dar lances");
		assertThat(text(visitor, "register-to-bid")).isEqualTo("Cadastre-se para dar lances");

		// A bidder's own bid is answered in Portuguese, and so is everyone else's page.
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebDriver bidder = this.browsers.open(1280, 900, "pt-BR");
		Browsers.signIn(bidder, base(), ada.username(), WebFixtures.PASSWORD);
		bidder.get(base() + "/lots/" + lot.id());
		awaitLive(bidder);
		assertThat(text(bidder, "bid-ask")).startsWith("Dar lance de ");
		bidder.findElement(role("bid-ask")).click();
		until(bidder, (d) -> text(d, "standing-text").startsWith("Lance registrado. Você está na frente com "));
		until(visitor, (d) -> text(d, "leader").equals("Licitante 3 está na frente"));
		assertThat(text(visitor, "bid-count")).isEqualTo("3 lances");
		// The history's new row names the bidder as the page does.
		until(visitor, (d) -> d.findElement(By.cssSelector("[data-role=history] tr")).getText().startsWith("Licitante 3"));
		visitor.navigate().refresh();
		assertThat(visitor.findElement(By.cssSelector("[data-role=history] tr")).getText()).startsWith("Licitante 3");
	}

	@Test
	void theSwitcherChangesTheLanguageOfThePageItIsOnAndTheChoiceSticks() {
		String word = "Gramophone" + unique();
		LotView lot = WebFixtures.openLot(this.engine, word + " with brass horn", Duration.ofHours(2),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver browser = this.browsers.open(1280, 900, "en-US");
		browser.get(base() + "/?q=" + word);
		assertThat(language(browser)).isEqualTo("en");
		assertThat(switcher(browser, "en").getAttribute("aria-current")).isEqualTo("true");

		switcher(browser, "pt-BR").click();
		until(browser, (d) -> "pt-BR".equals(language(d)));
		// The same page, search kept, now in Portuguese.
		assertThat(browser.getCurrentUrl()).startsWith(base() + "/?q=" + word);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Catálogo");
		assertThat(browser.findElement(By.cssSelector("main")).getText())
			.contains("Um lote corresponde a “" + word + "”.");
		assertThat(switcher(browser, "pt-BR").getAttribute("aria-current")).isEqualTo("true");

		// Every page after, whatever the browser asks for.
		browser.findElement(role("sign-in-link")).click();
		until(browser, (d) -> d.getCurrentUrl().contains("/login"));
		assertThat(language(browser)).isEqualTo("pt-BR");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Entrar");
		browser.get(base() + "/lots/" + lot.id());
		awaitLive(browser);
		assertThat(text(browser, "connection")).isEqualTo("Ao vivo");
		assertThat(words(browser.findElement(role("price-label")))).isEqualTo("Lance inicial");

		// Back to English from the lot page: still on the lot.
		switcher(browser, "en").click();
		until(browser, (d) -> "en".equals(language(d)));
		assertThat(browser.getCurrentUrl()).startsWith(base() + "/lots/" + lot.id());
		awaitLive(browser);
		assertThat(words(browser.findElement(role("price-label")))).isEqualTo("Starting at");
		browser.get(base() + "/register");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Create a bidder account");

		// A browser that asks for Portuguese keeps English once its user chose it.
		WebDriver portuguese = this.browsers.open(1280, 900, "pt-BR");
		portuguese.get(base() + "/login");
		assertThat(language(portuguese)).isEqualTo("pt-BR");
		switcher(portuguese, "en").click();
		until(portuguese, (d) -> "en".equals(language(d)));
		assertThat(portuguese.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
		portuguese.get(base() + "/");
		assertThat(language(portuguese)).isEqualTo("en");
		assertThat(portuguese.findElement(By.tagName("h1")).getText()).isEqualTo("Catalogue");
	}

	static String language(WebDriver driver) {
		return driver.findElement(By.tagName("html")).getAttribute("lang");
	}

	private static WebElement switcher(WebDriver driver, String language) {
		return driver.findElement(By.cssSelector("[data-role=languages] a[data-lang=\"" + language + "\"]"));
	}

	/** An element's words as written, before CSS capitalises them. */
	private static String words(WebElement element) {
		return element.getAttribute("textContent").strip();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
