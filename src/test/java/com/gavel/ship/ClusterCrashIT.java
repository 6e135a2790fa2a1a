package com.gavel.ship;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.gavel.support.FormSignIn;
import com.gavel.support.Postgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three packaged nodes on one PostgreSQL database make one house; bidders bid through all three,
 * over sockets and the JSON API, into a hot lot and two others, watchers watch on every node, and
 * one node is killed with {@code kill -9} mid-bidding. Then every acknowledged bid is in the
 * database, every lot's log is gapless, the dead node's watcher reconnects to another node,
 * resubscribes with its last sequences and ends on the final state with no gap, bids the dead
 * node left unanswered are decided once when sent again, and each lot
 * still closes once, on time. It prints what the death cost: how long bids through the other
 * nodes waited, and how long the dead node's clients took to be back.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterCrashIT {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final String ADMIN_PASSWORD = "cluster-crash-admin-pw";

	private static final String BIDDER_PASSWORD = "cluster-crash-bidder-pw";

	private static final String ADMIN = PackagedApp.basic("admin", ADMIN_PASSWORD);

	private static final Duration STARTUP = Duration.ofSeconds(180);

	/** How long the lots run once created: the kill comes about a third of the way in. */
	private static final Duration SALE = Duration.ofSeconds(30);

	private static final Duration KILL_AFTER = Duration.ofSeconds(8);

	/** An open socket or a live node answers a bid well within this, however loaded the machine. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

	/** Bids the flooder sends at once to the doomed node just before the kill, without waiting. */
	private static final int BURST = 150;

	private static final int FLOOD_SOCKETS = 5;

	private static final String FLOODER = "flooder";

	/** The node that is killed: the last of the three. */
	private static final int DOOMED = 2;

	@TempDir
	Path temp;

	private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

	private final List<PackagedApp> nodes = new ArrayList<>();

	/** Tells the bidders to stop. */
	private final AtomicBoolean stop = new AtomicBoolean();

	/** Tells the watchers to stop, once they have caught up. */
	private final AtomicBoolean stopWatching = new AtomicBoolean();

	/** Every bid answer the bidders got, with when it was sent and answered. */
	private final List<Answer> answers = new CopyOnWriteArrayList<>();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	/** {@link System#nanoTime()} of the kill; 0 before it. */
	private volatile long killedAt;

	private long hot;

	private List<Long> lots;

	/**
	 * A bid's answer: through which node, sent and answered when ({@code System.nanoTime()}), and
	 * whether it had to be sent again because its node died before answering.
	 */
	record Answer(String bidder, long lot, String requestId, int node, long sent, long answered, boolean resent,
			boolean accepted, String reason, String price, long sequence) {
	}

	@AfterEach
	void cleanUp() throws Exception {
		this.stop.set(true);
		this.stopWatching.set(true);
		for (AutoCloseable closeable : this.open) {
			closeable.close();
		}
	}

	@Test
	void aNodeKilledMidBiddingLosesNoAcknowledgedBidAndItsClientsCarryOnElsewhere() throws Exception {
		startThreeNodes();
		PackagedApp first = this.nodes.get(0);

		List<String> socketBidders = List.of("sock-a1", "sock-a2", "sock-b1", "sock-b2", "sock-c1", "sock-c2");
		List<String> restBidders = List.of("rest-a", "rest-b", "rest-c");
		for (String name : concat(socketBidders, restBidders, List.of(FLOODER))) {
			Registration.register(first.base(), name, BIDDER_PASSWORD);
		}

		// Watchers on every node, socket bidders two to a node, the flooder's sockets on the doomed node.
		List<Watcher> watchers = new ArrayList<>();
		for (int node = 0; node < 3; node++) {
			watchers.add(new Watcher(node));
		}
		List<SocketBidder> bidders = new ArrayList<>();
		for (int i = 0; i < socketBidders.size(); i++) {
			bidders.add(new SocketBidder(socketBidders.get(i), i / 2));
		}
		List<SocketClient> flooders = new ArrayList<>();
		for (int k = 0; k < FLOOD_SOCKETS; k++) {
			SocketClient flooder = track(SocketClient.connect(this.nodes.get(DOOMED).port(), FLOODER, BIDDER_PASSWORD));
			flooder.await("hello", (n) -> n.path("canBid").asBoolean(), Duration.ofSeconds(10));
			flooders.add(flooder);
		}

		// The lots end together, a sale's length from now, without soft close: the end is the end.
		Instant endsAt = Instant.now().plus(SALE).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		long created = System.nanoTime();
		this.hot = createOpenLot(first, "Hot lot", endsAt);
		long other = createOpenLot(this.nodes.get(1), "Other lot", endsAt);
		long burstLot = createOpenLot(this.nodes.get(2), "Burst lot", endsAt);
		this.lots = List.of(this.hot, other, burstLot);

		List<Thread> watching = new ArrayList<>();
		watchers.forEach((w) -> watching.add(daemon("watcher-" + w.home, w)));
		List<Thread> threads = new ArrayList<>();
		bidders.forEach((b) -> threads.add(daemon("bidder-" + b.name, b)));
		for (int i = 0; i < restBidders.size(); i++) {
			RestBidder bidder = new RestBidder(restBidders.get(i), i);
			threads.add(daemon("bidder-" + bidder.name, bidder));
		}
		watching.forEach(Thread::start);
		threads.forEach(Thread::start);

		// Let the sale run a while, with every node deciding bids, before the kill.
		long killNotBefore = created + KILL_AFTER.toNanos();
		long killDeadline = created + SALE.toNanos() * 3 / 5;
		while (System.nanoTime() < killDeadline
				&& (System.nanoTime() < killNotBefore || !everyNodeAcknowledged(3) || !this.failures.isEmpty())) {
			Thread.sleep(50);
		}
		assertThat(this.failures).as("failures before the kill").isEmpty();
		assertThat(everyNodeAcknowledged(3)).as("bids accepted through every node before the kill: %s", acceptedPerNode())
			.isTrue();

		// The flooder sends a burst of proxy bids through the doomed node without waiting, so bids
		// are still waiting for their lot there when the kill comes.
		List<String> burst = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			burst.add("burst-" + i);
			flooders.get(i % FLOOD_SOCKETS).send(burstBid(burstLot, i));
		}
		JsonNode firstBurstAnswer = flooders.get(0).poll("bid-result", (n) -> true, Duration.ofSeconds(10));
		assertThat(firstBurstAnswer).as("the burst is being decided").isNotNull();

		int acceptedBeforeKill = accepted().size();
		this.killedAt = System.nanoTime();
		this.nodes.get(DOOMED).kill();
		System.out.printf("cluster crash: killed node %d (pid %d) with %d bids accepted, %d ms before the end%n",
				DOOMED, this.nodes.get(DOOMED).pid(), acceptedBeforeKill,
				Duration.between(Instant.now(), endsAt).toMillis());

		// Burst bids the dead node left unanswered are sent again, same request ids, through another node.
		Map<String, JsonNode> burstAnswers = new HashMap<>();
		burstAnswers.put(firstBurstAnswer.path("requestId").asString(), firstBurstAnswer);
		for (SocketClient flooder : flooders) {
			for (JsonNode message : flooder.drain()) {
				if ("bid-result".equals(message.path("type").asString())) {
					burstAnswers.put(message.path("requestId").asString(), message);
				}
			}
		}
		int answeredByTheDead = burstAnswers.size();
		assertThat(answeredByTheDead).as("burst bids still unanswered when the kill came").isLessThan(BURST);
		SocketClient resend = track(SocketClient.connect(this.nodes.get(0).port(), FLOODER, BIDDER_PASSWORD));
		resend.await("hello", (n) -> n.path("canBid").asBoolean(), Duration.ofSeconds(10));
		for (int i = 0; i < BURST; i++) {
			String requestId = burst.get(i);
			if (!burstAnswers.containsKey(requestId)) {
				resend.send(burstBid(burstLot, i));
				burstAnswers.put(requestId, resend.await("bid-result",
						(n) -> n.path("requestId").asString().equals(requestId), ANSWER_TIMEOUT));
			}
		}
		long burstResentIn = System.nanoTime() - this.killedAt;

		// The sale runs to its end; every lot closes; the bidders stop once told so.
		long untilEnd = Duration.between(Instant.now(), endsAt).toMillis();
		if (untilEnd > 0) {
			Thread.sleep(untilEnd);
		}
		Map<Long, Long> finalSequences = awaitClosed(Duration.ofSeconds(20));
		this.stop.set(true);
		for (Thread thread : threads) {
			thread.join(30_000);
			assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
		}
		// The watchers get the last events (the closes) as every watcher would: a moment later.
		long closedSeen = System.nanoTime();
		long caughtUpBy = closedSeen + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < caughtUpBy && !watchers.stream()
			.allMatch((w) -> this.lots.stream().allMatch((lot) -> finalSequences.get(lot).equals(w.last.get(lot))))) {
			Thread.sleep(20);
		}
		System.out.printf("cluster crash: every watcher on the final state %d ms after the database said closed%n",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedSeen));
		this.stopWatching.set(true);
		for (Thread thread : watching) {
			thread.join(30_000);
			assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
		}
		assertThat(this.failures).as("what went wrong in the clients").isEmpty();

		try (Connection db = DriverManager.getConnection(postgres.url(), postgres.username(), postgres.password())) {
			// Every lot's log is gapless and ends with one close, on time.
			for (long lot : this.lots) {
				assertGaplessAndClosedOnce(db, lot, finalSequences.get(lot), endsAt);
			}
			assertThat(count(db, "select count(*) from bid where status = 'ACCEPTED' and received_at >= ?",
					Timestamp.from(endsAt)))
				.as("bids accepted that arrived after the end")
				.isZero();

			// Every acknowledged bid is stored as it was acknowledged, also those the dead node acknowledged.
			Map<String, StoredBid> stored = storedBids(db);
			List<Answer> acks = accepted();
			assertThat(acks.stream().filter((a) -> a.node() == DOOMED)).as("bids the dead node acknowledged")
				.isNotEmpty();
			for (Answer ack : acks) {
				StoredBid bid = stored.get(ack.bidder() + "/" + ack.requestId());
				assertThat(bid).as("acknowledged bid %s of %s", ack.requestId(), ack.bidder()).isNotNull();
				assertThat(bid.status()).isEqualTo("ACCEPTED");
				assertThat(bid.lot()).isEqualTo(ack.lot());
				assertThat(bid.sequence()).as("sequence of %s", ack.requestId()).isEqualTo(ack.sequence());
				assertThat(bid.priceAfter()).as("price of %s", ack.requestId()).isEqualTo(minor(ack.price()));
				assertThat(eventType(db, ack.lot(), ack.sequence())).isEqualTo("BID");
			}

			// Bids left unanswered by the dead node and sent again were decided once: one row each,
			// and the answer that came is the stored outcome.
			List<Answer> resent = this.answers.stream().filter(Answer::resent).toList();
			assertThat(resent).as("bids the dead node left unanswered, sent again").isNotEmpty();
			for (Answer again : resent) {
				StoredBid bid = stored.get(again.bidder() + "/" + again.requestId());
				if (again.accepted()) {
					assertThat(bid).isNotNull();
					assertThat(bid.sequence()).isEqualTo(again.sequence());
				}
				else if (bid != null) {
					assertThat(bid.status()).isEqualTo("REJECTED");
				}
			}
			assertThat(count(db, "select count(*) from bid b join app_user u on u.id = b.bidder_id where u.username = ?",
					FLOODER))
				.as("burst bids stored, once each")
				.isEqualTo(BURST);
			for (Map.Entry<String, JsonNode> answer : burstAnswers.entrySet()) {
				StoredBid bid = stored.get(FLOODER + "/" + answer.getKey());
				assertThat(bid).as("burst bid %s", answer.getKey()).isNotNull();
				boolean accepted = answer.getValue().path("accepted").asBoolean();
				assertThat(bid.status()).isEqualTo(accepted ? "ACCEPTED" : "REJECTED");
				if (accepted) {
					assertThat(bid.sequence()).isEqualTo(answer.getValue().path("sequence").asLong());
				}
			}
		}

		// Every watcher, the dead node's included, saw every event of every lot in order, ending
		// on the closed lot; the dead node's watcher went on from where it was, on another node.
		for (Watcher watcher : watchers) {
			for (long lot : this.lots) {
				assertThat(watcher.last.get(lot)).as("watcher on node %d, lot %d", watcher.home, lot)
					.isEqualTo(finalSequences.get(lot));
				assertThat(watcher.state.get(lot).path("status").asString()).isEqualTo("closed");
				assertThat(watcher.closedEvents.getOrDefault(lot, 0)).as("closed events seen").isEqualTo(1);
			}
			assertThat(watcher.gaps).as("gaps seen by the watcher on node %d", watcher.home).isEmpty();
			assertThat(watcher.reconnected).as("watcher on node %d moved", watcher.home)
				.isEqualTo(watcher.home == DOOMED);
		}
		Watcher orphan = watchers.get(DOOMED);
		assertThat(orphan.resynced).as("the dead node's watcher got the hot lot's next event").isPositive();

		report(orphan, bidders, burstResentIn, BURST - answeredByTheDead);
	}

	// ---- what the death cost ---------------------------------------------------------------

	private void report(Watcher orphan, List<SocketBidder> bidders, long burstResentIn, int burstResent) {
		long kill = this.killedAt;
		List<Answer> survivors = this.answers.stream().filter((a) -> a.node() != DOOMED && !a.resent()).toList();
		List<Long> before = survivors.stream()
			.filter((a) -> a.answered() < kill - TimeUnit.SECONDS.toNanos(1))
			.map((a) -> a.answered() - a.sent())
			.sorted()
			.toList();
		long inFlightAtKill = survivors.stream()
			.filter((a) -> a.sent() < kill && a.answered() > kill)
			.mapToLong((a) -> a.answered() - kill)
			.max()
			.orElse(0);
		long slowestAround = survivors.stream()
			.filter((a) -> a.sent() > kill - TimeUnit.SECONDS.toNanos(1) && a.sent() < kill + TimeUnit.SECONDS.toNanos(2))
			.mapToLong((a) -> a.answered() - a.sent())
			.max()
			.orElse(0);
		long firstHotAfter = survivors.stream()
			.filter((a) -> a.sent() > kill && a.accepted() && a.lot() == this.hot)
			.mapToLong((a) -> a.answered() - kill)
			.min()
			.orElse(Long.MAX_VALUE);
		List<Answer> resent = this.answers.stream().filter(Answer::resent).toList();
		long resentAnswered = resent.stream().mapToLong((a) -> a.answered() - kill).max().orElse(0);

		System.out.printf("cluster crash: %d bids answered (%d accepted), %d through the node that died%n",
				this.answers.size(), accepted().size(), this.answers.stream().filter((a) -> a.node() == DOOMED).count());
		System.out.printf("cluster crash: survivors: bid answer p50 %.1f ms, p99 %.1f ms before the kill; "
				+ "bids in flight at the kill answered within %.1f ms of it; slowest answer from 1 s before to 2 s "
				+ "after %.1f ms; first accepted hot-lot bid sent after the kill answered %.1f ms after it%n",
				ms(percentile(before, 50)), ms(percentile(before, 99)), ms(inFlightAtKill), ms(slowestAround),
				ms(firstHotAfter));
		System.out.printf("cluster crash: dead node's watcher: socket closed %.1f ms after the kill, "
				+ "reconnected and resubscribed %.1f ms after, next hot-lot event %.1f ms after; %d events applied "
				+ "since; snapshots instead of a replay: %s%n",
				ms(orphan.lost - kill), ms(orphan.resubscribed - kill), ms(orphan.resynced - kill), orphan.replayed,
				orphan.snapshotsAfterReconnect);
		System.out.printf("cluster crash: dead node's bidders: %d unanswered bids sent again, the last answered "
				+ "%.1f ms after the kill; %d burst bids sent again and answered within %.1f ms of it%n", resent.size(),
				ms(resentAnswered), burstResent, ms(burstResentIn));
		assertThat(orphan.snapshotsAfterReconnect)
			.as("the dead node's watcher resyncs by replay on another node, never by an older snapshot")
			.isEmpty();
		assertThat(Duration.ofNanos(firstHotAfter)).as("survivors decide the hot lot again promptly")
			.isLessThan(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(orphan.resynced - kill)).as("the dead node's watcher is back promptly")
			.isLessThan(Duration.ofSeconds(10));
		assertThat(bidders).allMatch((b) -> b.home != DOOMED || b.moved, "the dead node's socket bidders moved on");
	}

	private static double percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

	private static double ms(double nanos) {
		return nanos / 1_000_000.0;
	}

	// ---- the nodes ---------------------------------------------------------------------------

	private void startThreeNodes() throws Exception {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_DATASOURCE_URL", postgres.url());
		env.put("SPRING_DATASOURCE_USERNAME", postgres.username());
		env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
		env.put("GAVEL_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("GAVEL_DEMO_ENABLED", "false");
		// The default 5 bids a second per bidder would make this a test of the rate limit.
		env.put("GAVEL_AUCTION_BIDSPERSECOND", "1000");
		env.put("GAVEL_AUCTION_BIDBURST", "1000");
		// The nodes' logs stay in target/ for a look after a failure.
		Path logs = Files.createDirectories(PackagedApp.basedir().resolve("target/cluster-crash"));
		List<CompletableFuture<PackagedApp>> ready = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			Path data = Files.createDirectories(this.temp.resolve("node-" + i));
			Path log = logs.resolve("node-" + i + ".log");
			Files.deleteIfExists(log);
			// As a house's nodes start when it is deployed: together, on an empty database.
			ready.add(CompletableFuture.supplyAsync(() -> PackagedApp.startGavel(data, log, env,
					List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), STARTUP)));
		}
		Throwable failed = null;
		for (CompletableFuture<PackagedApp> node : ready) {
			try {
				this.nodes.add(track(node.get(STARTUP.toSeconds() * 3, TimeUnit.SECONDS)));
			}
			catch (ExecutionException ex) {
				failed = (failed != null) ? failed : ex.getCause();
			}
		}
		if (failed != null) {
			throw new AssertionError("a node did not start", failed);
		}
		System.out.printf("cluster crash: three nodes ready in %d ms%n",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	/** Connects to {@code node}, or the next one that answers: as a client behind a load balancer would. */
	private Connected connectSomewhere(int node, String username) {
		IllegalStateException last = null;
		for (int k = 0; k < this.nodes.size(); k++) {
			int candidate = (node + k) % this.nodes.size();
			try {
				SocketClient socket = track(SocketClient.connect(this.nodes.get(candidate).port(), username,
						username == null ? null : BIDDER_PASSWORD));
				socket.await("hello", (n) -> true, Duration.ofSeconds(10));
				return new Connected(socket, candidate);
			}
			catch (IllegalStateException | AssertionError ex) {
				last = (ex instanceof IllegalStateException ise) ? ise : new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("no node took a socket", last);
	}

	record Connected(SocketClient socket, int node) {
	}

	// ---- watchers and bidders --------------------------------------------------------------

	/**
	 * Watches every lot from one node and applies what comes by the protocol's sequence rules;
	 * when its socket goes, it reconnects to another node and subscribes with the last sequence
	 * it has of each lot.
	 */
	final class Watcher implements Runnable {

		final int home;

		final Map<Long, Long> last = new ConcurrentHashMap<>();

		final Map<Long, JsonNode> state = new ConcurrentHashMap<>();

		final Map<Long, Integer> closedEvents = new ConcurrentHashMap<>();

		final List<String> gaps = new CopyOnWriteArrayList<>();

		volatile boolean reconnected;

		volatile long lost;

		volatile long resubscribed;

		volatile long resynced;

		/** The hot lot's sequence when the socket went. */
		private long hotAtLoss;

		int replayed;

		/** Snapshots the new node sent instead of replaying what the watcher missed. */
		final List<String> snapshotsAfterReconnect = new CopyOnWriteArrayList<>();

		private SocketClient socket;

		Watcher(int home) {
			this.home = home;
			this.socket = connectSomewhere(home, null).socket();
		}

		@Override
		public void run() {
			try {
				this.socket.send(subscribe(ClusterCrashIT.this.lots, (lot) -> false));
				while (!ClusterCrashIT.this.stopWatching.get()) {
					this.socket.drain().forEach(this::apply);
					if (this.socket.isClosed() && !ClusterCrashIT.this.stopWatching.get()) {
						this.socket.drain().forEach(this::apply);
						moveOn();
					}
					PackagedApp.sleep(10);
				}
				this.socket.drain().forEach(this::apply);
			}
			catch (Throwable ex) {
				ClusterCrashIT.this.failures.add(ex);
			}
		}

		private void moveOn() {
			this.lost = System.nanoTime();
			this.hotAtLoss = this.last.getOrDefault(ClusterCrashIT.this.hot, 0L);
			this.socket = connectSomewhere(this.home + 1, null).socket();
			this.reconnected = true;
			this.socket.send(subscribe(ClusterCrashIT.this.lots, (lot) -> true));
			this.resubscribed = System.nanoTime();
		}

		/** A subscribe for the lots, with {@code after} for those the predicate names. */
		private String subscribe(List<Long> lots, LongPredicate withAfter) {
			StringBuilder json = new StringBuilder("{\"type\":\"subscribe\",\"lots\":[");
			for (int i = 0; i < lots.size(); i++) {
				long lot = lots.get(i);
				json.append(i == 0 ? "" : ",").append("{\"id\":").append(lot);
				if (withAfter.test(lot) && this.last.containsKey(lot)) {
					json.append(",\"after\":").append(this.last.get(lot));
				}
				json.append('}');
			}
			return json.append("]}").toString();
		}

		private void apply(JsonNode message) {
			String type = message.path("type").asString();
			if (type.equals("snapshot")) {
				long lot = message.path("lot").path("id").asLong();
				long seq = message.path("lot").path("sequence").asLong();
				if (this.reconnected) {
					// The new node may not have heard of the dead node's last commits yet.
					this.snapshotsAfterReconnect.add("lot " + lot + " at " + seq + ", having " + this.last.get(lot));
					resynced(lot, seq);
				}
				this.last.put(lot, seq);
				this.state.put(lot, message.path("lot"));
			}
			else if (type.equals("event")) {
				long lot = message.path("lotId").asLong();
				long seq = message.path("seq").asLong();
				long known = this.last.getOrDefault(lot, 0L);
				if (seq <= known) {
					return; // a duplicate: ignore
				}
				if (seq > known + 1) {
					this.gaps.add("lot " + lot + ": had " + known + ", got " + seq);
					this.socket.send("{\"type\":\"subscribe\",\"lots\":[{\"id\":" + lot + ",\"after\":" + known + "}]}");
					return;
				}
				this.last.put(lot, seq);
				this.state.put(lot, message.path("lot"));
				if (message.path("kind").asString().equals("closed")) {
					this.closedEvents.merge(lot, 1, Integer::sum);
				}
				if (this.reconnected) {
					this.replayed++;
					resynced(lot, seq);
				}
			}
		}

		private void resynced(long lot, long seq) {
			if (this.resynced == 0 && lot == ClusterCrashIT.this.hot && seq > this.hotAtLoss) {
				this.resynced = System.nanoTime();
			}
		}

	}

	/**
	 * Bids over a socket, at the ask it last heard of, mostly on the hot lot. A bid its node left
	 * unanswered is sent again, with the same request id, through the next node that takes it.
	 */
	final class SocketBidder implements Runnable {

		final String name;

		final int home;

		volatile boolean moved;

		private int node;

		private SocketClient socket;

		private final Map<Long, String> asks = new HashMap<>();

		private final Map<Long, Long> seen = new HashMap<>();

		private final Set<Long> over = new HashSet<>();

		SocketBidder(String name, int home) {
			this.name = name;
			this.home = home;
			Connected connected = connectSomewhere(home, name);
			this.socket = connected.socket();
			this.node = connected.node();
		}

		@Override
		public void run() {
			try {
				this.socket.send(watchAll());
				int round = 0;
				while (!ClusterCrashIT.this.stop.get() && this.over.size() < 2) {
					absorb(this.socket.drain());
					long lot = (round++ % 3 == 2) ? ClusterCrashIT.this.lots.get(1) : ClusterCrashIT.this.hot;
					String ask = this.asks.get(lot);
					if (ask == null || this.over.contains(lot)) {
						if (this.socket.isClosed()) {
							reconnect();
						}
						PackagedApp.sleep(5);
						continue;
					}
					String requestId = this.name + "-" + round;
					String bid = "{\"type\":\"bid\",\"lot\":" + lot + ",\"requestId\":\"" + requestId
							+ "\",\"amount\":\"" + ask + "\"}";
					long sent = System.nanoTime();
					int via = this.node;
					JsonNode result = this.socket.send(bid) ? answer(this.socket, requestId) : null;
					boolean resent = false;
					if (result == null) {
						// The node went away before answering: the bid may or may not have been decided.
						reconnect();
						resent = true;
						via = this.node;
						this.socket.send(bid);
						result = answer(this.socket, requestId);
						if (result == null) {
							throw new AssertionError(this.name + ": no answer to " + requestId + " after reconnecting");
						}
					}
					Answer answer = new Answer(this.name, lot, requestId, via, sent, System.nanoTime(), resent,
							result.path("accepted").asBoolean(), result.path("reason").asString(null),
							result.path("price").asString(null), result.path("sequence").asLong());
					ClusterCrashIT.this.answers.add(answer);
					if ("lot-closed".equals(answer.reason())) {
						this.over.add(lot);
					}
					else if (result.path("ask").isString()) {
						this.asks.put(lot, result.path("ask").asString());
					}
				}
			}
			catch (Throwable ex) {
				ClusterCrashIT.this.failures.add(ex);
			}
		}

		private void reconnect() {
			Connected connected = connectSomewhere(this.node + 1, this.name);
			this.socket = connected.socket();
			this.node = connected.node();
			this.moved = true;
			this.socket.send(watchAll());
		}

		private String watchAll() {
			return "{\"type\":\"subscribe\",\"lots\":[{\"id\":" + ClusterCrashIT.this.hot + "},{\"id\":"
					+ ClusterCrashIT.this.lots.get(1) + "}]}";
		}

		private void absorb(List<JsonNode> messages) {
			for (JsonNode message : messages) {
				JsonNode lot = message.path("lot");
				if (!lot.isObject()) {
					continue;
				}
				long id = lot.path("id").asLong();
				long seq = lot.path("sequence").asLong();
				if (seq >= this.seen.getOrDefault(id, 0L)) {
					this.seen.put(id, seq);
					if (lot.path("ask").isString()) {
						this.asks.put(id, lot.path("ask").asString());
					}
					if (lot.path("status").asString().equals("closed")) {
						this.over.add(id);
					}
				}
			}
		}

	}

	/**
	 * Bids on the hot lot over the JSON API at the ask the last answer gave, signed in once through
	 * the sign-in form (the session is the house's, so it counts on every node); a bid whose node
	 * did not answer is sent again, same request id, to the next node.
	 */
	final class RestBidder implements Runnable {

		final String name;

		private final HttpClient http;

		private int node;

		RestBidder(String name, int node) {
			this.name = name;
			this.node = node;
			this.http = FormSignIn.signIn(ClusterCrashIT.this.nodes.get(node).base(), name, BIDDER_PASSWORD);
		}

		@Override
		public void run() {
			try {
				long hot = ClusterCrashIT.this.hot;
				String ask = currentAsk(hot);
				int round = 0;
				while (!ClusterCrashIT.this.stop.get() && ask != null) {
					String requestId = this.name + "-" + round++;
					String body = "{\"requestId\":\"" + requestId + "\",\"amount\":\"" + ask + "\"}";
					long sent = System.nanoTime();
					int via = this.node;
					boolean resent = false;
					HttpResponse<String> response;
					try {
						response = post(via, "/api/lots/" + hot + "/bids", body);
					}
					catch (IOException ex) {
						// No answer from this node: the same bid again, through the next one.
						this.node = (this.node + 1) % ClusterCrashIT.this.nodes.size();
						via = this.node;
						resent = true;
						response = post(via, "/api/lots/" + hot + "/bids", body);
					}
					JsonNode result = json(response.body());
					boolean accepted = response.statusCode() == 200;
					if (!accepted && result.path("reason").isMissingNode()) {
						throw new AssertionError(this.name + ": HTTP " + response.statusCode() + " " + response.body());
					}
					ClusterCrashIT.this.answers.add(new Answer(this.name, hot, requestId, via, sent, System.nanoTime(),
							resent, accepted, result.path("reason").asString(null), result.path("price").asString(null),
							result.path("sequence").asLong()));
					JsonNode lot = result.path("lot");
					ask = lot.isObject() ? lot.path("ask").asString(null) : currentAsk(hot);
				}
			}
			catch (Throwable ex) {
				ClusterCrashIT.this.failures.add(ex);
			}
		}

		private String currentAsk(long lot) {
			return json(ClusterCrashIT.this.nodes.get(this.node).get("/api/lots/" + lot, null).body()).path("lot")
				.path("ask")
				.asString(null);
		}

		private HttpResponse<String> post(int node, String path, String json) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(ClusterCrashIT.this.nodes.get(node).base() + path))
				.timeout(ANSWER_TIMEOUT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	/** The socket's answer to a bid, or {@code null} once the socket closed without one. */
	private static JsonNode answer(SocketClient socket, String requestId) {
		long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			boolean closed = socket.isClosed();
			JsonNode result = socket.poll("bid-result", (n) -> n.path("requestId").asString().equals(requestId),
					Duration.ofMillis(50));
			if (result != null) {
				return result;
			}
			if (closed) {
				return null;
			}
		}
		throw new AssertionError("an open socket did not answer bid " + requestId + " within " + ANSWER_TIMEOUT);
	}

	private static String burstBid(long lot, int i) {
		return "{\"type\":\"bid\",\"lot\":" + lot + ",\"requestId\":\"burst-" + i + "\",\"maximum\":\"" + (100 + i)
				+ ".00\"}";
	}

	private List<Answer> accepted() {
		return this.answers.stream().filter(Answer::accepted).toList();
	}

	private Map<Integer, Long> acceptedPerNode() {
		Map<Integer, Long> perNode = new HashMap<>();
		accepted().forEach((a) -> perNode.merge(a.node(), 1L, Long::sum));
		return perNode;
	}

	private boolean everyNodeAcknowledged(int atLeast) {
		for (int node = 0; node < this.nodes.size(); node++) {
			int n = node;
			if (this.answers.stream().filter((a) -> a.node() == n && a.accepted()).count() < atLeast) {
				return false;
			}
		}
		return true;
	}

	// ---- the house's records ---------------------------------------------------------------

	record StoredBid(long lot, String status, Long sequence, Long priceAfter) {
	}

	private static Map<String, StoredBid> storedBids(Connection db) throws SQLException {
		Map<String, StoredBid> bids = new HashMap<>();
		try (PreparedStatement query = db.prepareStatement("select u.username, b.request_id, b.lot_id, b.status, "
				+ "b.sequence, b.price_after from bid b join app_user u on u.id = b.bidder_id");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				StoredBid previous = bids.put(rows.getString(1) + "/" + rows.getString(2),
						new StoredBid(rows.getLong(3), rows.getString(4), rows.getObject(5, Long.class),
								rows.getObject(6, Long.class)));
				assertThat(previous).as("one row per bidder and request id").isNull();
			}
		}
		return bids;
	}

	private static void assertGaplessAndClosedOnce(Connection db, long lot, long last, Instant endsAt)
			throws SQLException {
		List<Long> sequences = new ArrayList<>();
		List<String> closes = new ArrayList<>();
		Instant closedAt = null;
		try (PreparedStatement query = db
			.prepareStatement("select sequence, upper(type), occurred_at from lot_event where lot_id = ? order by sequence")) {
			query.setLong(1, lot);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					sequences.add(rows.getLong(1));
					if (rows.getString(2).equals("CLOSED")) {
						closes.add(rows.getString(1));
						closedAt = rows.getTimestamp(3).toInstant();
					}
				}
			}
		}
		assertThat(sequences).as("lot %d's log", lot).hasSize((int) last);
		for (int i = 0; i < sequences.size(); i++) {
			assertThat(sequences.get(i)).as("event %d of lot %d", i + 1, lot).isEqualTo(i + 1);
		}
		assertThat(closes).as("closes of lot %d", lot).containsExactly(String.valueOf(last));
		assertThat(closedAt).as("lot %d closed at or after its end, promptly", lot)
			.isBetween(endsAt, endsAt.plusSeconds(5));
	}

	/** Waits until every lot is closed; their last sequences. */
	private Map<Long, Long> awaitClosed(Duration timeout) throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Connection db = DriverManager.getConnection(postgres.url(), postgres.username(), postgres.password())) {
			while (true) {
				Map<Long, Long> last = new HashMap<>();
				try (PreparedStatement query = db
					.prepareStatement("select id, last_sequence from lot where status = 'CLOSED'");
						ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						last.put(rows.getLong(1), rows.getLong(2));
					}
				}
				if (last.keySet().containsAll(this.lots)) {
					return last;
				}
				assertThat(System.nanoTime()).as("every lot closed within " + timeout).isLessThan(deadline);
				PackagedApp.sleep(100);
			}
		}
	}

	private static String eventType(Connection db, long lot, long sequence) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("select upper(type) from lot_event where lot_id = ? and sequence = ?")) {
			query.setLong(1, lot);
			query.setLong(2, sequence);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	private static long count(Connection db, String sql, Object parameter) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setObject(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static long minor(String price) {
		return new BigDecimal(price).movePointRight(2).longValueExact();
	}

	// ---- setting up ------------------------------------------------------------------------

	private static long createOpenLot(PackagedApp app, String title, Instant endsAt) {
		String body = "{\"title\":\"" + title + "\",\"description\":\"cluster crash test\",\"currency\":\"EUR\","
				+ "\"startPrice\":\"10.00\",\"startsAt\":\"" + Instant.now().minusSeconds(60) + "\",\"endsAt\":\""
				+ endsAt + "\",\"softCloseWindowSeconds\":0}";
		HttpResponse<String> created = app.postJson("/api/admin/lots", body, ADMIN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).path("id").asLong();
		HttpResponse<String> opened = app.postJson("/api/admin/lots/" + id + "/open", "", ADMIN);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
		return id;
	}

	private static Thread daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		return thread;
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	private static JsonNode json(String text) {
		return SocketClient.JSON.readTree(text);
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.open.add(closeable);
		return closeable;
	}

}
