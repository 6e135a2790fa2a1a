package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads bidding at once, on one lot and on many, with deliberate duplicate request ids
 * sent at the same moment. Afterwards every lot must look exactly as if its accepted bids had
 * come one after the other: the stored standing is their serial replay, every stored price is
 * what the replay gives at that point, sequence numbers are gapless, and no request id made two
 * bids.
 */
@GavelSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuctionEngineConcurrencyTests {

	private static final int THREADS = 32;

	private static final Duration DEADLINE = Duration.ofSeconds(90);

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private AccountService accounts;

	@Autowired
	private LotRepository lots;

	@Autowired
	private BidRepository bids;

	@Autowired
	private EventLog eventLog;

	@Autowired
	private EventRecorder recorder;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	private final List<Account> bidders = new ArrayList<>();

	@BeforeAll
	void bidders() {
		for (int i = 0; i < 12; i++) {
			this.bidders.add(TestAccounts.newBidder(this.accounts, "racer"));
		}
	}

	@Test
	void thirtyTwoThreadsOnOneLot() throws Exception {
		long lot = openLot(LotTerms.of("EUR", "1.00").withReserve("200.00"));
		List<Task> tasks = tasks(List.of(lot), 600, 40, false, new Random(1));

		List<BidResult> results = run(tasks);

		assertNoRequestMadeTwoBids(tasks, results);
		assertInvariants(lot);
		assertThat(acceptedBids(lot)).hasSizeGreaterThan(50);
	}

	@Test
	void thirtyTwoThreadsOnManyLots() throws Exception {
		List<Long> lotIds = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			lotIds.add(openLot(i % 3 == 0 ? LotTerms.of("JPY", "100") : LotTerms.of("EUR", "1.00")));
		}
		// Duplicates here also go to different lots at once: the first one wins, on its lot.
		List<Task> tasks = tasks(lotIds, 800, 40, true, new Random(2));

		List<BidResult> results = run(tasks);

		assertNoRequestMadeTwoBids(tasks, results);
		for (long lot : lotIds) {
			assertInvariants(lot);
		}
	}

	@Test
	void bidsRacingTheCloseNeverLandAfterIt() throws Exception {
		Instant now = this.clock.advanceToWholeSecond();
		LotView created = this.engine.createLot(LotTerms.of("EUR", "1.00")
			.running(now, now.plus(Duration.ofMinutes(10)))
			.withMaxExtensions(3)
			.spec());
		long lot = created.id();
		this.engine.openNow(lot);
		// The clock runs on while the bids come in (every tenth bid moves it 30 seconds), past the
		// end and every extension, and the scheduler closes the lot in the middle of it.
		List<Task> tasks = tasks(List.of(lot), 400, 0, false, new Random(3));
		for (int i = 0; i < tasks.size(); i += 10) {
			tasks.set(i, tasks.get(i).after(Duration.ofSeconds(30)));
		}

		List<BidResult> results = run(tasks);
		this.engine.closeIfDue(lot);

		Lot stored = this.lots.findById(lot).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(LotStatus.CLOSED);
		for (Bid bid : acceptedBids(lot)) {
			assertThat(bid.getReceivedAt()).isBefore(stored.getEndsAt());
		}
		assertThat(results).extracting(BidResult::reason)
			.contains(RejectReason.LOT_CLOSED)
			.doesNotContain(RejectReason.BUSY);
		assertThat(results).filteredOn(BidResult::accepted).hasSizeGreaterThan(10);
		assertInvariants(lot);
		assertThat(last(this.catalog.eventsAfter(lot, 0, 100_000).orElseThrow())).contains("\"kind\":\"closed\"");
	}

	// ---- the work -------------------------------------------------------------------------

	/**
	 * One bid to send: amounts are decided when it is sent, from the latest ask seen.
	 *
	 * @param advance how far to move the clock just before sending it
	 */
	record Task(long lot, Account bidder, String requestId, BidKind kind, long offset, long spread,
			Duration advance) {

		Task after(Duration advance) {
			return new Task(this.lot, this.bidder, this.requestId, this.kind, this.offset, this.spread, advance);
		}

	}

	private final Map<Long, AtomicLong> asks = new ConcurrentHashMap<>();

	/**
	 * @param duplicates how many request ids to send four times, back to back, so that different
	 * threads pick them up at the same moment
	 */
	private List<Task> tasks(List<Long> lotIds, int count, int duplicates, boolean duplicatesAcrossLots,
			Random random) {
		List<Task> tasks = new ArrayList<>();
		// The bidders are shared by every test here, so each test's request ids are its own.
		String run = "t" + lotIds.get(0) + "-";
		for (int i = 0; i < count; i++) {
			tasks.add(task(lotIds.get(random.nextInt(lotIds.size())), run + "r" + i, random));
		}
		Collections.shuffle(tasks, random);
		for (int d = 0; d < duplicates; d++) {
			Task original = task(lotIds.get(random.nextInt(lotIds.size())), run + "dup" + d, random);
			List<Task> copies = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				long lot = duplicatesAcrossLots ? lotIds.get((lotIds.indexOf(original.lot()) + c) % lotIds.size())
						: original.lot();
				copies.add(new Task(lot, original.bidder(), original.requestId(), original.kind(), original.offset(),
						original.spread(), Duration.ZERO));
			}
			tasks.addAll(random.nextInt(tasks.size()), copies);
		}
		return tasks;
	}

	private Task task(long lot, String requestId, Random random) {
		Account bidder = this.bidders.get(random.nextInt(this.bidders.size()));
		BidKind kind = random.nextInt(10) < 6 ? BidKind.BID : BidKind.MAXIMUM;
		long offset = random.nextInt(8) == 0 ? -random.nextInt(100) : random.nextInt(300);
		long spread = random.nextInt(2_000);
		return new Task(lot, bidder, requestId + "-" + bidder.id(), kind, offset, spread, Duration.ZERO);
	}

	/** Sends every task from {@link #THREADS} threads at once; the results in the tasks' order. */
	private List<BidResult> run(List<Task> tasks) throws InterruptedException {
		Queue<Integer> queue = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < tasks.size(); i++) {
			queue.add(i);
		}
		AtomicReferenceArray<BidResult> results = new AtomicReferenceArray<>(tasks.size());
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			for (int t = 0; t < THREADS; t++) {
				pool.execute(() -> {
					try {
						start.await();
						for (Integer i = queue.poll(); i != null; i = queue.poll()) {
							results.set(i, send(tasks.get(i)));
						}
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				});
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("all bids done in time")
				.isTrue();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(failures).isEmpty();
		List<BidResult> inOrder = new ArrayList<>();
		for (int i = 0; i < tasks.size(); i++) {
			inOrder.add(results.get(i));
		}
		assertThat(inOrder).doesNotContainNull();
		return inOrder;
	}

	private final Map<Long, String> currencies = new ConcurrentHashMap<>();

	private BidResult send(Task task) {
		this.clock.advance(task.advance());
		String currency = this.currencies.computeIfAbsent(task.lot(),
				(id) -> this.catalog.lot(id).orElseThrow().currency());
		long ask = this.asks.computeIfAbsent(task.lot(), (id) -> new AtomicLong(1)).get();
		long amount = Math.max(1, ask + task.offset());
		BigDecimal major = Money.toMajor(amount, currency);
		BidRequest request = task.kind() == BidKind.BID
				? BidRequest.of(task.lot(), task.bidder().id(), task.requestId(), major, null)
				: BidRequest.of(task.lot(), task.bidder().id(), task.requestId(), null,
						Money.toMajor(amount + task.spread(), currency));
		BidResult result = this.engine.placeBid(request);
		// A duplicate request id answers with the lot of its first request, which may be another.
		LotView lot = result.lot();
		if (lot != null && lot.ask() != null) {
			long seen = Money.toMinor(new BigDecimal(lot.ask()), lot.currency());
			this.asks.computeIfAbsent(lot.id(), (id) -> new AtomicLong(1)).accumulateAndGet(seen, Math::max);
		}
		return result;
	}

	// ---- what must hold afterwards --------------------------------------------------------------

	private void assertNoRequestMadeTwoBids(List<Task> tasks, List<BidResult> results) {
		Map<String, List<BidResult>> byRequest = new HashMap<>();
		for (int i = 0; i < tasks.size(); i++) {
			Task task = tasks.get(i);
			byRequest.computeIfAbsent(task.bidder().id() + "/" + task.requestId(), (k) -> new ArrayList<>())
				.add(results.get(i));
		}
		for (List<BidResult> all : byRequest.values()) {
			// A duplicate with other terms (or another lot) is refused as a reuse and places nothing;
			// every other answer to the same request id is the one first outcome.
			List<BidResult> same = all.stream().filter((r) -> r.reason() != RejectReason.REQUEST_ID_REUSED).toList();
			assertThat(same).as("one answer per request id is its outcome: %s", all).isNotEmpty();
			all.stream()
				.filter((r) -> r.reason() == RejectReason.REQUEST_ID_REUSED)
				.forEach((reused) -> assertThat(reused.bidId()).isNull());
			BidResult first = same.get(0);
			for (BidResult other : same) {
				assertThat(other.accepted()).isEqualTo(first.accepted());
				assertThat(other.reason()).isEqualTo(first.reason());
				assertThat(other.bidId()).isEqualTo(first.bidId());
				assertThat(other.lotId()).isEqualTo(first.lotId());
				assertThat(other.sequence()).isEqualTo(first.sequence());
				assertThat(other.price()).isEqualTo(first.price());
			}
		}
		assertThat(this.jdbc.queryForList(
				"select bidder_id, request_id from bid group by bidder_id, request_id having count(*) > 1"))
			.isEmpty();
		int rows = 0;
		for (String key : byRequest.keySet()) {
			String[] parts = key.split("/", 2);
			rows += this.jdbc.queryForObject("select count(*) from bid where bidder_id = ? and request_id = ?",
					Integer.class, Long.parseLong(parts[0]), parts[1]);
		}
		// Every request made at most one row: one per request id, none for the few the engine
		// refuses without storing (none of those here).
		assertThat(rows).isEqualTo(byRequest.size());
	}

	private void assertInvariants(long lotId) {
		Lot lot = this.lots.findById(lotId).orElseThrow();
		List<Bid> accepted = acceptedBids(lotId);
		ProxyBidding rules = lot.rules(LotTerms.INCREMENTS);

		// The accepted bids, replayed one after the other, give every stored price and the standing.
		Standing standing = Standing.EMPTY;
		Map<Long, Long> best = new HashMap<>();
		Map<Long, Integer> reachedAt = new HashMap<>();
		long lastSequence = 0;
		for (int i = 0; i < accepted.size(); i++) {
			Bid bid = accepted.get(i);
			Standing before = standing;
			standing = rules.apply(standing, bid.entry());
			assertThat(bid.getPriceAfter()).isEqualTo(standing.price());
			assertThat(bid.isLeadingAfter()).isEqualTo(standing.leaderId() == bid.getBidderId());
			assertThat(standing.price()).isLessThanOrEqualTo(standing.leaderMax());
			if (before.hasLeader()) {
				if (before.leaderId() == bid.getBidderId()) {
					assertThat(standing.price()).isGreaterThanOrEqualTo(before.price());
				}
				else {
					assertThat(standing.price()).isGreaterThan(before.price());
				}
			}
			long maximum = bid.getMaximum() != null ? bid.getMaximum() : bid.getAmount();
			if (maximum > best.getOrDefault(bid.getBidderId(), Long.MIN_VALUE)) {
				best.put(bid.getBidderId(), maximum);
				reachedAt.put(bid.getBidderId(), i);
			}
			assertThat(bid.getSequence()).isGreaterThan(lastSequence);
			lastSequence = bid.getSequence();
		}
		assertThat(lot.standing()).isEqualTo(standing);
		assertThat(lot.getBidCount()).isEqualTo(accepted.size());
		if (!best.isEmpty()) {
			long top = Collections.max(best.values());
			long expected = best.keySet()
				.stream()
				.filter((b) -> best.get(b) == top)
				.min((a, b) -> Integer.compare(reachedAt.get(a), reachedAt.get(b)))
				.orElseThrow();
			assertThat(lot.getLeaderId()).isEqualTo(expected);
		}

		// The log is gapless, folds to the stored lot, and was published in order after commit.
		List<String> events = this.catalog.eventsAfter(lotId, 0, 100_000).orElseThrow();
		assertThat(events).hasSize((int) lot.getLastSequence());
		for (int i = 0; i < events.size(); i++) {
			assertThat(this.eventLog.parse(events.get(i)).seq()).isEqualTo(i + 1);
		}
		assertThat(this.catalog.replayedView(lotId)).isEqualTo(this.catalog.lot(lotId));
		List<EventRecorder.Seen> seen = this.recorder.of(lotId);
		assertThat(seen).hasSize(events.size());
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i).event().sequence()).isEqualTo(i + 1);
			assertThat(seen.get(i).committed()).isTrue();
		}
	}

	private List<Bid> acceptedBids(long lot) {
		return this.bids.findByLotIdAndStatusOrderByIdAsc(lot, Bid.Status.ACCEPTED);
	}

	private long openLot(LotTerms terms) {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(terms.running(now, now.plus(Duration.ofDays(1))).spec());
		this.engine.openNow(lot.id());
		return lot.id();
	}

	private static <T> T last(List<T> list) {
		return list.get(list.size() - 1);
	}

}
