package com.gavel.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotView;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo house on two nodes of one PostgreSQL house: it is laid out once, and when a bid is due
 * on a demo lot the demo bidders make one bid, not one per node, while both nodes tick.
 */
class PostgresDemoTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final Map<String, String> SETTINGS = Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
			"gavel.demo.enabled", "true", "gavel.demo.tick", "100ms", "gavel.auction.tick", "100ms");

	private static GavelNode a;

	private static GavelNode b;

	@BeforeAll
	static void startTwoNodes() {
		// One after the other: starting two applications at once in one JVM races on the logging
		// system, and LiveClusterTests already shows nodes starting together lay out one house.
		a = postgres.start(SETTINGS, GavelTestConfiguration.class);
		b = postgres.start(SETTINGS, GavelTestConfiguration.class);
	}

	@Test
	void oneHouseOneLayoutAndOneBidPerDueLotWhateverTheNodes() throws Exception {
		JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
		// The dozen lots of the catalogue, the six of the timed sale and the five of the live one.
		int demoLots = DemoCatalogue.ITEMS.size() + DemoSale.LOTS.size() + DemoLiveSale.LOTS.size();
		assertThat(jdbc.queryForObject("select count(*) from demo_lot", Integer.class)).isEqualTo(demoLots);
		assertThat(jdbc.queryForObject("select count(*) from sale", Integer.class)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from lot_photo", Integer.class)).isEqualTo(demoLots);
		assertThat(jdbc.queryForObject("select count(*) from lot_photo_variant", Integer.class))
			.isEqualTo(2 * demoLots);

		AuctionCatalog catalog = a.bean(AuctionCatalog.class);
		List<Long> ids = jdbc.queryForList("select lot_id from demo_lot order by lot_id", Long.class);
		Instant now = a.bean(MutableClock.class).instant();
		Map<Long, Integer> before = new HashMap<>();
		for (long id : ids) {
			LotView lot = catalog.lot(id).orElseThrow();
			// The live sale's lots go at the pace of its clerk (DemoLiveSaleTests).
			if ("open".equals(lot.status()) && !lot.live() && lot.endsAt().isAfter(now.plus(Duration.ofMinutes(2)))) {
				before.put(id, lot.bids());
			}
		}
		assertThat(before).isNotEmpty();
		// Both nodes' clocks reach the time the first bids are due; each node ticks ten times a second.
		Duration step = DemoAuctioneer.FIRST_BID_WITHIN;
		a.bean(MutableClock.class).advance(step);
		b.bean(MutableClock.class).advance(step);
		Instant deadline = Instant.now().plusSeconds(15);
		while (before.keySet().stream().anyMatch((id) -> catalog.lot(id).orElseThrow().bids() == before.get(id))) {
			assertThat(Instant.now()).as("every due demo lot got its bid").isBefore(deadline);
			Thread.sleep(50);
		}
		// Let both nodes tick many more times: the next bid is at least 20 s of house time away.
		Thread.sleep(2000);
		for (long id : before.keySet()) {
			assertThat(catalog.lot(id).orElseThrow().bids()).as("bids on lot " + id).isEqualTo(before.get(id) + 1);
		}
		assertThat(jdbc.queryForObject("select count(*) from demo_lot", Integer.class)).isEqualTo(demoLots);
		assertThat(b.bean(JdbcTemplate.class).queryForObject("select count(*) from app_user where username = 'clara'",
				Integer.class)).isEqualTo(1);
	}

	/** The pages' photo and category queries on PostgreSQL: every card has its cover, the lot page its gallery. */
	@Test
	void thePagesShowTheDemoPhotosFromPostgres() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String catalogue = http.send(HttpRequest.newBuilder(URI.create(b.url() + "/")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(catalogue.split("data-role=\"card-photo\"", -1)).hasSize(DemoCatalogue.ITEMS.size() + 1);
		assertThat(catalogue).contains("Clocks &amp; watches").contains("Prints &amp; pictures");
		long lamp = a.bean(JdbcTemplate.class)
			.queryForObject("select lot_id from demo_lot where item = 'desk-lamp' order by lot_id limit 1", Long.class);
		String page = http.send(HttpRequest.newBuilder(URI.create(b.url() + "/lots/" + lamp)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("data-role=\"gallery\"")
			.contains("alt=\"Brass desk lamp with a green glass shade, lit, on a dark desk\"");
		String narrowed = http.send(HttpRequest.newBuilder(URI.create(b.url() + "/?category=Lighting")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		// The two lamps outside the sale and the two in it: a category looks through every lot.
		assertThat(narrowed.split("data-role=\"card-photo\"", -1)).hasSize(5);
	}

}
