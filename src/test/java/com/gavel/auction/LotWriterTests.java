package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.gavel.auction.LotWriter.Decided;
import com.gavel.support.MutableClock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit: changes that queued for a lot while it was busy are decided together, in the
 * order they arrived, in one transaction, and nobody is answered (and nothing is published)
 * before the transaction holding their change committed.
 */
class LotWriterTests {

	private static final long LOT = 7;

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** What happened, in order: transactions, changes, publications and answers. */
	private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

	private final MutableClock clock = new MutableClock(MutableClock.START);

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private LotWriter writer = writer(64);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.callers.shutdownNow();
	}

	@Test
	void changesThatQueuedWhileTheLotWasBusyAreDecidedInOneTransactionInTheOrderTheyArrived() throws Exception {
		holdTheLot();
		List<Future<String>> answers = queue(8, (i) -> change("bid-" + i));

		this.release.countDown();

		for (int i = 0; i < 8; i++) {
			assertThat(answers.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("bid-" + i);
		}
		List<String> second = afterFirstCommit();
		assertThat(second).startsWith("begin", "bid-0", "bid-1", "bid-2", "bid-3", "bid-4", "bid-5", "bid-6", "bid-7",
				"commit");
		assertThat(second).filteredOn("begin"::equals).hasSize(1);
		assertThat(published()).containsExactly("bid-0", "bid-1", "bid-2", "bid-3", "bid-4", "bid-5", "bid-6",
				"bid-7");
	}

	@Test
	void eachChangeIsJudgedByTheTimeItArrivedNotByWhenItsBatchWasDecided() throws Exception {
		holdTheLot();
		List<Instant> sent = new ArrayList<>();
		List<Future<Instant>> judgedBy = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sent.add(this.clock.advance(Duration.ofSeconds(1)));
			judgedBy.add(this.callers.submit(() -> this.writer.write(LOT, (arrived) -> new Decided<>(arrived, null))));
			awaitWaiting(i + 1);
		}
		this.clock.advance(Duration.ofMinutes(5));

		this.release.countDown();

		for (int i = 0; i < 3; i++) {
			assertThat(judgedBy.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS))
				.isEqualTo(LotWriter.stamp(new MutableClock(sent.get(i))));
		}
	}

	@Test
	void nobodyIsAnsweredAndNothingIsPublishedBeforeTheBatchCommitted() throws Exception {
		holdTheLot();
		List<Future<String>> answers = queue(3, (i) -> change("bid-" + i));

		this.release.countDown();
		for (Future<String> answer : answers) {
			this.journal.add("answered " + answer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
		}

		List<String> second = afterFirstCommit();
		int commit = second.indexOf("commit");
		assertThat(commit).isPositive();
		for (String entry : second.subList(0, commit)) {
			assertThat(entry).doesNotStartWith("published").doesNotStartWith("answered");
		}
	}

	@Test
	void aFailedBatchAcknowledgesNothingAndEachChangeIsThenDecidedOnItsOwn() throws Exception {
		holdTheLot();
		List<Future<String>> answers = queue(5, (i) -> (i == 2) ? failing("bid-2") : change("bid-" + i));

		this.release.countDown();

		for (int i : List.of(0, 1, 3, 4)) {
			assertThat(answers.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("bid-" + i);
		}
		assertThatThrownBy(() -> answers.get(2).get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.hasRootCauseInstanceOf(IllegalStateException.class)
			.hasRootCauseMessage("bid-2 is refused");
		List<String> second = afterFirstCommit();
		assertThat(second).startsWith("begin", "bid-0", "bid-1", "bid-2", "rollback");
		assertThat(second.subList(5, second.size())).containsExactly("begin", "bid-0", "commit", "published bid-0",
				"begin", "bid-1", "commit", "published bid-1", "begin", "bid-2", "rollback", "begin", "bid-3", "commit",
				"published bid-3", "begin", "bid-4", "commit", "published bid-4");
		assertThat(published()).containsExactly("bid-0", "bid-1", "bid-3", "bid-4");
	}

	@Test
	void aBatchHoldsAtMostTheConfiguredNumberOfChanges() throws Exception {
		this.writer = writer(3);
		holdTheLot();
		List<Future<String>> answers = queue(8, (i) -> change("bid-" + i));

		this.release.countDown();
		for (Future<String> answer : answers) {
			answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}

		List<String> batches = new ArrayList<>();
		StringBuilder batch = new StringBuilder();
		for (String entry : afterFirstCommit()) {
			if (entry.equals("commit")) {
				batches.add(batch.toString().trim());
				batch.setLength(0);
			}
			else if (entry.startsWith("bid-")) {
				batch.append(entry).append(' ');
			}
		}
		assertThat(batches).containsExactly("bid-0 bid-1 bid-2", "bid-3 bid-4 bid-5", "bid-6 bid-7");
	}

	@Test
	void aChangeThatLostToAnotherProcessIsDecidedAgainWithTheSameArrivalTime() {
		AtomicInteger tries = new AtomicInteger();
		List<Instant> arrivals = Collections.synchronizedList(new ArrayList<>());

		String answer = this.writer.write(LOT, (arrived) -> {
			arrivals.add(arrived);
			this.clock.advance(Duration.ofSeconds(1));
			if (tries.incrementAndGet() < 3) {
				throw new OptimisticLockingFailureException("the lot changed elsewhere");
			}
			return new Decided<>("decided", null);
		});

		assertThat(answer).isEqualTo("decided");
		assertThat(arrivals).hasSize(3).containsOnly(arrivals.get(0));
	}

	@Test
	void aChangeMadeWhilePublishingAnotherOfTheSameLotGoesOnAtOnce() throws Exception {
		LotWriter[] self = new LotWriter[1];
		self[0] = new LotWriter(this.clock, new TransactionTemplate(new JournalTransactions()), alone((event) -> {
			if (event instanceof AuctionEvent auction && auction.sequence() == 1) {
				self[0].write(LOT, (arrived) -> new Decided<>("follow-up", List.of(event(2, "follow-up"))));
			}
			this.journal.add("published " + ((AuctionEvent) event).json());
		}), properties(64), new SimpleMeterRegistry(), ClusterLotLocks.none());

		Future<String> answer = this.callers
			.submit(() -> self[0].write(LOT, (arrived) -> new Decided<>("first", List.of(event(1, "first")))));

		assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(published()).containsExactly("follow-up", "first");
	}

	// ---- support --------------------------------------------------------------------------

	private LotWriter writer(int batch) {
		return new LotWriter(this.clock, new TransactionTemplate(new JournalTransactions()),
				alone((event) -> this.journal.add("published " + ((AuctionEvent) event).json())), properties(batch),
				new SimpleMeterRegistry(), ClusterLotLocks.none());
	}

	/** Publishing on a node alone on its database. */
	private static HouseEvents alone(ApplicationEventPublisher publisher) {
		return new HouseEvents(publisher, null, ClusterLotLocks.none());
	}

	private static AuctionProperties properties(int batch) {
		return new AuctionProperties(Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMillis(500), List.of(),
				5, 10, batch, Duration.ofMillis(500));
	}

	private Function<Instant, Decided<String>> change(String name) {
		return (arrived) -> {
			this.journal.add(name);
			return new Decided<>(name, List.of(event(0, name)));
		};
	}

	private Function<Instant, Decided<String>> failing(String name) {
		return (arrived) -> {
			this.journal.add(name);
			throw new IllegalStateException(name + " is refused");
		};
	}

	private static AuctionEvent event(long sequence, String name) {
		return new AuctionEvent(LOT, sequence, LotEventType.BID, Instant.EPOCH, name, null, null, null);
	}

	/** Keeps the lot's turn on another thread, as a slow earlier change would, until released. */
	private void holdTheLot() throws Exception {
		CompletableFuture<Void> holding = new CompletableFuture<>();
		this.callers.submit(() -> this.writer.write(LOT, (arrived) -> {
			holding.complete(null);
			try {
				return new Decided<>(this.release.await(WAIT.toSeconds(), TimeUnit.SECONDS), null);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Decided<>(false, null);
			}
		}));
		holding.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	/** Queues {@code count} changes one after another, so their arrival order is known. */
	private <T> List<Future<T>> queue(int count, Function<Integer, Function<Instant, Decided<T>>> changes)
			throws InterruptedException {
		List<Future<T>> answers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Function<Instant, Decided<T>> change = changes.apply(i);
			answers.add(this.callers.submit(() -> this.writer.write(LOT, change)));
			awaitWaiting(i + 1);
		}
		return answers;
	}

	private void awaitWaiting(int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.writer.waiting(LOT) < count) {
			assertThat(System.nanoTime()).as("%d waiting", count).isLessThan(deadline);
			Thread.sleep(2);
		}
	}

	/** The journal after the holder's transaction: the queued changes' story. */
	private List<String> afterFirstCommit() {
		synchronized (this.journal) {
			List<String> all = new ArrayList<>(this.journal);
			return all.subList(all.indexOf("commit") + 1, all.size());
		}
	}

	private List<String> published() {
		synchronized (this.journal) {
			return this.journal.stream()
				.filter((entry) -> entry.startsWith("published "))
				.map((entry) -> entry.substring("published ".length()))
				.toList();
		}
	}

	/** A transaction manager that writes each begin, commit and rollback into the journal. */
	private final class JournalTransactions implements PlatformTransactionManager {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			LotWriterTests.this.journal.add("begin");
			return new SimpleTransactionStatus();
		}

		@Override
		public void commit(TransactionStatus status) {
			LotWriterTests.this.journal.add("commit");
		}

		@Override
		public void rollback(TransactionStatus status) {
			LotWriterTests.this.journal.add("rollback");
		}

	}

}
