package com.gavel.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotAdminView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.admin.AdminBrowsers.confirm;
import static com.gavel.admin.AdminBrowsers.role;
import static com.gavel.admin.AdminBrowsers.screenshot;
import static com.gavel.admin.AdminBrowsers.text;
import static com.gavel.admin.AdminBrowsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auction run from the admin pages in one headless Chromium while a bidder takes part in
 * another and an admin watches the live dashboard in a third: create and open a lot, the bidder
 * finds it and bids, the dashboard shows the watcher and the bid, the admin voids the bid and the
 * bidder's page follows, the bidder bids again, the admin closes the lot and the bidder sees they won.
 */
@AdminSpringBootTest
class AdminBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionCatalog catalog;

	@RegisterExtension
	final AdminBrowsers browsers = new AdminBrowsers();

	String base;

	@BeforeEach
	void setUp() {
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void anAdminRunsALotWhileABidderBidsAndTheDashboardWatches() throws IOException {
		Account admin = AdminFixtures.admin(this.accounts, "house");
		Account bidder = AdminFixtures.bidder(this.accounts, "ada");
		String title = AdminFixtures.unique("Brass carriage clock");

		// The dashboard, live before anything happens.
		WebDriver dash = this.browsers.open(1280, 1100);
		AdminBrowsers.signIn(dash, this.base, admin.username(), AdminFixtures.PASSWORD);
		dash.get(this.base + "/admin/dashboard");
		waiting(dash).until(ExpectedConditions.attributeToBe(role("ops-state"), "data-state", "live"));
		waiting(dash).until((d) -> "ready".equals(d.findElement(By.cssSelector("[data-page=admin-dashboard]"))
			.getAttribute("data-chart")));
		assertThat(dash.findElements(By.cssSelector("[data-role=bpm-chart] canvas"))).isNotEmpty();
		long bidsBefore = bidsInChart(dash);

		// The admin creates the lot: a missing title is a clear field error, then it goes through.
		WebDriver house = this.browsers.open(1280, 1200);
		AdminBrowsers.signIn(house, this.base, admin.username(), AdminFixtures.PASSWORD);
		house.get(this.base + "/admin/lots/new");
		house.findElement(By.id("description")).sendKeys("Eight-day movement, original key, French, about 1890.");
		house.findElement(By.id("startPrice")).sendKeys("40");
		house.findElement(By.id("reservePrice")).sendKeys("bad");
		house.findElement(role("save-lot")).click();
		waiting(house).until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
		assertThat(house.findElement(By.id("title-error")).getText()).isEqualTo("Give the lot a title.");
		assertThat(house.findElement(By.id("reservePrice-error")).getText())
			.isEqualTo("Enter an amount such as 40 or 12.50.");
		assertThat(house.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
		screenshot(house, "admin-lot-editor-errors");
		house.findElement(By.id("title")).sendKeys(title);
		house.findElement(By.id("reservePrice")).clear();
		house.findElement(By.id("reservePrice")).sendKeys("40");
		house.findElement(By.id("buyNowPrice")).sendKeys("400");
		// Ends in 20 minutes (in the browser's own zone, as the form says), so it is among the lots closing next.
		((org.openqa.selenium.JavascriptExecutor) house).executeScript("""
				const d = new Date(Date.now() + 20 * 60000);
				const p = (n) => String(n).padStart(2, '0');
				document.getElementById('endsAt').value =
				  `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;""");
		screenshot(house, "admin-lot-editor-new");
		house.findElement(role("save-lot")).click();
		waiting(house).until(ExpectedConditions.textToBe(role("lot-title"), title));
		assertThat(text(house, "notice")).contains("created");
		assertThat(house.findElement(role("lot-status")).getAttribute("data-status")).isEqualTo("draft");
		long lotId = Long.parseLong(house.findElement(By.cssSelector("[data-page=admin-lot]")).getAttribute("data-lot-id"));

		// A photo, uploaded from a file like an admin would.
		Path photo = Files.createTempFile("gavel-clock-", ".png");
		Files.write(photo, AdminPhotoTests.png(640, 480));
		house.findElement(role("photo-file")).sendKeys(photo.toAbsolutePath().toString());
		house.findElement(role("new-photo-alt")).sendKeys("Clock face, close up");
		house.findElement(role("upload-photo")).click();
		waiting(house).until((d) -> text(d, "notice").equals("Photo added."));
		assertThat(house.findElements(By.cssSelector("[data-role=photos] img"))).hasSize(1);
		assertThat(house.findElement(By.cssSelector("[data-role=photos] img")).getAttribute("alt"))
			.isEqualTo("Clock face, close up");
		// The admin page shows the thumbnail made at upload (320 px wide), not the 640 px original.
		waiting(house).until((d) -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
				"const img = document.querySelector('[data-role=photos] img'); return img.complete && img.naturalWidth === 320;"));
		Files.delete(photo);
		((org.openqa.selenium.JavascriptExecutor) house)
			.executeScript("document.getElementById('showcase').scrollIntoView({block: 'start'})");
		screenshot(house, "admin-lot-photos");

		// Back up past the sticky header, which would take the click otherwise.
		((org.openqa.selenium.JavascriptExecutor) house).executeScript("window.scrollTo(0, 0)");
		house.findElement(role("do-open")).click();
		waiting(house).until(ExpectedConditions.attributeToBe(role("lot-status"), "data-status", "open"));
		assertThat(this.catalog.adminLot(lotId).map(LotAdminView::status)).hasValue("open");
		house.findElement(role("edit-lot")).click();
		waiting(house).until(ExpectedConditions.visibilityOfElementLocated(role("locked-note")));
		assertThat(house.findElement(By.id("startPrice")).getAttribute("readonly")).isNotNull();
		assertThat(house.findElement(By.id("title")).getAttribute("readonly")).isNull();
		screenshot(house, "admin-lot-editor");
		house.navigate().back();

		// The bidder finds it in the catalogue, opens it and bids.
		WebDriver ada = this.browsers.open(1100, 1000);
		AdminBrowsers.signIn(ada, this.base, bidder.username(), AdminFixtures.PASSWORD);
		ada.get(this.base + "/");
		WebElement card = waiting(ada).until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("a.lot-card-link[href='/lots/" + lotId + "']")));
		assertThat(card.getText()).contains(title);
		card.click();
		waiting(ada).until(ExpectedConditions.attributeToBe(role("connection"), "data-state", "live"));
		ada.findElement(role("bid-ask")).click();
		waiting(ada).until((d) -> text(d, "standing-text").contains("You lead at €40.00"));

		// The dashboard shows the watcher on this lot and the bid in the chart's minutes.
		By watchers = By.cssSelector("[data-role=watchers] tr[data-lot-id='" + lotId + "'] [data-role=watcher-count]");
		waiting(dash).until((d) -> !d.findElements(watchers).isEmpty() && d.findElement(watchers).getText().equals("1"));
		waiting(dash).until((d) -> bidsInChart(d) > bidsBefore);
		assertThat(dash.findElement(By.cssSelector("[data-role=watchers] tr[data-lot-id='" + lotId + "']")).getText())
			.contains(title);
		// Other tests of this context leave open lots too; which five close first is theirs to say.
		assertThat(dash.findElements(By.cssSelector("[data-role=closing] tr[data-lot-id]"))).isNotEmpty();
		screenshot(dash, "admin-dashboard");

		// The admin sees who bid, and voids the bid with a reason; the bidder's page follows.
		house.navigate().refresh();
		WebElement row = house.findElement(By.cssSelector("[data-role=ledger] tbody tr"));
		assertThat(row.findElement(role("bidder")).getText()).isEqualTo(bidder.username());
		assertThat(row.getAttribute("data-status")).isEqualTo("accepted");
		row.findElement(role("void-reason")).sendKeys("Placed by mistake, bidder called");
		row.findElement(role("void")).click();
		confirm(house);
		waiting(house).until((d) -> text(d, "notice").contains("voided"));
		assertThat(house.findElement(By.cssSelector("[data-role=ledger] tbody tr")).getAttribute("data-status"))
			.isEqualTo("voided");
		waiting(ada).until((d) -> content(d, "price-label").equals("Starting at"));
		waiting(ada).until((d) -> !d.findElements(By.cssSelector("[data-role=history] tr.voided")).isEmpty());

		// The bidder bids again; the admin closes the lot and the bidder sees they won.
		waiting(ada).until(ExpectedConditions.elementToBeClickable(role("bid-ask"))).click();
		waiting(ada).until((d) -> text(d, "price").equals("€40.00") && content(d, "price-label").equals("Current bid"));
		house.navigate().refresh();
		waiting(house).until(ExpectedConditions.elementToBeClickable(role("do-close"))).click();
		confirm(house);
		waiting(house).until(ExpectedConditions.attributeToBe(role("lot-status"), "data-status", "closed"));
		assertThat(text(house, "outcome")).isEqualTo("Sold");
		assertThat(text(house, "leader")).contains(bidder.username());
		waiting(ada).until(ExpectedConditions.attributeToBe(role("standing"), "data-status", "won"));
		assertThat(text(ada, "standing-text")).isEqualTo("You won this lot for €40.00.");
		waiting(ada).until((d) -> text(d, "closed-at").startsWith("Ended "));
		assertThat(content(ada, "status")).isEqualTo("Ended");
		screenshot(house, "admin-lot");

		house.get(this.base + "/admin/lots?q=" + title.substring(title.length() - 8));
		List<WebElement> rows = house.findElements(By.cssSelector("[data-role=lot-table] tbody tr"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getText()).contains(title);
		house.get(this.base + "/admin/lots");
		screenshot(house, "admin-lot-list");
	}

	/** The element's text as written, before CSS (e.g. text-transform) changes how it shows. */
	static String content(WebDriver driver, String role) {
		return driver.findElement(role(role)).getAttribute("textContent").trim();
	}

	/** The bids the dashboard counts over the last 30 minutes. */
	static long bidsInChart(WebDriver driver) {
		String total = driver.findElement(role("bpm-summary")).getAttribute("data-total");
		return total == null || total.isEmpty() ? -1 : Long.parseLong(total);
	}

}
