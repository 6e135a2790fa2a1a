package com.gavel.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times and money as people read them, in real headless Chromium: every time in the reader's own
 * zone (set through the DevTools protocol) with the date and the zone's abbreviation and without
 * seconds, countdowns with seconds only at the very end, and money formatted for the page's
 * language in the lot's currency.
 */
@WebSpringBootTest
class TimesAndMoneyBrowserTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	/** A time of day with seconds: what no time on the pages shows. */
	private static final String SECONDS = ".*\\d:\\d\\d:\\d\\d.*";

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void everyTimeIsInTheReadersZoneWithItsAbbreviationAndNoSeconds() {
		LotView lot = WebFixtures.openLot(this.engine, "Zoned zither", Duration.ofHours(2), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		WebFixtures.bid(this.engine, lot.id(), ada, "40.00", null);
		LotView ended = WebFixtures.openLot(this.engine, "Zoned zester", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		LotView closed = this.engine.closeNow(ended.id());

		WebDriver page = inNewYork();
		page.get(base() + "/lots/" + lot.id());
		Browsers.awaitLive(page);
		String endsAt = text(page, "ends-at");
		assertThat(endsAt).startsWith("Ends ");
		assertNewYorkTime(endsAt, lot.endsAt());
		String bidTime = page.findElement(By.cssSelector("[data-role=history] tr time")).getText();
		assertNewYorkTime(bidTime, Instant.parse(page.findElement(By.cssSelector("[data-role=history] tr time"))
			.getAttribute("datetime")));
		String scheduledEnd = page.findElement(By.cssSelector(".terms time")).getText();
		assertNewYorkTime(scheduledEnd, lot.originalEndsAt());
		// Two hours out, the countdown has no seconds.
		assertThat(text(page, "countdown")).matches("\\d+h \\d\\dm");
		Browsers.screenshot(page, "lot-times-new-york");

		page.get(base() + "/");
		String closedAt = page
			.findElement(By.cssSelector("li.lot-card[data-lot-id=\"" + ended.id() + "\"] [data-role=closed-at]"))
			.getText();
		assertThat(closedAt).startsWith("Ended ");
		assertNewYorkTime(closedAt, closed.closedAt());
	}

	@Test
	void aCountdownShowsSecondsInItsLastMinutesOnly() {
		LotView soon = WebFixtures.openLot(this.engine, "Soon-gone samovar", Duration.ofMinutes(3),
				Duration.ofMinutes(1), Duration.ofMinutes(1));
		LotView later = WebFixtures.openLot(this.engine, "Later lute", Duration.ofMinutes(40), Duration.ofMinutes(1),
				Duration.ofMinutes(1));
		WebDriver page = this.browsers.open();
		page.get(base() + "/lots/" + soon.id());
		until(page, (d) -> text(d, "countdown").matches("[23]m \\d\\ds"));
		page.get(base() + "/lots/" + later.id());
		until(page, (d) -> text(d, "countdown").matches("(39|40)m"));
	}

	@Test
	void moneyAndTimesFollowThePagesLanguage() {
		WebDriver page = inNewYork();
		page.get(base() + "/login");
		@SuppressWarnings("unchecked")
		Map<String, Object> shown = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				Promise.all([import('/js/money.js'), import('/js/time.js')]).then(([money, time]) => {
				  const at = '2026-12-01T18:05:00Z';
				  const thatYear = Date.parse('2026-06-01T00:00:00Z');
				  const out = {};
				  out.en = money.formatMoney('1250.50', 'EUR');
				  out.enTime = time.formatTime(at, thatYear);
				  document.documentElement.lang = 'pt-BR';
				  out.ptEur = money.formatMoney('1250.50', 'EUR');
				  out.ptBrl = money.formatMoney('1250.50', 'BRL');
				  out.ptTime = time.formatTime(at, thatYear);
				  done(out);
				}, (e) => done({ failed: String(e) }));""");
		assertThat(shown).containsEntry("en", "€1,250.50");
		assertThat(spaces((String) shown.get("ptEur"))).isEqualTo("€ 1.250,50");
		assertThat(spaces((String) shown.get("ptBrl"))).isEqualTo("R$ 1.250,50");
		assertThat(spaces((String) shown.get("enTime"))).isEqualTo("Dec 1, 1:05 PM EST");
		// Brazilian Portuguese: day before month, a 24-hour clock.
		assertThat(spaces((String) shown.get("ptTime"))).contains("1 de dez").contains("13:05");
	}

	/** A new browser whose clock runs in New York's time zone. */
	private WebDriver inNewYork() {
		WebDriver driver = this.browsers.open();
		((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
				Map.of("timezoneId", NEW_YORK.getId()));
		return driver;
	}

	/** The text gives the instant's date and time in New York, with the zone's abbreviation and no seconds. */
	private static void assertNewYorkTime(String text, Instant instant) {
		String shown = spaces(text);
		String zone = NEW_YORK.getRules().isDaylightSavings(instant) ? "EDT" : "EST";
		assertThat(shown).contains(DateTimeFormatter.ofPattern("MMM d", Locale.US).withZone(NEW_YORK).format(instant))
			.contains(DateTimeFormatter.ofPattern("h:mm a", Locale.US).withZone(NEW_YORK).format(instant))
			.endsWith(zone)
			.doesNotMatch(SECONDS)
			.doesNotContain("UTC");
	}

	/** Browsers write narrow and no-break spaces where a reader sees a space. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
