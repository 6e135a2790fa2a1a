package com.gavel.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotAdminView;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.admin.AdminBrowsers.role;
import static com.gavel.admin.AdminBrowsers.text;
import static com.gavel.admin.AdminBrowsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lot editor in real headless Chromium whose clock runs in New York's time zone: the admin
 * reads and types times in their own zone, named next to each time, soft-close windows in
 * minutes, and the lot gets the instants they meant.
 */
@AdminSpringBootTest
class AdminLotFormBrowserTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@RegisterExtension
	final AdminBrowsers browsers = new AdminBrowsers();

	@Test
	void theAdminEditsTimesInTheirOwnZoneAndWindowsInMinutes() {
		Instant now = Instant.now();
		Instant ends = now.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		LotView lot = this.engine.createLot(new LotSpec(AdminFixtures.unique("Zoned bracket clock"), "About it.", "EUR",
				4000, null, null, now.plus(Duration.ofHours(1)), ends, null, Duration.ofSeconds(90),
				Duration.ofMinutes(2), null));
		Instant storedStart = this.catalog.adminLot(lot.id()).orElseThrow().terms().startsAt();
		Account admin = AdminFixtures.admin(this.accounts, "zoned-admin");
		WebDriver house = this.browsers.open(1280, 1200);
		((ChromeDriver) house).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", NEW_YORK.getId()));
		AdminBrowsers.signIn(house, "http://localhost:" + this.port, admin.username(), AdminFixtures.PASSWORD);
		house.get("http://localhost:" + this.port + "/admin/lots/" + lot.id() + "/edit");

		// The stored end, shown as New York's wall-clock time, and the zone named.
		String shownEnd = LocalDateTime.ofInstant(ends, NEW_YORK).toString();
		waiting(house).until((d) -> d.findElement(By.id("endsAt")).getAttribute("value").equals(shownEnd));
		String zone = NEW_YORK.getRules().isDaylightSavings(ends) ? "EDT" : "EST";
		assertThat(house.findElement(role("zone-name")).getText()).isEqualTo("America/New_York (" + zone + ")");
		assertThat(text(house, "zone-hint")).isEqualTo("Times are in America/New_York (" + zone + ").");
		assertThat(house.findElement(By.id("softCloseWindowMinutes")).getAttribute("value")).isEqualTo("1.5");
		AdminBrowsers.screenshot(house, "admin-lot-editor-zone");

		// The admin moves the end to 9 pm in New York three days from now and the window to 3 minutes.
		LocalDateTime newEnd = LocalDateTime.now(NEW_YORK).plusDays(3).withHour(21).withMinute(0).truncatedTo(ChronoUnit.MINUTES);
		((JavascriptExecutor) house).executeScript("document.getElementById('endsAt').value = arguments[0]",
				newEnd.toString());
		house.findElement(By.id("softCloseWindowMinutes")).clear();
		house.findElement(By.id("softCloseWindowMinutes")).sendKeys("3");
		house.findElement(role("save-lot")).click();
		waiting(house).until((d) -> d.getCurrentUrl().endsWith("/admin/lots/" + lot.id()));

		LotAdminView saved = this.catalog.adminLot(lot.id()).orElseThrow();
		assertThat(saved.terms().endsAt()).isEqualTo(newEnd.atZone(NEW_YORK).toInstant());
		assertThat(saved.terms().softCloseWindow()).isEqualTo(Duration.ofMinutes(3));
		// The start, untouched, keeps its exact stored value.
		assertThat(saved.terms().startsAt()).isEqualTo(storedStart);
	}

}
