package com.gavel.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;
import com.gavel.watchlist.WatchlistService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Content-Security-Policy in a real browser: every page a visitor, a bidder and an admin can
 * reach works under it (sockets and the chart included) without a single violation; markup
 * injected into a page cannot run script or apply style; and a browser test whose page reported a
 * violation fails.
 */
@WebSpringBootTest
class ContentSecurityPolicyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@Autowired
	WatchlistService watchlist;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void injectedScriptAndStyleAreRefusedAndTheBrowserTestsSeeIt() {
		LotView lot = WebFixtures.openLot(this.engine, "Injected enamel brooch", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver browser = this.browsers.open();
		browser.get(base() + "/lots/" + lot.id());
		awaitLive(browser);
		assertThat(Browsers.policyViolations(browser)).isEmpty();

		// What a stored XSS would try: an inline script and a style attribute, added by the page itself.
		script(browser, """
				const s = document.createElement('script');
				s.textContent = 'window.gavelInjected = true;';
				document.body.append(s);
				const d = document.createElement('div');
				d.id = 'injected';
				d.textContent = 'injected';
				d.setAttribute('style', 'color: rgb(255, 0, 0)');
				document.body.append(d);""");
		assertThat(script(browser, "return window.gavelInjected === true")).isEqualTo(false);
		assertThat(script(browser, "return getComputedStyle(document.getElementById('injected')).color"))
			.isNotEqualTo("rgb(255, 0, 0)");
		List<String> violations = Browsers.policyViolations(browser);
		assertThat(violations).anySatisfy((v) -> assertThat(v).contains("inline script"));
		assertThat(violations).anySatisfy((v) -> assertThat(v).contains("inline style"));
	}

	@Test
	void aBrowserTestFailsWhenItsPageReportedAViolation() {
		Browsers own = new Browsers();
		WebDriver browser = own.open();
		browser.get(base() + "/login");
		script(browser, "document.body.setAttribute('style', 'background: rgb(255, 0, 0)')");
		assertThatThrownBy(own::close).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Content-Security-Policy violations")
			.hasMessageContaining("inline style");
	}

	@Test
	void everyPageWorksUnderThePolicy() {
		LotView lot = WebFixtures.openLot(this.engine, "Policy-abiding pewter jug", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account bidder = WebFixtures.bidder(this.accounts, "csp");
		WebFixtures.bid(this.engine, lot.id(), bidder, "40.00", null);
		this.watchlist.watch(bidder.id(), lot.id());

		WebDriver visitor = this.browsers.open();
		visit(visitor, "/", "catalogue");
		waitForCatalogueSocket(visitor);
		assertNoViolation(visitor, "/");
		visit(visitor, "/lots/" + lot.id(), "lot");
		awaitLive(visitor);
		assertNoViolation(visitor, "/lots/{id}");
		for (String page : List.of("/login", "/register")) {
			visit(visitor, page, page.substring(1));
			assertNoViolation(visitor, page);
		}
		visit(visitor, "/lots/987654321", "error");
		assertNoViolation(visitor, "the error page");

		WebDriver bidderBrowser = this.browsers.open();
		Browsers.signIn(bidderBrowser, base(), bidder.username(), WebFixtures.PASSWORD);
		visit(bidderBrowser, "/my/bids", "my-bids");
		assertNoViolation(bidderBrowser, "/my/bids");
		visit(bidderBrowser, "/my/watchlist", "watchlist");
		waitForCatalogueSocket(bidderBrowser);
		assertNoViolation(bidderBrowser, "/my/watchlist");

		WebDriver admin = this.browsers.open();
		Browsers.signIn(admin, base(), "admin", WebFixtures.ADMIN_PASSWORD);
		for (String page : List.of("/admin/lots", "/admin/lots/new", "/admin/lots/" + lot.id(),
				"/admin/lots/" + lot.id() + "/edit", "/admin/users", "/admin/results", "/admin/audit")) {
			visit(admin, page, null);
			assertNoViolation(admin, page);
		}
		visit(admin, "/admin/dashboard", "admin-dashboard");
		// The socket delivered the ops feed and uPlot (imported from the jar) drew the chart.
		until(admin, (d) -> "ready".equals(d.findElement(By.cssSelector("[data-page=admin-dashboard]"))
			.getDomAttribute("data-chart")));
		assertNoViolation(admin, "/admin/dashboard");
	}

	private void visit(WebDriver driver, String path, String page) {
		driver.get(base() + path);
		By shown = (page != null) ? By.cssSelector("[data-page=\"" + page + "\"]") : By.cssSelector("main section");
		waiting(driver).until(ExpectedConditions.presenceOfElementLocated(shown));
	}

	private static void assertNoViolation(WebDriver driver, String page) {
		assertThat(Browsers.policyViolations(driver)).as("policy violations on " + page).isEmpty();
	}

	private static void waitForCatalogueSocket(WebDriver driver) {
		until(driver, (d) -> Boolean.TRUE.equals(
				script(d, "return !!(window.gavelCatalogue && window.gavelCatalogue.client.isLive());")));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
