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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads bidding at once on a house whose data is in PostgreSQL, where transactions really
 * overlap (MVCC, row locks, unique keys that make a second inserter wait for the first). Afterwards
 * every lot must look as if its accepted bids had come one after the other, as on H2
 * ({@link AuctionEngineConcurrencyTests}): the log is gapless and was published in order after
 * commit, every acknowledged bid is stored as acknowledged, the stored standing and every stored
 * price are the serial replay of the accepted bids, the leader is the earliest highest maximum,
 * and no request id made two bids.
 */
class PostgresConcurrencyTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final int THREADS = 32;

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static AuctionEngine engine;

	private static AuctionCatalog catalog;

	private static LotRepository lots;

	private static BidRepository bids;

	private static EventLog eventLog;

	private static EventRecorder recorder;

	private static MutableClock clock;

	private static JdbcTemplate jdbc;

	private static final List<Account> bidders = new ArrayList<>();

	private final Map<Long, AtomicLong> asks = new ConcurrentHashMap<>();

	@BeforeAll
	static void start() {
		GavelNode node = postgres.start(Map.of("gavel.demo.enabled", "false", "gavel.admin.password",
				TestAccounts.ADMIN_PASSWORD, "gavel.auction.tick", "100ms"), GavelTestConfiguration.class);
		engine = node.bean(AuctionEngine.class);
		catalog = node.bean(AuctionCatalog.class);
		lots = node.bean(LotRepository.class);
		bids = node.bean(BidRepository.class);
		eventLog = node.bean(EventLog.class);
		recorder = node.bean(EventRecorder.class);
		clock = node.bean(MutableClock.class);
		jdbc = node.bean(JdbcTemplate.class);
		AccountService accounts = node.bean(AccountService.class);
		for (int i = 0; i < 12; i++) {
			bidders.add(TestAccounts.newBidder(accounts, "racer"));
		}
	}

	@Test
	void thirtyTwoThreadsOnOneLotLeaveAGaplessLogAndOneConsistentWinner() throws Exception {
		long lot = openLot(LotTerms.of("EUR", "1.00").withReserve("200.00"));
		List<Task> tasks = tasks(List.of(lot), 500, 30, false, new Random(11));

		List<BidResult> results = run(tasks);

		assertNoRequestMadeTwoBids(tasks, results);
		assertAcknowledgedBidsAreStored(results);
		assertSerial(lot);
		assertThat(bids.findByLotIdAndStatusOrderByIdAsc(lot, Bid.Status.ACCEPTED)).hasSizeGreaterThan(50);
	}

	@Test
	void oneRequestIdSentToSeveralLotsAtOnceMakesOneBid() throws Exception {
		List<Long> lotIds = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			lotIds.add(openLot(i % 3 == 0 ? LotTerms.of("JPY", "100") : LotTerms.of("EUR", "1.00")));
		}
		// Each duplicate goes to four lots at the same moment: on PostgreSQL the second insert of a
		// (bidder, request id) waits for the first transaction and then fails on the unique key.
		List<Task> tasks = tasks(lotIds, 300, 40, true, new Random(12));

		List<BidResult> results = run(tasks);

		assertNoRequestMadeTwoBids(tasks, results);
		assertAcknowledgedBidsAreStored(results);
		for (long lot : lotIds) {
			assertSerial(lot);
		}
	}

	// ---- the work: as in AuctionEngineConcurrencyTests ---------------------------------------------

	/** One bid to send; its amount is decided when it is sent, from the latest ask seen. */
	record Task(long lot, Account bidder, String requestId, BidKind kind, long offset, long spread) {
	}

	/**
	 * @param duplicates how many request ids to send four times, back to back, so that different
	 * threads pick them up at the same moment
	 */
	private List<Task> tasks(List<Long> lotIds, int count, int duplicates, boolean acrossLots, Random random) {
		List<Task> tasks = new ArrayList<>();
		String run = "pg" + lotIds.get(0) + "-";
		for (int i = 0; i < count; i++) {
			tasks.add(task(lotIds.get(random.nextInt(lotIds.size())), run + "r" + i, random));
		}
		Collections.shuffle(tasks, random);
		for (int d = 0; d < duplicates; d++) {
			Task original = task(lotIds.get(random.nextInt(lotIds.size())), run + "dup" + d, random);
			List<Task> copies = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				long lot = acrossLots ? lotIds.get((lotIds.indexOf(original.lot()) + c) % lotIds.size())
						: original.lot();
				copies.add(new Task(lot, original.bidder(), original.requestId(), original.kind(), original.offset(),
						original.spread()));
			}
			tasks.addAll(random.nextInt(tasks.size()), copies);
		}
		return tasks;
	}

	private static Task task(long lot, String requestId, Random random) {
		Account bidder = bidders.get(random.nextInt(bidders.size()));
		BidKind kind = random.nextInt(10) < 6 ? BidKind.BID : BidKind.MAXIMUM;
		long offset = random.nextInt(8) == 0 ? -random.nextInt(100) : random.nextInt(300);
		return new Task(lot, bidder, requestId + "-" + bidder.id(), kind, offset, random.nextInt(2_000));
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
		assertThat(inOrder).extracting(BidResult::reason).doesNotContain(RejectReason.BUSY);
		return inOrder;
	}

	private final Map<Long, String> currencies = new ConcurrentHashMap<>();

	private BidResult send(Task task) {
		String currency = this.currencies.computeIfAbsent(task.lot(), (id) -> catalog.lot(id).orElseThrow().currency());
		long ask = this.asks.computeIfAbsent(task.lot(), (id) -> new AtomicLong(1)).get();
		long amount = Math.max(1, ask + task.offset());
		BidRequest request = task.kind() == BidKind.BID
				? BidRequest.of(task.lot(), task.bidder().id(), task.requestId(), Money.toMajor(amount, currency), null)
				: BidRequest.of(task.lot(), task.bidder().id(), task.requestId(), null,
						Money.toMajor(amount + task.spread(), currency));
		BidResult result = engine.placeBid(request);
		LotView lot = result.lot();
		if (lot != null && lot.ask() != null) {
			long seen = Money.toMinor(new BigDecimal(lot.ask()), lot.currency());
			this.asks.computeIfAbsent(lot.id(), (id) -> new AtomicLong(1)).accumulateAndGet(seen, Math::max);
		}
		return result;
	}

	private long openLot(LotTerms terms) {
		Instant now = clock.instant();
		LotView lot = engine.createLot(terms.running(now, now.plus(Duration.ofDays(1))).spec());
		engine.openNow(lot.id());
		return lot.id();
	}

	// ---- what must hold afterwards --------------------------------------------------------------

	private static void assertNoRequestMadeTwoBids(List<Task> tasks, List<BidResult> results) {
		Map<String, List<BidResult>> byRequest = new HashMap<>();
		for (int i = 0; i < tasks.size(); i++) {
			Task task = tasks.get(i);
			byRequest.computeIfAbsent(task.bidder().id() + "/" + task.requestId(), (k) -> new ArrayList<>())
				.add(results.get(i));
		}
		for (List<BidResult> all : byRequest.values()) {
			// A copy sent to another lot is refused as a reuse; every other answer is the first outcome.
			List<BidResult> same = all.stream().filter((r) -> r.reason() != RejectReason.REQUEST_ID_REUSED).toList();
			assertThat(same).as("one answer per request id is its outcome: %s", all).isNotEmpty();
			for (BidResult other : same) {
				assertThat(other.accepted()).isEqualTo(same.get(0).accepted());
				assertThat(other.bidId()).isEqualTo(same.get(0).bidId());
				assertThat(other.lotId()).isEqualTo(same.get(0).lotId());
				assertThat(other.sequence()).isEqualTo(same.get(0).sequence());
			}
		}
		assertThat(jdbc.queryForList(
				"select bidder_id, request_id from bid group by bidder_id, request_id having count(*) > 1"))
			.isEmpty();
	}

	/** Every bid a bidder was told was accepted is stored, accepted, with the sequence and price they were told. */
	private static void assertAcknowledgedBidsAreStored(List<BidResult> results) {
		for (BidResult result : results) {
			if (result.accepted()) {
				Bid stored = bids.findById(result.bidId()).orElseThrow();
				assertThat(stored.getStatus()).isEqualTo(Bid.Status.ACCEPTED);
				assertThat(stored.getSequence()).isEqualTo(result.sequence());
				assertThat(Money.text(stored.getPriceAfter(), result.lot().currency())).isEqualTo(result.price());
			}
		}
	}

	private static void assertSerial(long lotId) {
		Lot lot = lots.findById(lotId).orElseThrow();
		List<Bid> accepted = bids.findByLotIdAndStatusOrderByIdAsc(lotId, Bid.Status.ACCEPTED);
		ProxyBidding rules = lot.rules(LotTerms.INCREMENTS);

		// The accepted bids, replayed one after the other, give every stored price and the standing;
		// the leader is whoever reached the highest maximum first.
		Standing standing = Standing.EMPTY;
		Map<Long, Long> best = new HashMap<>();
		Map<Long, Integer> reachedAt = new HashMap<>();
		long lastSequence = 0;
		for (int i = 0; i < accepted.size(); i++) {
			Bid bid = accepted.get(i);
			standing = rules.apply(standing, bid.entry());
			assertThat(bid.getPriceAfter()).isEqualTo(standing.price());
			assertThat(bid.isLeadingAfter()).isEqualTo(standing.leaderId() == bid.getBidderId());
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
			long first = best.keySet()
				.stream()
				.filter((b) -> best.get(b) == top)
				.min((a, b) -> Integer.compare(reachedAt.get(a), reachedAt.get(b)))
				.orElseThrow();
			assertThat(lot.getLeaderId()).isEqualTo(first);
		}

		// The log is gapless, folds to the stored lot, and was published in order after commit.
		List<String> events = catalog.eventsAfter(lotId, 0, 100_000).orElseThrow();
		assertThat(events).hasSize((int) lot.getLastSequence());
		for (int i = 0; i < events.size(); i++) {
			assertThat(eventLog.parse(events.get(i)).seq()).isEqualTo(i + 1);
		}
		assertThat(catalog.replayedView(lotId)).isEqualTo(catalog.lot(lotId));
		List<EventRecorder.Seen> seen = recorder.of(lotId);
		assertThat(seen).hasSize(events.size());
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i).event().sequence()).isEqualTo(i + 1);
			assertThat(seen.get(i).committed()).isTrue();
		}
	}

}
