package com.gavel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.until;
import static com.gavel.web.Browsers.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts in real headless Chromium: the bid panel shows the receipt of the bidder's last accepted
 * bid as the lot's log stored it and links to its document, a refused bid says when it arrived,
 * My bids links each lot's latest receipt, and the panel measures the device's clock.
 */
@WebSpringBootTest
class ReceiptsBrowserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aBidShowsItsReceiptAsTheLogStoredItAndItsLinkDownloadsIt() {
		LotView lot = WebFixtures.openLot(this.engine, "Receipt regulator clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver page = bidderOnLot("ada", lot);
		assertThat(visible(page, "receipt")).isFalse();

		page.findElement(role("bid-ask")).click();
		until(page, (d) -> text(d, "standing-text").equals("Bid placed. You lead at €40.00."));
		until(page, (d) -> visible(d, "receipt"));

		WebElement link = page.findElement(role("receipt-link"));
		long sequence = Long.parseLong(link.getAttribute("data-sequence"));
		JsonNode event = event(lot.id(), sequence);
		assertThat(event.get("kind").asString()).isEqualTo("bid");
		String hash = event.get("hash").asString();
		Instant at = Instant.parse(event.get("at").asString());
		assertThat(link.getAttribute("data-hash")).isEqualTo(hash);
		String expectedTime = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(browserZone(page, at)).format(at);
		assertThat(text(page, "receipt-text")).matches("Received " + expectedTime.replace(".", "\\.")
				+ " \\(your zone\\), 59 min \\d\\d\\.\\d{3} s before the end · event #" + sequence + " · hash "
				+ hash.substring(0, 4) + "…" + hash.substring(hash.length() - 2));
		assertThat(link.getText()).isEqualTo("Download receipt");

		JsonNode receipt = JSON.readTree((String) script(page,
				"return fetch(arguments[0]).then((r) => r.ok ? r.text() : 'HTTP ' + r.status);", link.getAttribute("href")));
		assertThat(receipt.get("type").asString()).isEqualTo("gavel-bid-receipt");
		assertThat(receipt.get("lotId").asLong()).isEqualTo(lot.id());
		assertThat(receipt.get("sequence").asLong()).isEqualTo(sequence);
		assertThat(receipt.get("hash").asString()).isEqualTo(hash);
		assertThat(Instant.parse(receipt.get("arrivedAt").asString())).isEqualTo(at);
		Browsers.screenshot(page, "lot-receipt");
	}

	@Test
	void aRefusedBidSaysWhenItArrivedAndShowsNoReceipt() {
		LotView lot = WebFixtures.openLot(this.engine, "Refused receipt barometer", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver page = bidderOnLot("ada", lot);
		page.findElement(role("bid-ask")).click();
		until(page, (d) -> visible(d, "receipt"));

		page.findElement(By.id("maximum-amount")).sendKeys("30");
		page.findElement(role("maximum-submit")).click();
		until(page, (d) -> visible(d, "bid-error"));
		assertThat(text(page, "bid-error")).matches(
				"Your new maximum must be higher than the one you already set\\. It arrived at \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\(your zone\\)\\.");
		// One statement at a time: the refusal replaced the earlier bid's receipt.
		assertThat(visible(page, "receipt")).isFalse();
	}

	@Test
	void thePanelSaysTheDeviceClockMatchesTheHousesAndHowFastBidsArrive() {
		LotView lot = WebFixtures.openLot(this.engine, "Matching mantel clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebDriver page = bidderOnLot("ada", lot);
		until(page, (d) -> visible(d, "house-clock"));
		// The test's server runs on this machine's own clock, as the browser does.
		assertThat(text(page, "house-clock"))
			.matches("Your clock matches the auction’s; your bids reach us in about \\d+ ms\\.");
		assertThat(Long.parseLong(page.findElement(role("house-clock")).getAttribute("data-rtt-ms"))).isLessThan(2000);
		assertThat(visible(page, "slow-link")).isFalse();
	}

	@Test
	void myBidsLinksTheReceiptOfTheLatestAcceptedBidOnEachLot() {
		LotView lot = WebFixtures.openLot(this.engine, "Receipt ribbon loom", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		LotView other = WebFixtures.openLot(this.engine, "Receipt rosewood box", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebFixtures.bid(this.engine, lot.id(), ada, "40.00", null);
		WebFixtures.bid(this.engine, lot.id(), ben, "45.00", null);
		BidResult latest = WebFixtures.bid(this.engine, lot.id(), ada, "50.00", null);
		BidResult onOther = WebFixtures.bid(this.engine, other.id(), ada, "40.00", null);

		WebDriver page = this.browsers.open();
		Browsers.signIn(page, base(), ada.username(), WebFixtures.PASSWORD);
		page.get(base() + "/my/bids");
		WebElement link = row(page, lot).findElement(role("receipt-link"));
		assertThat(link.getText()).isEqualTo("Download receipt of your latest bid");
		assertThat(link.getAttribute("href"))
			.isEqualTo(base() + "/api/lots/" + lot.id() + "/receipts/" + latest.sequence());
		assertThat(row(page, other).findElement(role("receipt-link")).getAttribute("href"))
			.isEqualTo(base() + "/api/lots/" + other.id() + "/receipts/" + onOther.sequence());

		JsonNode receipt = JSON.readTree((String) script(page,
				"return fetch(arguments[0]).then((r) => r.ok ? r.text() : 'HTTP ' + r.status);", link.getAttribute("href")));
		assertThat(receipt.get("sequence").asLong()).isEqualTo(latest.sequence());
		assertThat(receipt.get("hash").asString()).isEqualTo(event(lot.id(), latest.sequence()).get("hash").asString());
	}

	private JsonNode event(long lotId, long sequence) {
		HttpResponse<String> response;
		try {
			response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + "/api/lots/" + lotId + "/events"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(response.statusCode()).isEqualTo(200);
		for (JsonNode event : JSON.readTree(response.body())) {
			if (event.get("seq").asLong() == sequence) {
				return event;
			}
		}
		throw new AssertionError("no event " + sequence + " in " + response.body());
	}

	/** The browser's zone offset at that instant, to read its times of day as it wrote them. */
	private static ZoneOffset browserZone(WebDriver page, Instant at) {
		long minutesBehindUtc = ((Number) script(page, "return new Date(arguments[0]).getTimezoneOffset();",
				at.toString())).longValue();
		return ZoneOffset.ofTotalSeconds((int) (-minutesBehindUtc * 60));
	}

	private WebDriver bidderOnLot(String prefix, LotView lot) {
		Account account = WebFixtures.bidder(this.accounts, prefix);
		WebDriver driver = this.browsers.open();
		Browsers.signIn(driver, base(), account.username(), WebFixtures.PASSWORD);
		driver.get(base() + "/lots/" + lot.id());
		awaitLive(driver);
		return driver;
	}

	private static WebElement row(WebDriver driver, LotView lot) {
		return driver.findElement(By.cssSelector(".position[data-lot-id=\"" + lot.id() + "\"]"));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
