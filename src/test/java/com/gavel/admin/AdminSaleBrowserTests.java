package com.gavel.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.gavel.account.Account;
import com.gavel.account.AccountService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.admin.AdminBrowsers.role;
import static com.gavel.admin.AdminBrowsers.screenshot;
import static com.gavel.admin.AdminBrowsers.text;
import static com.gavel.admin.AdminBrowsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin builds a sale in headless Chromium: creates it with the sale editor, imports its lots
 * from a CSV file (a file with wrong rows imports nothing and lists every problem; the corrected
 * file, with the photos sent along the first time, imports them all), renumbers them with the
 * form, then by dragging a row and by the arrow keys on a row's handle, schedules the sale and
 * finds it on its public page.
 */
@AdminSpringBootTest
class AdminSaleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final AdminBrowsers browsers = new AdminBrowsers();

	String base;

	@BeforeEach
	void setUp() {
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void anAdminCreatesASaleAndImportsItsLots() throws IOException {
		Account admin = AdminFixtures.admin(this.accounts, "house");
		String title = AdminFixtures.unique("Autumn timed sale");
		WebDriver house = this.browsers.open(1280, 1200);
		AdminBrowsers.signIn(house, this.base, admin.username(), AdminFixtures.PASSWORD);

		// The sale editor: a missing title is a field error, then the sale is created.
		house.get(this.base + "/admin/sales");
		house.findElement(role("new-sale")).click();
		waiting(house).until(ExpectedConditions.visibilityOfElementLocated(role("sale-form")));
		LocalDateTime opens = LocalDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
		setValue(house, "startsAt", opens.toString());
		setValue(house, "firstLotEndsAt", opens.plusDays(1).toString());
		house.findElement(By.id("buyersPremium")).clear();
		house.findElement(By.id("buyersPremium")).sendKeys("20");
		house.findElement(By.id("tax")).clear();
		house.findElement(By.id("tax")).sendKeys("8.5");
		house.findElement(role("group-soft-close")).click();
		house.findElement(By.id("paymentText")).sendKeys("Bank transfer within five days.");
		house.findElement(role("save-sale")).click();
		waiting(house).until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
		assertThat(house.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
		house.findElement(By.id("title")).sendKeys(title);
		house.findElement(role("save-sale")).click();
		waiting(house).until(ExpectedConditions.textToBe(role("sale-title"), title));
		assertThat(text(house, "notice")).contains("created");
		assertThat(house.findElement(role("sale-status")).getAttribute("data-status")).isEqualTo("draft");
		assertThat(text(house, "premium")).isEqualTo("20 %");
		assertThat(text(house, "group")).isEqualTo("Yes");

		// A file with wrong rows, sent with the photo it names: nothing is imported, every problem listed.
		Path photo = Files.createTempDirectory("gavel-import-").resolve("clock.png");
		Files.write(photo, AdminPhotoTests.png(640, 480));
		Path bad = csv("""
				lot_number,title,estimate_low,estimate_high,start_price,reserve,photos,category
				1,Mantel clock,100,150,40,60,clock.png,Clocks
				2,,,,12.50,,,
				3,Desk lamp,80,,twelve,,,Lighting
				""");
		house.findElement(role("import-file")).sendKeys(bad.toString());
		house.findElement(role("import-photos")).sendKeys(photo.toString());
		house.findElement(role("do-import")).click();
		waiting(house).until(ExpectedConditions.visibilityOfElementLocated(role("import-errors")));
		assertThat(text(house, "alert")).contains("Nothing was imported");
		List<String> problems = house.findElements(By.cssSelector("[data-role=import-errors] tbody tr"))
			.stream()
			.map((row) -> row.getAttribute("data-row") + ":" + row.getAttribute("data-column"))
			.toList();
		assertThat(problems).containsExactlyInAnyOrder("3:title", "4:estimate_high", "4:start_price");
		assertThat(house.findElement(By.cssSelector("[data-role=import-errors] tbody tr[data-row='3']")).getText())
			.contains("Required.");
		assertThat(house.findElements(By.cssSelector("[data-role=lot-table] tbody tr"))).isEmpty();
		assertThat(text(house, "held-photos")).contains("clock.png");
		screenshot(house, "admin-sale-import-refused");

		// The corrected file alone: the photo sent the first time waited for it.
		Path good = csv("""
				lot_number,title,estimate_low,estimate_high,start_price,reserve,photos,category
				1,Mantel clock,100,150,40,60,clock.png,Clocks
				2,Carriage clock,,,12.50,,,Clocks
				3,Desk lamp,80,120,12,,,Lighting
				""");
		house.findElement(role("import-file")).sendKeys(good.toString());
		house.findElement(role("do-import")).click();
		waiting(house).until((d) -> text(d, "notice").equals("Imported 3 lots."));
		assertThat(titles(house)).containsExactly("Mantel clock", "Carriage clock", "Desk lamp");
		assertThat(house.findElements(role("held-photos"))).isEmpty();

		// Renumbered by the form: the desk lamp becomes lot 1 and the mantel clock lot 3.
		number(house, "Mantel clock").clear();
		number(house, "Mantel clock").sendKeys("3");
		number(house, "Desk lamp").clear();
		number(house, "Desk lamp").sendKeys("1");
		house.findElement(role("save-numbers")).click();
		waiting(house).until((d) -> text(d, "notice").equals("Numbers and estimates saved."));
		assertThat(titles(house)).containsExactly("Desk lamp", "Carriage clock", "Mantel clock");

		// Or by drag: the mantel clock dragged to the top takes lot 1 and the others move down;
		// then the carriage clock moved up one place with the arrow key on its handle.
		WebElement first = house.findElement(By.cssSelector("[data-role=lot-table] tbody tr"));
		new Actions(house).clickAndHold(handle(house, "Mantel clock"))
			.moveToElement(first, 0, -(first.getSize().getHeight() / 2) + 3)
			.release()
			.perform();
		assertThat(titles(house)).containsExactly("Mantel clock", "Desk lamp", "Carriage clock");
		assertThat(numbers(house)).containsExactly("1", "2", "3");
		handle(house, "Carriage clock").sendKeys(Keys.ARROW_UP);
		assertThat(titles(house)).containsExactly("Mantel clock", "Carriage clock", "Desk lamp");
		assertThat(numbers(house)).containsExactly("1", "2", "3");
		assertThat(house.findElement(role("lot-order-status")).getAttribute("textContent"))
			.isEqualTo("Carriage clock is now lot 2. Save to keep the new order.");
		house.findElement(role("save-numbers")).click();
		waiting(house).until((d) -> text(d, "notice").equals("Numbers and estimates saved."));
		assertThat(titles(house)).containsExactly("Mantel clock", "Carriage clock", "Desk lamp");
		screenshot(house, "admin-sale");

		house.findElement(role("do-schedule")).click();
		waiting(house).until(ExpectedConditions.attributeToBe(role("sale-status"), "data-status", "scheduled"));
		assertThat(house.findElements(By.cssSelector("[data-role=lot-table] [data-role=lot-status]")))
			.extracting((e) -> e.getAttribute("data-status"))
			.containsOnly("scheduled");

		house.findElement(role("public-page")).click();
		waiting(house).until(ExpectedConditions.textToBe(By.cssSelector("[data-role=sale-title]"), title));
		assertThat(house.findElements(By.cssSelector("li.sale-lot-card [data-role=lot-number]")))
			.extracting(WebElement::getText)
			.containsExactly("Lot 1", "Lot 2", "Lot 3");
		assertThat(house.findElements(By.cssSelector("li.sale-lot-card img[data-role=card-photo]"))).hasSize(1);
	}

	private static WebElement number(WebDriver driver, String title) {
		WebElement row = driver.findElements(By.cssSelector("[data-role=lot-table] tbody tr"))
			.stream()
			.filter((tr) -> tr.findElement(role("lot-link")).getText().equals(title))
			.findFirst()
			.orElseThrow();
		return row.findElement(role("lot-number"));
	}

	private static WebElement handle(WebDriver driver, String title) {
		return number(driver, title).findElement(By.xpath("preceding-sibling::button[@data-role='drag-lot']"));
	}

	private static List<String> numbers(WebDriver driver) {
		return driver.findElements(By.cssSelector("[data-role=lot-table] tbody tr [data-role=lot-number]"))
			.stream()
			.map((e) -> e.getDomProperty("value"))
			.toList();
	}

	private static List<String> titles(WebDriver driver) {
		return driver.findElements(By.cssSelector("[data-role=lot-table] tbody tr [data-role=lot-link]"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static Path csv(String text) throws IOException {
		Path file = Files.createTempFile("gavel-import-", ".csv");
		Files.writeString(file, text);
		return file;
	}

	private static void setValue(WebDriver driver, String id, String value) {
		((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
				value);
	}

}
