package com.gavel.auction;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.ApiClient;
import com.gavel.support.ApiClient.Login;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.Gen;
import com.gavel.support.MutableClock;
import com.gavel.support.Property;
import com.gavel.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lot's hash chain, verification, receipts and the head of the house, through the real
 * engine, database and JSON API: the chain recomputed from what the API exports (as docs/ledger.md
 * tells anyone to) and from what is stored, stored events changed behind the application's back
 * with plain SQL, and receipts checked against the events they name.
 */
@GavelSpringBootTest
class LedgerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private ChainVerifier verifier;

	@Autowired
	private Receipts receipts;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private LotWriter writer;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private JsonMapper json;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private ApiClient api;

	private Account ada;

	private Account ben;

	private Account cy;

	private Account admin;

	@BeforeEach
	void people() {
		this.api = new ApiClient(this.port);
		this.ada = TestAccounts.newBidder(this.accounts, "ada");
		this.ben = TestAccounts.newBidder(this.accounts, "ben");
		this.cy = TestAccounts.newBidder(this.accounts, "cy");
		this.admin = TestAccounts.newAdmin(this.accounts, "clerk");
	}

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	// ---- the chain ------------------------------------------------------------------------

	@Test
	void everyEventChainsFromTheOneBeforeAndIsStoredInItsCanonicalForm() {
		long lot = openLot();
		bid(lot, this.ada, "1.00", null);
		bid(lot, this.ben, null, "5.00");
		bid(lot, this.ada, "2.00", null);
		this.engine.amend(lot, withTitle(lot, "Renamed \"lot\" — ünïcode ✓ \\ / \t"));

		String head = assertChainRecomputesFromTheApi(lot);

		List<String> stored = this.jdbc.queryForList("select payload from lot_event where lot_id = ? order by sequence",
				String.class, lot);
		assertThat(stored).hasSize(5);
		for (String payload : stored) {
			assertThat(CanonicalJson.write(this.json.readTree(payload))).isEqualTo(payload);
		}
		assertThat(this.jdbc.queryForObject("select last_hash from lot where id = ?", String.class, lot)).isEqualTo(head);
	}

	@Test
	void aLogOfAnyLengthCanBeExportedPageByPage() {
		long lot = lotWithThreeBids();
		this.engine.closeNow(lot);

		List<Long> pages = new ArrayList<>();
		List<Long> seen = new ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = getJson("/api/lots/" + lot + "/events?after=" + after + "&limit=2", null);
			if (page.isEmpty()) {
				break;
			}
			pages.add((long) page.size());
			page.forEach((event) -> seen.add(event.get("seq").asLong()));
			after = page.get(page.size() - 1).get("seq").asLong();
		}
		assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(pages).containsExactly(2L, 2L, 1L);
		for (String bad : List.of("limit=0", "limit=1001", "limit=2&after=-1")) {
			HttpResponse<String> refused = this.api.get("/api/lots/" + lot + "/events?" + bad, null);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
		}
	}

	@Test
	void theApiVerifiesAnIntactChainAndGivesItsHead() {
		long lot = openLot();
		bid(lot, this.ada, "1.00", null);

		JsonNode verdict = getJson("/api/lots/" + lot + "/verify", null);

		assertThat(verdict.get("lotId").asLong()).isEqualTo(lot);
		assertThat(verdict.get("valid").asBoolean()).isTrue();
		assertThat(verdict.get("events").asLong()).isEqualTo(2);
		assertThat(verdict.get("head").asString()).isEqualTo(hashAt(lot, 2));
		assertThat(verdict.has("firstBadSequence")).isFalse();
		long draft = this.engine.createLot(terms().spec()).id();
		assertThat(this.api.get("/api/lots/" + draft + "/verify", null).statusCode()).isEqualTo(404);
		assertThat(this.verifier.verify(draft)).isEqualTo(ChainVerdict.valid(draft, 0, EventChain.genesis(draft)));
	}

	@Test
	void tamperingWithOneStoredEventMakesVerifyNameExactlyThatEvent() {
		long lot = lotWithThreeBids();
		String original = hashAt(lot, 3);

		int changed = this.jdbc.update("update lot_event set payload = replace(payload, '\"amount\":\"2.00\"', "
				+ "'\"amount\":\"1.50\"') where lot_id = ? and sequence = ?", lot, 3);
		assertThat(changed).isEqualTo(1);
		String tampered = payloadAt(lot, 3);
		assertThat(tampered).contains("\"amount\":\"1.50\"");

		JsonNode verdict = getJson("/api/lots/" + lot + "/verify", null);
		assertThat(verdict.get("valid").asBoolean()).isFalse();
		assertThat(verdict.get("firstBadSequence").asLong()).isEqualTo(3);
		assertThat(verdict.get("problem").asString()).isEqualTo("hash");
		assertThat(verdict.get("found").asString()).isEqualTo(original);
		assertThat(verdict.get("expected").asString())
			.isEqualTo(EventChain.link(hashAt(lot, 2), CanonicalJson.write(this.json.readTree(tampered))));
		assertThat(verdict.has("head")).isFalse();
	}

	@Test
	void anEventWhoseHashWasForgedToMatchBreaksTheNextLink() {
		long lot = lotWithThreeBids();
		String original = hashAt(lot, 2);
		this.jdbc.update("update lot_event set payload = replace(payload, '\"amount\":\"1.00\"', '\"amount\":\"0.50\"') "
				+ "where lot_id = ? and sequence = ?", lot, 2);
		String forged = EventChain.link(hashAt(lot, 1), CanonicalJson.write(this.json.readTree(payloadAt(lot, 2))));
		this.jdbc.update("update lot_event set hash = ? where lot_id = ? and sequence = ?", forged, lot, 2);

		ChainVerdict verdict = this.verifier.verify(lot);

		assertThat(verdict).isEqualTo(ChainVerdict.broken(lot, 3, "prev-hash", forged, original));
	}

	@Test
	void aChainRewrittenAfterAnEventNoLongerMatchesItsReceiptOrThePublishedHead() {
		long lot = openLot();
		BidResult receipted = bid(lot, this.ada, "1.00", null);
		bid(lot, this.ben, "2.00", null);
		this.engine.closeNow(lot);
		String published = headOf(getJson("/api/ledger/head", null), lot).get("hash").asString();

		// The whole chain from the bid on, rewritten consistently: it verifies, as any self-made chain would.
		this.jdbc.update("update lot_event set payload = replace(payload, '\"amount\":\"1.00\"', '\"amount\":\"0.75\"') "
				+ "where lot_id = ? and sequence = ?", lot, receipted.sequence());
		String previous = hashAt(lot, receipted.sequence() - 1);
		long last = this.jdbc.queryForObject("select last_sequence from lot where id = ?", Long.class, lot);
		for (long seq = receipted.sequence(); seq <= last; seq++) {
			String hash = EventChain.link(previous, CanonicalJson.write(this.json.readTree(payloadAt(lot, seq))));
			this.jdbc.update("update lot_event set prev_hash = ?, hash = ? where lot_id = ? and sequence = ?", previous,
					hash, lot, seq);
			previous = hash;
		}
		this.jdbc.update("update lot set last_hash = ? where id = ?", previous, lot);
		assertThat(this.verifier.verify(lot).valid()).isTrue();

		// What the bidder and the public kept still tells: the receipt's event and the head are not these.
		assertThat(hashAt(lot, receipted.sequence())).isNotEqualTo(receipted.receipt().hash());
		assertThat(headOf(getJson("/api/ledger/head", null), lot).get("hash").asString()).isNotEqualTo(published);
	}

	@Test
	void aMissingOrMisfiledEventAndAWrongHeadAreNamedToo() {
		long deleted = lotWithThreeBids();
		this.jdbc.update("delete from lot_event where lot_id = ? and sequence = ?", deleted, 4);
		assertThat(this.verifier.verify(deleted)).isEqualTo(
				ChainVerdict.broken(deleted, 4, "missing", "sequence 4", "end of log"));

		long gap = lotWithThreeBids();
		this.jdbc.update("delete from lot_event where lot_id = ? and sequence = ?", gap, 2);
		assertThat(this.verifier.verify(gap)).isEqualTo(ChainVerdict.broken(gap, 2, "missing", "sequence 2", "sequence 3"));

		long misfiled = lotWithThreeBids();
		Instant at = this.jdbc.queryForObject("select occurred_at from lot_event where lot_id = ? and sequence = 3",
				OffsetDateTime.class, misfiled).toInstant();
		this.jdbc.update("update lot_event set occurred_at = ? where lot_id = ? and sequence = 3",
				OffsetDateTime.ofInstant(at.plusSeconds(1), ZoneOffset.UTC), misfiled);
		ChainVerdict verdict = this.verifier.verify(misfiled);
		assertThat(verdict.firstBadSequence()).isEqualTo(3);
		assertThat(verdict.problem()).isEqualTo("mismatch");
		assertThat(verdict.expected()).isEqualTo("at " + at);
		assertThat(verdict.found()).isEqualTo("at " + at.plusSeconds(1));

		long headless = lotWithThreeBids();
		String head = hashAt(headless, 4);
		this.jdbc.update("update lot set last_hash = ? where id = ?", EventChain.genesis(headless), headless);
		assertThat(this.verifier.verify(headless))
			.isEqualTo(ChainVerdict.broken(headless, 4, "head", head, EventChain.genesis(headless)));
	}

	@Test
	void correctionsAreNewEventsAndEarlierEventsNeverChange() {
		long lot = openLot();
		BidResult first = bid(lot, this.ada, "1.00", null);
		BidResult second = bid(lot, this.ben, "2.00", null);
		List<Map<String, Object>> before = rows(lot);

		this.engine.amend(lot, withTitle(lot, "Renamed after the bids"));
		this.engine.voidBid(second.bidId(), "Shill bid", this.admin.id());
		this.engine.closeNow(lot);
		this.engine.voidBid(first.bidId(), "Found out after the close", this.admin.id());

		List<Map<String, Object>> after = rows(lot);
		assertThat(after.subList(0, before.size())).isEqualTo(before);
		assertThat(after.subList(before.size(), after.size())).extracting((row) -> row.get("TYPE"))
			.containsExactly("updated", "voided", "closed", "voided");
		assertThat(after.get(before.size())).containsEntry("PREV_HASH", before.get(before.size() - 1).get("HASH"));
		assertThat(this.verifier.verify(lot).valid()).isTrue();
	}

	@Test
	void bidsQueuedBehindABusyLotAreCommittedTogetherAndChainInArrivalOrder() throws Exception {
		long lot = openLot();
		CountDownLatch release = new CountDownLatch(1);
		holdTheLot(lot, release);
		List<Future<BidResult>> queued = new ArrayList<>();
		List<Account> bidders = List.of(this.ada, this.ben, this.cy);
		for (int i = 0; i < 9; i++) {
			Account bidder = bidders.get(i % 3);
			String amount = (i + 1) + ".00";
			queued.add(this.threads.submit(() -> bid(lot, bidder, amount, null)));
			awaitWaiting(lot, i + 1);
		}
		release.countDown();

		for (Future<BidResult> each : queued) {
			BidResult result = each.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(result.accepted()).isTrue();
			assertThat(result.receipt().hash()).isEqualTo(hashAt(lot, result.sequence()));
			assertThat(this.receipts.stored(lot, result.sequence())).contains(result.receipt());
		}
		assertThat(this.verifier.verify(lot)).isEqualTo(ChainVerdict.valid(lot, 10, hashAt(lot, 10)));
		assertChainRecomputesFromTheApi(lot);
	}

	/** One try: a lot's terms and what happens to it, step by step. */
	record History(boolean reserve, boolean buyNow, List<Step> steps) {
	}

	/**
	 * @param action what happens (see {@link #play})
	 * @param bidder which of three bidders acts
	 * @param size how far above (or, at -1, below) the ask a bid goes, in whole units
	 * @param seconds how close to the end a late bid comes, or how long a pause lasts
	 */
	record Step(String action, int bidder, int size, int seconds) {
	}

	private static History history(Gen gen) {
		List<Step> steps = new ArrayList<>();
		int count = gen.uniform(4, 24);
		for (int i = 0; i < count; i++) {
			String action = switch (gen.weighted(30, 25, 12, 8, 5, 4, 3, 2, 1)) {
				case 0 -> "bid";
				case 1 -> "maximum";
				case 2 -> "late-bid";
				case 3 -> "void";
				case 4 -> "pause";
				case 5 -> "rename";
				case 6 -> "buy-now";
				case 7 -> "close";
				default -> "cancel";
			};
			steps.add(new Step(action, gen.uniform(0, 2), gen.uniform(-1, 6), gen.uniform(1, 110)));
		}
		return new History(gen.chance(0.3), gen.chance(0.3), steps);
	}

	@TestFactory
	Stream<DynamicTest> aRandomHistoryOfBidsVoidsAndExtensionsAlwaysVerifies() {
		return Property.forAll(6, LedgerTests::history, this::play);
	}

	private void play(History history) {
		// Running from now: earlier tries move the clock, and a lot whose end had already passed
		// would be closed by the house's sweep in the middle of its history.
		Instant start = this.clock.instant();
		LotTerms terms = terms().running(start.minusSeconds(60), start.plus(Duration.ofHours(1)));
		terms = history.reserve() ? terms.withReserve("20.00") : terms;
		terms = history.buyNow() ? terms.withBuyNow("50.00") : terms;
		long lot = this.engine.createLot(terms.spec()).id();
		this.engine.openNow(lot);
		List<Account> bidders = List.of(this.ada, this.ben, this.cy);
		List<BidResult> accepted = new ArrayList<>();
		for (Step step : history.steps()) {
			Account bidder = bidders.get(step.bidder());
			LotView now = this.catalog.lot(lot).orElseThrow();
			BidResult result = null;
			try {
				switch (step.action()) {
					case "bid" -> result = bid(lot, bidder, above(now, step.size()), null);
					case "maximum" -> result = bid(lot, bidder, null, above(now, step.size() + 2));
					case "late-bid" -> {
						Instant late = now.endsAt().minusSeconds(step.seconds());
						if (late.isAfter(this.clock.instant())) {
							this.clock.moveTo(late);
						}
						result = bid(lot, bidder, above(now, Math.max(step.size(), 0)), null);
					}
					case "void" -> {
						if (!accepted.isEmpty()) {
							BidResult target = accepted.remove(step.seconds() % accepted.size());
							this.engine.voidBid(target.bidId(), "Voided by a test", this.admin.id());
						}
					}
					case "pause" -> {
						this.engine.pause(lot);
						this.clock.advance(Duration.ofSeconds(step.seconds()));
						this.engine.resume(lot);
					}
					case "rename" -> this.engine.amend(lot, withTitle(lot, "Renamed " + step.seconds()));
					case "buy-now" -> result = this.engine
						.placeBid(BidRequest.buyNow(lot, bidder.id(), UUID.randomUUID().toString()));
					case "close" -> this.engine.closeNow(lot);
					default -> this.engine.cancel(lot, "Withdrawn by a test");
				}
			}
			catch (LotStateException ex) {
				// Pausing a closed lot and the like: refused, nothing logged.
			}
			if (result != null && result.accepted()) {
				accepted.add(result);
			}
		}

		long last = this.jdbc.queryForObject("select last_sequence from lot where id = ?", Long.class, lot);
		assertThat(this.verifier.verify(lot)).isEqualTo(ChainVerdict.valid(lot, last, hashAt(lot, last)));
		assertChainRecomputesFromTheApi(lot);
		for (BidResult result : accepted) {
			assertThat(this.receipts.stored(lot, result.sequence())).contains(result.receipt());
		}
	}

	/** An amount {@code units} above the lot's ask (below it at -1), or any amount once it has none. */
	private String above(LotView lot, int units) {
		if (lot.ask() == null) {
			return "1.00";
		}
		return new BigDecimal(lot.ask()).add(BigDecimal.valueOf(units)).max(new BigDecimal("0.01")).toPlainString();
	}

	// ---- receipts -------------------------------------------------------------------------

	@Test
	void anAcceptedBidsReceiptAgreesWithItsStoredEvent() {
		long lot = openLot();
		bid(lot, this.ben, "1.00", null);
		String body = "{\"requestId\":\"receipt-" + UUID.randomUUID() + "\",\"amount\":\"2.00\",\"maximum\":\"9.00\"}";

		HttpResponse<String> answer = this.api.post("/api/lots/" + lot + "/bids", Login.of(this.ada), body);

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode result = this.json.readTree(answer.body());
		JsonNode receipt = result.get("receipt");
		long seq = receipt.get("sequence").asLong();
		assertThat(seq).isEqualTo(result.get("sequence").asLong());
		assertThat(receipt.get("lotId").asLong()).isEqualTo(lot);
		JsonNode event = eventAt(lot, seq);
		JsonNode before = eventAt(lot, seq - 1);
		assertThat(event.get("kind").asString()).isEqualTo("bid");
		assertThat(receipt.get("hash").asString()).isEqualTo(event.get("hash").asString());
		Instant arrived = Instant.parse(receipt.get("arrivedAt").asString());
		assertThat(arrived).isEqualTo(Instant.parse(event.get("at").asString()))
			.isEqualTo(Instant.parse(result.get("arrivedAt").asString()))
			.isEqualTo(LotWriter.stamp(this.clock));
		Instant end = Instant.parse(receipt.get("endsAt").asString());
		assertThat(end).isEqualTo(Instant.parse(before.get("lot").get("endsAt").asString()));
		assertThat(receipt.get("beforeEndMs").asLong()).isEqualTo(Duration.between(arrived, end).toMillis())
			.isPositive();

		// A retry with the same request id gets the first outcome, receipt included.
		HttpResponse<String> retry = this.api.post("/api/lots/" + lot + "/bids", Login.of(this.ada), body);
		assertThat(this.json.readTree(retry.body()).get("receipt")).isEqualTo(receipt);
	}

	@Test
	void aLateBidsReceiptCountsFromTheEndItBeatNotTheEndItMade() {
		Instant end = this.clock.advanceToWholeSecond().plus(Duration.ofHours(1));
		long lot = openLot(end);
		this.clock.moveTo(end.minusMillis(1500));

		JsonNode receipt = this.json.readTree(this.api
			.post("/api/lots/" + lot + "/bids", Login.of(this.ada), "{\"requestId\":\"late-" + UUID.randomUUID()
					+ "\",\"amount\":\"1.00\"}")
			.body()).get("receipt");

		assertThat(Instant.parse(receipt.get("endsAt").asString())).isEqualTo(end);
		assertThat(receipt.get("beforeEndMs").asLong()).isEqualTo(1500);
		JsonNode extended = eventAt(lot, receipt.get("sequence").asLong() + 1);
		assertThat(extended.get("kind").asString()).isEqualTo("extended");
		assertThat(Instant.parse(extended.get("detail").get("previousEndsAt").asString())).isEqualTo(end);
	}

	@Test
	void aReceiptToKeepIsTheBiddersAndTheAdminsAndProvesItsOwnEvent() {
		long lot = openLot();
		BidResult bid = bid(lot, this.ada, "1.00", "7.00");
		String path = "/api/lots/" + lot + "/receipts/" + bid.sequence();

		HttpResponse<String> mine = this.api.get(path, Login.of(this.ada));

		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.headers().firstValue("Content-Disposition"))
			.contains("attachment; filename=\"gavel-receipt-lot-" + lot + "-" + bid.sequence() + ".json\"");
		JsonNode document = this.json.readTree(mine.body());
		assertThat(document.get("type").asString()).isEqualTo("gavel-bid-receipt");
		assertThat(document.get("lotId").asLong()).isEqualTo(lot);
		assertThat(document.get("requestId").asString()).isEqualTo(bid.requestId());
		assertThat(document.get("bidder").asString()).isEqualTo("Bidder 1");
		assertThat(document.get("amount").asString()).isEqualTo("1.00");
		assertThat(document.get("maximum").asString()).isEqualTo("7.00");
		assertThat(document.get("voided").asBoolean()).isFalse();
		assertThat(document.get("hash").asString()).isEqualTo(bid.receipt().hash());
		assertThat(document.get("beforeEndMs").asLong()).isEqualTo(bid.receipt().beforeEndMs());
		assertThat(document.get("prevHash").asString()).isEqualTo(hashAt(lot, bid.sequence() - 1));
		assertThat(EventChain.link(document.get("prevHash").asString(), CanonicalJson.write(document.get("event"))))
			.isEqualTo(document.get("hash").asString());
		assertThat(document.get("verify").asString()).isEqualTo("/api/lots/" + lot + "/verify");

		assertThat(this.api.get(path, Login.admin()).statusCode()).isEqualTo(200);
		HttpResponse<String> theirs = this.api.get(path, Login.of(this.ben));
		assertThat(theirs.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(theirs.body()).get("reason").asString()).isEqualTo("receipt-not-found");
		assertThat(this.api.get(path, ApiClient.ANONYMOUS).statusCode()).isEqualTo(401);
		assertThat(this.api.get("/api/lots/" + lot + "/receipts/1", Login.of(this.ada)).statusCode()).isEqualTo(404);
	}

	@Test
	void aRefusedBidSaysWhenItArrivedAndHasNoReceipt() {
		long lot = openLot();
		HttpResponse<String> refused = this.api.post("/api/lots/" + lot + "/bids", Login.of(this.ada),
				"{\"requestId\":\"low-" + UUID.randomUUID() + "\",\"amount\":\"0.50\"}");

		assertThat(refused.statusCode()).isEqualTo(422);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(Instant.parse(problem.get("arrivedAt").asString())).isEqualTo(LotWriter.stamp(this.clock));
		assertThat(problem.has("receipt")).isFalse();
	}

	// ---- the head of the house ------------------------------------------------------------

	@Test
	void theHeadOfTheHouseListsEveryClosedLotAndOnlyThose() {
		long open = openLot();
		long scheduled = this.engine.createLot(terms().running(this.clock.instant().plus(Duration.ofHours(1)),
				this.clock.instant().plus(Duration.ofHours(2))).spec()).id();
		this.engine.schedule(scheduled);
		long cancelled = openLot();
		this.engine.cancel(cancelled, "Withdrawn");
		long closed = openLot();
		bid(closed, this.ada, "1.00", null);
		this.engine.closeNow(closed);
		long corrected = openLot();
		BidResult voided = bid(corrected, this.ben, "1.00", null);
		this.engine.closeNow(corrected);
		this.engine.voidBid(voided.bidId(), "Bidder withdrew", this.admin.id());

		List<Long> closedBefore = closedLots();
		JsonNode head = getJson("/api/ledger/head", null);
		List<Long> closedAfter = closedLots();

		List<Long> ids = new ArrayList<>();
		StringBuilder lines = new StringBuilder();
		for (JsonNode lot : head.get("lots")) {
			ids.add(lot.get("lotId").asLong());
			lines.append(lot.get("lotId").asLong())
				.append(' ')
				.append(lot.get("sequence").asLong())
				.append(' ')
				.append(lot.get("hash").asString())
				.append('\n');
		}
		assertThat(ids).contains(closed, corrected).doesNotContain(open, scheduled, cancelled).isSorted();
		// The scheduler may close another test's lot meanwhile: the head has every lot closed before it.
		assertThat(ids).containsAll(closedBefore);
		assertThat(closedAfter).containsAll(ids);
		assertThat(head.get("digest").asString()).isEqualTo(EventChain.hash(lines.toString()));
		assertThat(Instant.parse(head.get("asOf").asString())).isEqualTo(this.clock.instant());
		// A correction after the close is the lot's last event: the head moved to it.
		JsonNode entry = headOf(head, corrected);
		long last = this.jdbc.queryForObject("select last_sequence from lot where id = ?", Long.class, corrected);
		assertThat(entry.get("sequence").asLong()).isEqualTo(last);
		assertThat(eventAt(corrected, last).get("kind").asString()).isEqualTo("voided");
		assertThat(entry.get("hash").asString()).isEqualTo(hashAt(corrected, last));
		assertThat(Instant.parse(entry.get("closedAt").asString()))
			.isEqualTo(this.jdbc.queryForObject("select closed_at from lot where id = ?", OffsetDateTime.class, corrected)
				.toInstant());
	}

	// ---- support --------------------------------------------------------------------------

	/**
	 * Recomputes the lot's chain from its exported events the way docs/ledger.md tells anyone to,
	 * and answers its head.
	 */
	private String assertChainRecomputesFromTheApi(long lot) {
		String previous = EventChain.genesis(lot);
		long seq = 0;
		for (JsonNode event : getJson("/api/lots/" + lot + "/events", null)) {
			assertThat(event.get("seq").asLong()).isEqualTo(++seq);
			assertThat(event.get("prevHash").asString()).as("event %d's prevHash", seq).isEqualTo(previous);
			ObjectNode bare = ((ObjectNode) event).deepCopy();
			bare.remove("prevHash");
			bare.remove("hash");
			String hash = EventChain.link(previous, CanonicalJson.write(bare));
			assertThat(event.get("hash").asString()).as("event %d's hash", seq).isEqualTo(hash);
			assertThat(payloadAt(lot, seq)).as("event %d as stored", seq).isEqualTo(CanonicalJson.write(bare));
			previous = hash;
		}
		assertThat(seq).isPositive();
		return previous;
	}

	private long lotWithThreeBids() {
		long lot = openLot();
		bid(lot, this.ada, "1.00", null);
		bid(lot, this.ben, "2.00", null);
		bid(lot, this.ada, "3.00", null);
		assertThat(this.verifier.verify(lot).valid()).isTrue();
		return lot;
	}

	private static LotTerms terms() {
		return LotTerms.of("EUR", "1.00");
	}

	private long openLot() {
		return openLot(this.clock.instant().plus(Duration.ofHours(1)));
	}

	private long openLot(Instant end) {
		long lot = this.engine.createLot(terms().running(this.clock.instant().minusSeconds(60), end).spec()).id();
		this.engine.openNow(lot);
		return lot;
	}

	/** The lot's terms as they stand, with another title. */
	private LotSpec withTitle(long lot, String title) {
		LotSpec now = this.catalog.adminLot(lot).orElseThrow().terms();
		return new LotSpec(title, now.description(), now.currency(), now.startPrice(), now.reservePrice(),
				now.buyNowPrice(), now.startsAt(), now.endsAt(), now.hardStopAt(), now.softCloseWindow(),
				now.softCloseExtension(), now.maxExtensions());
	}

	private BidResult bid(long lot, Account bidder, String amount, String maximum) {
		return this.engine.placeBid(BidRequest.of(lot, bidder.id(), UUID.randomUUID().toString(),
				amount == null ? null : new BigDecimal(amount), maximum == null ? null : new BigDecimal(maximum)));
	}

	private JsonNode getJson(String path, Login login) {
		HttpResponse<String> response = this.api.get(path, login);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode eventAt(long lot, long seq) {
		for (JsonNode event : getJson("/api/lots/" + lot + "/events?after=" + (seq - 1), null)) {
			return event;
		}
		throw new AssertionError("lot " + lot + " has no event " + seq);
	}

	private static JsonNode headOf(JsonNode head, long lot) {
		for (JsonNode entry : head.get("lots")) {
			if (entry.get("lotId").asLong() == lot) {
				return entry;
			}
		}
		throw new AssertionError("lot " + lot + " is not in the head of the house");
	}

	private String hashAt(long lot, long seq) {
		return this.jdbc.queryForObject("select hash from lot_event where lot_id = ? and sequence = ?", String.class,
				lot, seq);
	}

	private String payloadAt(long lot, long seq) {
		return this.jdbc.queryForObject("select payload from lot_event where lot_id = ? and sequence = ?",
				String.class, lot, seq);
	}

	private List<Long> closedLots() {
		return this.jdbc.queryForList("select id from lot where status = 'CLOSED' order by id", Long.class);
	}

	private List<Map<String, Object>> rows(long lot) {
		return this.jdbc.queryForList("select sequence, type, payload, prev_hash, hash from lot_event "
				+ "where lot_id = ? order by sequence", lot);
	}

	/** Keeps the lot's turn on another thread, as a slow earlier change would, until released. */
	private void holdTheLot(long lot, CountDownLatch release) throws Exception {
		CompletableFuture<Void> holding = new CompletableFuture<>();
		this.threads.submit(() -> this.writer.write(lot, (arrived) -> {
			holding.complete(null);
			try {
				return new LotWriter.Decided<>(release.await(WAIT.toSeconds(), TimeUnit.SECONDS), List.of());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new LotWriter.Decided<>(false, List.of());
			}
		}));
		holding.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private void awaitWaiting(long lot, int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.writer.waiting(lot) < count) {
			assertThat(System.nanoTime()).as("%d waiting for lot %d", count, lot).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
