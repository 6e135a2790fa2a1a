package com.gavel.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as the server renders them, before any script runs: everything a bidder needs is in
 * the HTML, so the lot page is right even before (or without) its socket.
 */
@WebSpringBootTest
class PageRenderingTests {

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AccountService accounts;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theLotPageCarriesTheWholeCurrentState() throws Exception {
		LotView lot = WebFixtures.openLot(this.engine, "Rendered <b>rosewood</b> box", Duration.ofHours(2),
				Duration.ofMinutes(2), Duration.ofMinutes(2), 10000L, null);
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		Account ben = WebFixtures.bidder(this.accounts, "ben");
		WebFixtures.bid(this.engine, lot.id(), ada, "45.00", null);
		WebFixtures.bid(this.engine, lot.id(), ben, null, "60.00");

		HttpResponse<String> page = get("/lots/" + lot.id());

		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("Rendered &lt;b&gt;rosewood&lt;/b&gt; box")
			.doesNotContain("<b>rosewood</b>")
			.contains("€46.00")
			.contains("Bidder 2 leads")
			.contains("2 bids")
			.contains("Reserve not yet met")
			.contains("A bid in the last 2 minutes moves the end to 2 minutes after that bid")
			.contains("data-seq=\"2\"", "data-seq=\"3\"")
			.contains("Sign in to bid")
			.doesNotContain("data-role=\"bid-ask\"");
		// The state for the script is JSON that cannot end its <script> element early.
		assertThat(html).contains("\"sequence\":3").contains("Rendered \\u003cb\\u003erosewood");
	}

	@Test
	void anEndedLotSaysHowItEndedAndWhenAndOffersNoBidding() throws Exception {
		Account ada = WebFixtures.bidder(this.accounts, "ada");
		LotView sold = WebFixtures.openLot(this.engine, "Sold salt cellar", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebFixtures.bid(this.engine, sold.id(), ada, "45.00", null);
		LotView closedSold = this.engine.closeNow(sold.id());
		LotView unmet = WebFixtures.openLot(this.engine, "Unmet urn", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2), 50000L, null);
		WebFixtures.bid(this.engine, unmet.id(), ada, "45.00", null);
		this.engine.closeNow(unmet.id());
		LotView withdrawn = WebFixtures.openLot(this.engine, "Withdrawn whatnot", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		this.engine.cancel(withdrawn.id(), "consignor withdrew it");

		String soldPage = get("/lots/" + sold.id()).body();
		assertThat(soldPage).contains("data-role=\"price-label\">Sold for<", ">€45.00<", ">Won by Bidder 1<")
			.containsPattern("datetime=\"" + closedSold.closedAt() + "\"[^>]*>Ended ")
			.doesNotContain("Sign in to bid", ">Bidder 1 leads<");
		String unmetPage = get("/lots/" + unmet.id()).body();
		assertThat(unmetPage).contains(">Not sold — reserve not met<", "data-role=\"price-label\">Highest bid<")
			.doesNotContain("Sign in to bid", ">Bidder 1 leads<")
			.containsPattern("data-role=\"reserve\"[^>]*hidden");
		assertThat(get("/lots/" + withdrawn.id()).body()).contains(">Withdrawn<")
			.containsPattern(">Withdrawn \\d")
			.doesNotContain("Sign in to bid");
		// The connection line (the green "Live" dot) is not shown for a lot that is over.
		assertThat(soldPage).containsPattern("data-role=\"connection\"[^>]*hidden");
		// The catalogue's card shows when the lot really closed, not when it was meant to end.
		String catalogue = get("/").body();
		assertThat(catalogue).contains("datetime=\"" + closedSold.closedAt() + "\"");
	}

	@Test
	void theCatalogueGroupsLotsAndSearchesByTitle() throws Exception {
		String word = "zebrawood" + System.nanoTime();
		LotView live = WebFixtures.openLot(this.engine, "Live " + word + " chest", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		LotView ended = WebFixtures.openLot(this.engine, "Ended " + word + " stool", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		this.engine.closeNow(ended.id());
		LotView other = WebFixtures.openLot(this.engine, "Unrelated mahogany desk", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));

		String all = get("/").body();
		assertThat(all).contains("Live now", "Starting soon", "Ended", "Unrelated mahogany desk");

		String found = get("/?q=" + word.toUpperCase()).body();
		assertThat(found).contains("2 lots match").contains("Live " + word + " chest", "Ended " + word + " stool")
			.doesNotContain("Unrelated mahogany desk");
		assertThat(found.indexOf("Live " + word)).isLessThan(found.indexOf("Ended " + word));
		assertThat(found).contains("/lots/" + live.id()).doesNotContain("/lots/" + other.id() + "\"");
	}

	@Test
	void aMissingLotGetsAFriendlyNotFoundPage() throws Exception {
		HttpResponse<String> page = get("/lots/987654321");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("We can’t find that page", "Back to the catalogue", "Error 404");
		assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
	}

	@Test
	void theHistoryEndpointGivesRowsWithTheirSequence() throws Exception {
		LotView lot = WebFixtures.openLot(this.engine, "History harp", Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		WebFixtures.bid(this.engine, lot.id(), WebFixtures.bidder(this.accounts, "ada"), "41.00", null);
		HttpResponse<String> history = get("/lots/" + lot.id() + "/history", "application/json");
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(history.body()).contains("\"sequence\":2", "\"bidder\":\"Bidder 1\"", "\"amount\":\"41.00\"");
		// A bid the leader's maximum answers at once adds the answer as a row of its own, on top.
		LotView duel = WebFixtures.openLot(this.engine, "Duelling dulcimer", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		WebFixtures.bid(this.engine, duel.id(), WebFixtures.bidder(this.accounts, "ada"), null, "69.00");
		WebFixtures.bid(this.engine, duel.id(), WebFixtures.bidder(this.accounts, "ben"), "62.00", null);
		String rows = get("/lots/" + duel.id() + "/history", "application/json").body();
		assertThat(rows).startsWith("[{\"sequence\":3,\"entry\":{\"id\":null,\"bidder\":\"Bidder 1\",\"kind\":\"automatic\",\"amount\":\"63.00\"");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, "text/html");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
