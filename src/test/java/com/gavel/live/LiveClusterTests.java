package com.gavel.live;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.ChainVerdict;
import com.gavel.auction.ChainVerifier;
import com.gavel.auction.HouseEvents;
import com.gavel.auction.LotView;
import com.gavel.auction.RejectReason;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;
import com.gavel.watchlist.WatchlistService;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.gavel.live.ClusterNodes.bid;
import static com.gavel.live.ClusterNodes.range;
import static com.gavel.live.ClusterNodes.sleep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three Gavel nodes on one PostgreSQL database are one house: each lot has one writer across both,
 * and one hash chain whichever node wrote its events, every watcher on either node gets every
 * event in sequence order with no gap, and what must
 * happen once per house (the first admin, the demo house) happens once.
 */
class LiveClusterTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> SETTINGS = Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
			"gavel.demo.enabled", "true", "gavel.cluster.repair-interval", "1s", "gavel.auction.bids-per-second",
			"1000", "gavel.auction.bid-burst", "1000");

	private static GavelNode a;

	private static GavelNode b;

	private static GavelNode c;

	@BeforeAll
	static void startThreeNodesAtOnce() throws Exception {
		// As the nodes of a house do when it is deployed: all start together on an empty database.
		CompletableFuture<GavelNode> first = CompletableFuture
			.supplyAsync(() -> postgres.start(SETTINGS, GavelTestConfiguration.class));
		CompletableFuture<GavelNode> second = CompletableFuture
			.supplyAsync(() -> postgres.start(SETTINGS, GavelTestConfiguration.class));
		CompletableFuture<GavelNode> third = CompletableFuture
			.supplyAsync(() -> postgres.start(SETTINGS, GavelTestConfiguration.class));
		a = first.get(2, TimeUnit.MINUTES);
		b = second.get(2, TimeUnit.MINUTES);
		c = third.get(2, TimeUnit.MINUTES);
	}

	@Test
	void theFirstAdminAndTheDemoHouseAreMadeOncePerHouse() {
		JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select count(*) from app_user where role = 'ADMIN'", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from app_user where username in ('ada', 'ben')", Integer.class))
			.isEqualTo(2);
		assertThat(jdbc.queryForList(
				"select title from lot where title = 'Brass desk lamp, green glass shade' and sale_id is null", String.class))
			.hasSize(1);
		// Its timed sale and its live sale.
		assertThat(jdbc.queryForObject("select count(*) from sale", Integer.class)).isEqualTo(2);
	}

	@Test
	void everyWatcherOnEitherNodeGetsEveryEventInSequenceOrder() {
		LotView lot = openLot();
		Account ada = bidder(a);
		Account ben = bidder(b);
		try (LiveTestClient onA = LiveTestClient.connect(a.port(), null, null);
				LiveTestClient onB = LiveTestClient.connect(b.port(), null, null)) {
			long startA = subscribed(onA, lot.id());
			long startB = subscribed(onB, lot.id());

			String ask = lot.ask();
			for (int i = 0; i < 12; i++) {
				// Turn about: ada bids through node A, ben through node B.
				BidResult result = (i % 2 == 0) ? bid(a, ada, lot.id(), ask) : bid(b, ben, lot.id(), ask);
				assertThat(result.accepted()).as("bid %d", i).isTrue();
				ask = result.lot().ask();
			}

			long last = a.bean(AuctionCatalog.class).lot(lot.id()).orElseThrow().sequence();
			assertThat(eventsUpTo(onA, lot.id(), last)).containsExactlyElementsOf(range(startA + 1, last));
			assertThat(eventsUpTo(onB, lot.id(), last)).containsExactlyElementsOf(range(startB + 1, last));
		}
	}

	@Test
	void thirtyTwoThreadsBiddingThroughThreeNodesIntoOneLotAndIntoManyLeaveEveryWatcherOnTheSameState()
			throws Exception {
		List<GavelNode> nodes = List.of(a, b, c);
		List<LotView> lots = List.of(openLot(), openLot(), openLot(), openLot());
		List<Account> bidders = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			bidders.add(bidder(nodes.get(i % 3)));
		}
		List<LiveTestClient> watchers = new ArrayList<>();
		List<BidResult> results = Collections.synchronizedList(new ArrayList<>());
		ExecutorService threads = Executors.newFixedThreadPool(32);
		try {
			for (GavelNode node : nodes) {
				LiveTestClient watcher = LiveTestClient.connect(node.port(), null, null);
				watchers.add(watcher);
				for (LotView lot : lots) {
					subscribed(watcher, lot.id());
				}
			}
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 32; t++) {
				GavelNode node = nodes.get(t % 3);
				Account bidder = bidders.get(t);
				int thread = t;
				done.add(threads.submit(() -> {
					for (int i = 1; i <= 8; i++) {
						// Half the threads bid on the first lot, the others spread over all four; the
						// maximums rise by thread and round, so most are accepted in whatever order.
						LotView lot = (thread % 2 == 0) ? lots.get(0) : lots.get((thread + i) % lots.size());
						String maximum = (40 * i + thread) + ".00";
						results.add(node.bean(AuctionEngine.class)
							.placeBid(BidRequest.of(lot.id(), bidder.id(), UUID.randomUUID().toString(), null,
									new BigDecimal(maximum))));
					}
				}));
			}
			for (Future<?> each : done) {
				each.get(2, TimeUnit.MINUTES);
			}

			assertThat(results).hasSize(32 * 8);
			assertThat(results).extracting(BidResult::reason)
				.doesNotContain(RejectReason.BUSY, RejectReason.SERVER_ERROR, RejectReason.REQUEST_ID_REUSED);
			JdbcTemplate jdbc = b.bean(JdbcTemplate.class);
			for (LotView lot : lots) {
				List<BidResult> accepted = results.stream()
					.filter((r) -> r.accepted() && r.lotId() == lot.id())
					.toList();
				assertThat(accepted).extracting(BidResult::sequence).doesNotHaveDuplicates();
				long last = jdbc.queryForObject("select last_sequence from lot where id = ?", Long.class, lot.id());
				assertThat(jdbc.queryForList("select sequence from lot_event where lot_id = ? order by sequence",
						Long.class, lot.id()))
					.as("lot %d's log", lot.id())
					.containsExactlyElementsOf(range(1, last));
				// Whichever node wrote each event, the lot's hash chain runs through all of them.
				ChainVerdict verdict = a.bean(ChainVerifier.class).verify(lot.id());
				assertThat(verdict.valid()).as("lot %d's chain: %s", lot.id(), verdict).isTrue();
				assertThat(verdict.events()).isEqualTo(last);
				for (BidResult result : accepted) {
					assertThat(result.receipt().hash()).isEqualTo(jdbc.queryForObject(
							"select hash from lot_event where lot_id = ? and sequence = ?", String.class, lot.id(),
							result.sequence()));
				}
				LotView stored = c.bean(AuctionCatalog.class).lot(lot.id()).orElseThrow();
				assertThat(stored.bids()).isEqualTo(accepted.size());
				for (LiveTestClient watcher : watchers) {
					JsonNode newest = watcher.await("event",
							(e) -> e.path("lotId").asLong() == lot.id() && e.path("seq").asLong() == last, WAIT);
					assertThat(JSON.treeToValue(newest.path("lot"), LotView.class)).as("a watcher's final state")
						.isEqualTo(stored);
				}
			}
		}
		finally {
			threads.shutdownNow();
			watchers.forEach(LiveTestClient::close);
		}
	}

	@Test
	void whenANodeStopsTheOthersGoOnWithItsLotsAndItsSequences() {
		LotView lot = openLot();
		GavelNode leaving = postgres.start(SETTINGS, GavelTestConfiguration.class);
		Account ada = bidder(leaving);
		Account ben = bidder(b);
		BidResult before = bid(leaving, ada, lot.id(), lot.ask());
		assertThat(before.accepted()).isTrue();

		leaving.close();

		BidResult after = bid(b, ben, lot.id(), before.lot().ask());
		assertThat(after.accepted()).isTrue();
		assertThat(after.sequence()).isEqualTo(before.sequence() + 1);
	}

	@Test
	void aNodeThatHearsNoNoticeStillGetsEveryEventFromThePeriodicCheck() {
		LotView lot = openLot();
		Map<String, String> deaf = new HashMap<>(SETTINGS);
		deaf.put("gavel.cluster.channel", "gavel_elsewhere");
		GavelNode elsewhere = postgres.start(deaf, GavelTestConfiguration.class);
		Account ada = bidder(a);
		try (LiveTestClient onC = LiveTestClient.connect(elsewhere.port(), null, null)) {
			long start = subscribed(onC, lot.id());
			awaitChecked(elsewhere, lot.id(), start);

			String ask = lot.ask();
			for (int i = 0; i < 3; i++) {
				BidResult result = bid(a, (i % 2 == 0) ? ada : bidder(a), lot.id(), ask);
				assertThat(result.accepted()).isTrue();
				ask = result.lot().ask();
			}

			long last = a.bean(AuctionCatalog.class).lot(lot.id()).orElseThrow().sequence();
			assertThat(eventsUpTo(onC, lot.id(), last)).containsExactlyElementsOf(range(start + 1, last));
		}
		finally {
			elsewhere.close();
		}
	}

	@Test
	void aBidderBannedOnOneNodeLosesTheirSocketsOnEveryNode() {
		Account ada = bidder(a);
		try (LiveTestClient onB = LiveTestClient.connect(b.port(), ada.username(), TestAccounts.PASSWORD)) {
			onB.await("hello");

			a.bean(AccountService.class).setBanned(ada.id(), true);

			assertThat(onB.awaitClose(WAIT)).isEqualTo(1008);
		}
	}

	@Test
	void signingOutOnOneNodeClosesThatSessionsSocketsOnEveryNode() {
		Account ada = bidder(a);
		HttpClient browser = FormSignIn.signIn(a.url(), ada.username(), TestAccounts.PASSWORD);
		HttpClient otherDevice = FormSignIn.signIn(c.url(), ada.username(), TestAccounts.PASSWORD);
		Map<String, String> session = Map.of("Cookie", FormSignIn.sessionCookie(browser));
		try (LiveTestClient onB = LiveTestClient.connect(b.port(), null, null, session);
				LiveTestClient onC = LiveTestClient.connect(c.port(), null, null, session);
				LiveTestClient otherOnB = LiveTestClient.connect(b.port(), null, null,
						Map.of("Cookie", FormSignIn.sessionCookie(otherDevice)))) {
			for (LiveTestClient socket : List.of(onB, onC, otherOnB)) {
				assertThat(socket.await("hello").path("user").asString()).isEqualTo(ada.username());
			}

			FormSignIn.signOut(a.url(), browser);

			assertThat(onB.awaitClose(WAIT)).isEqualTo(1008);
			assertThat(onC.awaitClose(WAIT)).isEqualTo(1008);
			LiveTestSupport.roundTrip(otherOnB);
			assertThat(otherOnB.isClosed()).as("the bidder's other session keeps its socket").isFalse();
		}
	}

	@Test
	void aBiddersSocketsOnEveryNodeHearOfTheirBidAndOfTheirWatchlist() {
		LotView lot = openLot();
		Account ada = bidder(a);
		try (LiveTestClient onB = LiveTestClient.connect(b.port(), ada.username(), TestAccounts.PASSWORD);
				LiveTestClient onC = LiveTestClient.connect(c.port(), ada.username(), TestAccounts.PASSWORD)) {
			onB.await("hello");
			onC.await("hello");

			BidResult result = bid(a, ada, lot.id(), lot.ask());
			assertThat(result.accepted()).isTrue();
			for (LiveTestClient socket : List.of(onB, onC)) {
				assertThat(socket.await("your-bid", (m) -> m.path("lot").asLong() == lot.id(), WAIT).path("seq").asLong())
					.isEqualTo(result.sequence());
			}

			a.bean(WatchlistService.class).watch(ada.id(), lot.id());
			a.bean(WatchlistService.class).unwatch(ada.id(), lot.id());
			for (LiveTestClient socket : List.of(onB, onC)) {
				assertThat(socket.await("watchlist", (m) -> m.path("lot").asLong() == lot.id(), WAIT)
					.path("watching")
					.asBoolean()).isTrue();
				assertThat(socket.await("watchlist", (m) -> m.path("lot").asLong() == lot.id(), WAIT)
					.path("watching")
					.asBoolean()).isFalse();
			}
		}
	}

	@Test
	void eachNodeIsReadyOnlyWhileItHearsTheOthers() throws Exception {
		HttpResponse<String> readiness = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(b.url() + "/actuator/health/readiness"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString(("admin:" + TestAccounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode cluster = JSON.readTree(readiness.body()).path("components").path("cluster");
		assertThat(cluster.path("status").asString()).isEqualTo("UP");
		assertThat(cluster.path("details").path("mode").asString()).isEqualTo("cluster");
		assertThat(cluster.path("details").path("listening").asBoolean()).isTrue();
	}

	// ---- support --------------------------------------------------------------------------

	/** A lot open now by the nodes' clock, created through node A. */
	private static LotView openLot() {
		return ClusterNodes.openLot(a, "Cluster lot");
	}

	private static List<Long> eventsUpTo(LiveTestClient client, long lotId, long last) {
		return ClusterNodes.eventsUpTo(client, lotId, last, WAIT);
	}

	private static Account bidder(GavelNode node) {
		return TestAccounts.newBidder(node.bean(AccountService.class), "cluster");
	}

	/** Waits until the node's periodic check has looked at the lot and found it at {@code sequence}. */
	private static void awaitChecked(GavelNode node, long lotId, long sequence) {
		HouseEvents events = node.bean(HouseEvents.class);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (events.lastPublished(lotId).orElse(-1) != sequence) {
			assertThat(System.nanoTime()).as("lot %d checked by the node", lotId).isLessThan(deadline);
			sleep(50);
		}
	}

	/** Subscribes and answers the sequence of the snapshot the socket got. */
	private static long subscribed(LiveTestClient client, long lotId) {
		client.send(LiveTestSupport.subscribe(lotId));
		return client.await("snapshot", (s) -> s.path("lot").path("id").asLong() == lotId, WAIT)
			.path("lot")
			.path("sequence")
			.asLong();
	}

}
