package com.gavel.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEvent;
import com.gavel.auction.BidResult;
import com.gavel.auction.HouseEvents;
import com.gavel.auction.LotView;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

import static com.gavel.live.ClusterNodes.range;
import static com.gavel.live.ClusterNodes.sleep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node publishes what the notices it hears announce: every lot a notice names, each lot's events
 * once and in sequence order, read from the log in one query for up to a hundred lots.
 * <p>
 * Node A commits and tells no one (it announces on a channel nobody else listens on) and node B
 * checks the lots only once, when it starts; so B learns of A's events only from the notices the
 * test sends on the house's channel, exactly as A would have sent them.
 */
class LiveClusterNoticeTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CHANNEL = "gavel_lots";

	private static final Map<String, String> SETTINGS = Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
			"gavel.demo.enabled", "false", "gavel.auction.bids-per-second", "1000", "gavel.auction.bid-burst", "1000");

	private static GavelNode a;

	private static GavelNode b;

	private static Account ada;

	private static Account ben;

	@BeforeAll
	static void startTwoNodes() {
		Map<String, String> silent = new HashMap<>(SETTINGS);
		silent.put("gavel.cluster.channel", "gavel_nobody");
		a = postgres.start(silent, GavelTestConfiguration.class);
		LotView before = openLot();
		Map<String, String> listening = new HashMap<>(SETTINGS);
		listening.put("gavel.cluster.repair-interval", "1h");
		b = postgres.start(listening, GavelTestConfiguration.class);
		// B's first check has run once it remembers a lot that was open before it started; the
		// next one is an hour away.
		awaitRemembered(b, before.id());
		ada = TestAccounts.newBidder(a.bean(AccountService.class), "notice");
		ben = TestAccounts.newBidder(a.bean(AccountService.class), "notice");
	}

	@Test
	void aNoticeNamingFiftyLotsGetsEveryLotsEventsToAWatcherOnTheOtherNodeInOrderOnceEachFromOneRead() {
		List<LotView> lots = openLots(50);
		try (LiveTestClient watcher = LiveTestClient.connect(b.port(), null, null)) {
			Map<Long, Long> snapshots = subscribed(watcher, lots);
			Map<Long, long[]> announced = new LinkedHashMap<>();
			for (LotView lot : lots) {
				announced.put(lot.id(), new long[] { snapshots.get(lot.id()) + 1, bidTwice(lot) });
			}
			double reads = logReads(b);

			notify(payload(announced));

			for (LotView lot : lots) {
				long[] range = announced.get(lot.id());
				assertThat(eventsUpTo(watcher, lot.id(), range[1])).as("lot %d on the watcher", lot.id())
					.containsExactlyElementsOf(range(range[0], range[1]));
				assertThat(publishedOn(b, lot.id(), range[1])).as("lot %d published on B", lot.id())
					.containsExactlyElementsOf(range(range[0], range[1]));
			}
			assertThat(logReads(b) - reads).as("reads of the event log for one notice of 50 lots").isEqualTo(1.0);
		}
	}

	@Test
	void aNoticeNamingMoreThanAHundredLotsIsReadAHundredLotsAQuery() {
		List<LotView> lots = openLots(250);
		Map<Long, long[]> announced = new LinkedHashMap<>();
		for (LotView lot : lots) {
			announced.put(lot.id(), new long[] { 1, lot.sequence() });
		}
		double reads = logReads(b);

		notify(payload(announced));

		for (LotView lot : lots) {
			assertThat(publishedOn(b, lot.id(), lot.sequence())).as("lot %d published on B", lot.id())
				.containsExactlyElementsOf(range(1, lot.sequence()));
		}
		assertThat(logReads(b) - reads).as("reads of the event log for one notice of 250 lots").isEqualTo(3.0);
	}

	@Test
	void noticesOverlappingWhatANodePublishedPublishOnlyWhatIsNewAndItsOwnCommitsStillFollowInOrder() {
		List<LotView> lots = openLots(3);
		try (LiveTestClient watcher = LiveTestClient.connect(b.port(), null, null)) {
			Map<Long, Long> snapshots = subscribed(watcher, lots);
			Map<Long, long[]> first = new LinkedHashMap<>();
			for (LotView lot : lots) {
				first.put(lot.id(), new long[] { snapshots.get(lot.id()) + 1, bidTwice(lot) });
			}
			notify(payload(first));
			for (LotView lot : lots) {
				eventsUpTo(watcher, lot.id(), first.get(lot.id())[1]);
			}

			// Two notices at once: one all old news, one from the lots' first events to new ones.
			Map<Long, long[]> overlapping = new LinkedHashMap<>();
			for (LotView lot : lots) {
				overlapping.put(lot.id(), new long[] { 1, bidTwice(lot) });
			}
			notify(payload(first), payload(overlapping));
			for (LotView lot : lots) {
				long[] before = first.get(lot.id());
				long last = overlapping.get(lot.id())[1];
				assertThat(eventsUpTo(watcher, lot.id(), last)).as("lot %d's new events on the watcher", lot.id())
					.containsExactlyElementsOf(range(before[1] + 1, last));
				assertThat(publishedOn(b, lot.id(), last)).as("lot %d published on B", lot.id())
					.containsExactlyElementsOf(range(before[0], last));
			}

			// A commits once more without telling, then B commits: B publishes A's event first.
			LotView lot = lots.get(0);
			BidResult byA = bid(a, ada, lot.id(), a.bean(AuctionCatalog.class).lot(lot.id()).orElseThrow().ask());
			BidResult byB = bid(b, ben, lot.id(), byA.lot().ask());
			assertThat(byB.sequence()).isEqualTo(byA.sequence() + 1);
			assertThat(eventsUpTo(watcher, lot.id(), byB.sequence())).containsExactly(byA.sequence(), byB.sequence());
			assertThat(publishedOn(b, lot.id(), byB.sequence()))
				.containsExactlyElementsOf(range(first.get(lot.id())[0], byB.sequence()));
		}
	}

	@Test
	void aNoticeNamingALotTheNodeNeverHeardOfStartsThatLotAtItsFirstAnnouncedEvent() {
		List<LotView> lots = openLots(2);
		LotView known = lots.get(0);
		LotView unheardOf = lots.get(1);
		notify(known.id() + ":1:" + known.sequence());
		awaitPublished(b, known.id(), known.sequence());
		long knownLast = bidTwice(known);
		long unheardOfFirst = bidTwice(unheardOf) - 1;
		long nowhere = Long.MAX_VALUE / 2;
		assertThat(b.bean(HouseEvents.class).lastPublished(unheardOf.id())).isEmpty();

		notify(nowhere + ":1:7," + unheardOf.id() + ":" + unheardOfFirst + ":" + (unheardOfFirst + 1) + ","
				+ known.id() + ":1:" + knownLast);

		assertThat(publishedOn(b, known.id(), knownLast)).containsExactlyElementsOf(range(1, knownLast));
		assertThat(publishedOn(b, unheardOf.id(), unheardOfFirst + 1)).containsExactly(unheardOfFirst,
				unheardOfFirst + 1);
		assertThat(b.bean(HouseEvents.class).lastPublished(nowhere)).isEmpty();
	}

	// ---- support --------------------------------------------------------------------------

	/** The node's reads of the event log for events other nodes committed (a metric of the house's). */
	private static double logReads(GavelNode node) {
		return node.bean(MeterRegistry.class).counter("gavel.cluster.log.reads").count();
	}

	/** Sends the notices in one transaction, so the listening node receives them together. */
	private static void notify(String... payloads) {
		StringBuilder sql = new StringBuilder("select 1");
		Object[] arguments = new Object[payloads.length * 2];
		for (int i = 0; i < payloads.length; i++) {
			sql.append(", pg_notify(?, ?)");
			arguments[2 * i] = CHANNEL;
			arguments[2 * i + 1] = payloads[i];
		}
		a.bean(JdbcTemplate.class).query(sql.toString(), (ResultSetExtractor<Void>) (rs) -> null, arguments);
	}

	/** "lot:first:last,…" as a node announces its lots. */
	private static String payload(Map<Long, long[]> ranges) {
		List<String> entries = new ArrayList<>();
		ranges.forEach((lot, range) -> entries.add(lot + ":" + range[0] + ":" + range[1]));
		return String.join(",", entries);
	}

	private static List<LotView> openLots(int count) {
		List<LotView> lots = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lots.add(openLot());
		}
		return lots;
	}

	private static LotView openLot() {
		return ClusterNodes.openLot(a, "Announced lot");
	}

	/** Two bids on the lot through node A, by ada then ben; answers the lot's last sequence. */
	private static long bidTwice(LotView lot) {
		BidResult first = bid(a, ada, lot.id(), a.bean(AuctionCatalog.class).lot(lot.id()).orElseThrow().ask());
		BidResult second = bid(a, ben, lot.id(), first.lot().ask());
		return second.sequence();
	}

	private static BidResult bid(GavelNode node, Account bidder, long lotId, String amount) {
		BidResult result = ClusterNodes.bid(node, bidder, lotId, amount);
		assertThat(result.accepted()).as("a bid of %s on lot %d: %s", amount, lotId, result.reason()).isTrue();
		return result;
	}

	private static List<Long> eventsUpTo(LiveTestClient client, long lotId, long last) {
		return ClusterNodes.eventsUpTo(client, lotId, last, WAIT);
	}

	/** Subscribes to the lots at once and answers the sequence of each lot's snapshot. */
	private static Map<Long, Long> subscribed(LiveTestClient watcher, List<LotView> lots) {
		watcher.send(Map.of("type", "subscribe", "lots", lots.stream().map((lot) -> Map.of("id", lot.id())).toList()));
		Map<Long, Long> snapshots = new HashMap<>();
		for (LotView lot : lots) {
			JsonNode snapshot = watcher.await("snapshot", (s) -> s.path("lot").path("id").asLong() == lot.id(), WAIT);
			snapshots.put(lot.id(), snapshot.path("lot").path("sequence").asLong());
		}
		return snapshots;
	}

	/**
	 * The sequences of the lot's events the node published, in the order it published them, once
	 * it published {@code last}.
	 */
	private static List<Long> publishedOn(GavelNode node, long lotId, long last) {
		awaitPublished(node, lotId, last);
		return publishedOn(node, lotId);
	}

	private static List<Long> publishedOn(GavelNode node, long lotId) {
		return node.bean(EventRecorder.class)
			.of(lotId)
			.stream()
			.map(EventRecorder.Seen::event)
			.map(AuctionEvent::sequence)
			.toList();
	}

	private static void awaitPublished(GavelNode node, long lotId, long sequence) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (publishedOn(node, lotId).stream().noneMatch((seq) -> seq == sequence)) {
			assertThat(System.nanoTime()).as("lot %d's event %d published", lotId, sequence).isLessThan(deadline);
			sleep(20);
		}
	}

	private static void awaitRemembered(GavelNode node, long lotId) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (node.bean(HouseEvents.class).lastPublished(lotId).isEmpty()) {
			assertThat(System.nanoTime()).as("lot %d checked by the node", lotId).isLessThan(deadline);
			sleep(20);
		}
	}

}
