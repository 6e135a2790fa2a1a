package com.gavel.ship;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application on a file database is killed with {@code kill -9} while bidders bid
 * over the socket, and started again on the same data: every bid acknowledged as accepted is
 * there with its amount and sequence number, each lot's sequence is gapless, a lot whose end
 * passed while the application was down is closed, and clients resync.
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class CrashSafetyIT {

	private static final String ADMIN_PASSWORD = "crash-test-admin-pw";

	private static final String BIDDER_PASSWORD = "crash-test-bidder-pw";

	private static final String ADMIN = PackagedApp.basic("admin", ADMIN_PASSWORD);

	private static final Duration STARTUP = Duration.ofSeconds(120);

	/** Accepted bids the bidders must have been acknowledged before the kill. */
	private static final int ACKS_BEFORE_KILL = 1000;

	/** Bids one bidder sends at once just before the kill, without waiting for answers. */
	private static final int BURST = 300;

	/** The sockets the burst comes from: one bid of each can be waiting for the lot at a time. */
	private static final int FLOOD_SOCKETS = 10;

	private static final String FLOODER = "crash-flood";

	@TempDir
	Path temp;

	private final List<AutoCloseable> open = new ArrayList<>();

	/** An accepted bid as its bid-result acknowledged it. */
	record Ack(String bidder, long lot, String requestId, String alias, String price, long sequence) {
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (AutoCloseable closeable : this.open) {
			closeable.close();
		}
	}

	@Test
	void acknowledgedBidsSurviveKillNineAndClientsResync() throws Exception {
		Path data = Files.createDirectories(this.temp.resolve("data"));
		// Bids per socket are rate-limited to 5/s by default; the test wants a dense stream.
		Map<String, String> env = Map.of("GAVEL_ADMIN_PASSWORD", ADMIN_PASSWORD, "GAVEL_DEMO_ENABLED", "false",
				"GAVEL_AUCTION_BIDSPERSECOND", "1000", "GAVEL_AUCTION_BIDBURST", "1000");
		PackagedApp first = track(PackagedApp.gavel(data, PackagedApp.freePort(), this.temp.resolve("first.log"), env,
				List.of("-Xmx512m")))
			.start()
			.awaitReady(STARTUP);

		List<String> bidders = List.of("crash-b1", "crash-b2", "crash-b3", "crash-b4", "crash-b5", "crash-b6");
		for (String name : bidders) {
			Registration.register(first.base(), name, BIDDER_PASSWORD);
		}
		Registration.register(first.base(), FLOODER, BIDDER_PASSWORD);
		long lotA = createOpenLot(first, "Crash lot A", Instant.now().plus(Duration.ofHours(1)));
		long lotB = createOpenLot(first, "Crash lot B", Instant.now().plus(Duration.ofHours(1)));
		long lotD = createOpenLot(first, "Crash lot D", Instant.now().plus(Duration.ofHours(1)));
		long lotE = createOpenLot(first, "Crash lot E", Instant.now().plus(Duration.ofHours(1)));
		long lotF = createOpenLot(first, "Crash lot F", Instant.now().plus(Duration.ofHours(1)));
		List<Long> lots = List.of(lotA, lotB, lotD, lotE);

		SocketClient watcher = track(SocketClient.connect(first.port(), null, null));
		watcher.await("hello", (n) -> true, Duration.ofSeconds(10));
		watcher.send("{\"type\":\"subscribe\",\"lots\":[{\"id\":" + lotA + "}]}");
		watcher.await("snapshot", (n) -> true, Duration.ofSeconds(10));

		// Bidders bid at the ask on both lots, as fast as their answers come, until the kill.
		List<Ack> acks = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < bidders.size(); i++) {
			String name = bidders.get(i);
			SocketClient socket = track(SocketClient.connect(first.port(), name, BIDDER_PASSWORD));
			socket.await("hello", (n) -> n.path("canBid").asBoolean(), Duration.ofSeconds(10));
			Thread thread = new Thread(() -> bidUntilStopped(name, socket, lots, acks, stop), "bidder-" + name);
			thread.setDaemon(true);
			threads.add(thread);
		}
		threads.forEach(Thread::start);

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (acks.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(acks).as("accepted bids before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

		// A lot that ends in 10 s, with a bid on it: its end passes while the application is down.
		Instant cEnds = Instant.now().plus(Duration.ofSeconds(10));
		long lotC = createOpenLot(first, "Crash lot C", cEnds);
		HttpResponse<String> cBid = first.postJson("/api/lots/" + lotC + "/bids",
				"{\"requestId\":\"c-bid-1\",\"amount\":\"10.00\"}",
				PackagedApp.basic(bidders.get(0), BIDDER_PASSWORD));
		assertThat(cBid.statusCode()).as(cBid.body()).isEqualTo(200);
		JsonNode cBefore = json(first.get("/api/lots/" + lotC, null).body()).path("lot");
		assertThat(cBefore.path("status").asString()).isEqualTo("open");

		// One more bidder sends a burst at lot F from several sockets at once without waiting for
		// answers, so that bids are still waiting for the lot's turn when the kill comes.
		List<SocketClient> flooders = new ArrayList<>();
		for (int k = 0; k < FLOOD_SOCKETS; k++) {
			SocketClient flooder = track(SocketClient.connect(first.port(), FLOODER, BIDDER_PASSWORD));
			flooder.await("hello", (n) -> n.path("canBid").asBoolean(), Duration.ofSeconds(10));
			flooders.add(flooder);
		}
		List<String> burst = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			String requestId = "burst-" + i;
			burst.add(requestId);
			flooders.get(i % FLOOD_SOCKETS).send("{\"type\":\"bid\",\"lot\":" + lotF + ",\"requestId\":\""
					+ requestId + "\",\"maximum\":\"" + (100 + i) + ".00\"}");
		}
		JsonNode firstAnswer = flooders.get(0).poll("bid-result", (n) -> true, Duration.ofSeconds(10));
		assertThat(firstAnswer).as("the burst is being decided").isNotNull();

		int acksAtKill = acks.size();
		System.out.printf("crash test: %d bids acknowledged when the kill came%n", acksAtKill);
		boolean biddersRunning = threads.stream().allMatch(Thread::isAlive);
		Instant killedAt = Instant.now();
		first.kill();
		Map<String, JsonNode> burstAnswers = new HashMap<>();
		burstAnswers.put(firstAnswer.path("requestId").asString(), firstAnswer);
		for (SocketClient flooder : flooders) {
			for (JsonNode message : flooder.drain()) {
				if ("bid-result".equals(message.path("type").asString())) {
					burstAnswers.put(message.path("requestId").asString(), message);
				}
			}
		}
		System.out.printf("crash test: %d of %d burst bids answered when the kill came%n", burstAnswers.size(), BURST);
		assertThat(burstAnswers).as("burst bids still waiting when the kill came").hasSizeLessThan(BURST);
		assertThat(biddersRunning).as("the kill came while every bidder was still bidding").isTrue();
		stop.set(true);
		for (Thread thread : threads) {
			thread.join(15_000);
			assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
		}
		assertThat(watcher.closeCode(Duration.ofSeconds(10))).as("the watcher saw the connection drop").isNotNull();
		long watcherLast = lastSequence(watcher.drain(), lotA);
		assertThat(watcherLast).isPositive();

		// Restart only once lot C's end has passed, so it is due while nothing runs.
		long untilEnd = Duration.between(Instant.now(), cEnds).toMillis() + 500;
		if (untilEnd > 0) {
			Thread.sleep(untilEnd);
		}
		PackagedApp second = track(PackagedApp.gavel(data, PackagedApp.freePort(), this.temp.resolve("second.log"),
				env, List.of("-Xmx512m")))
			.start()
			.awaitReady(STARTUP);
		System.out.printf("crash test: restarted in %d ms after the kill%n",
				Duration.between(killedAt, Instant.now()).toMillis());

		// Every acknowledged bid is there: same amount, same sequence, in a gapless log.
		Map<Long, List<JsonNode>> logs = new HashMap<>();
		for (long lot : lots) {
			List<JsonNode> events = events(second, lot);
			assertGapless(events, lot);
			logs.put(lot, events);
		}
		assertThat(acks.size()).isGreaterThanOrEqualTo(acksAtKill);
		for (Ack ack : acks) {
			List<JsonNode> events = logs.get(ack.lot());
			assertThat(events.size()).as("log of lot %d holds sequence %d", ack.lot(), ack.sequence())
				.isGreaterThanOrEqualTo((int) ack.sequence());
			JsonNode event = events.get((int) ack.sequence() - 1);
			assertThat(event.path("kind").asString()).as("event %d of lot %d", ack.sequence(), ack.lot())
				.isEqualTo("bid");
			assertThat(event.path("detail").path("bidder").asString()).isEqualTo(ack.alias());
			assertThat(event.path("lot").path("price").asString()).isEqualTo(ack.price());
		}
		for (long lot : lots) {
			JsonNode history = json(second.get("/api/lots/" + lot + "/bids", null).body());
			List<Ack> ofLot = acks.stream().filter((a) -> a.lot() == lot).toList();
			for (Ack ack : ofLot) {
				boolean found = false;
				for (JsonNode entry : history) {
					found |= entry.path("bidder").asString().equals(ack.alias())
							&& entry.path("amount").asString().equals(ack.price()) && !entry.path("voided").asBoolean();
				}
				assertThat(found).as("bid %s (%s at %s) in the history of lot %d", ack.requestId(), ack.alias(),
						ack.price(), lot)
					.isTrue();
			}
			JsonNode state = json(second.get("/api/lots/" + lot, null).body()).path("lot");
			assertThat(state.path("sequence").asLong()).isEqualTo(logs.get(lot).size());
		}

		// The burst: what was answered is in lot F's gapless log; what was not is there at most once,
		// and sending it again (same request id) answers it without ever deciding it twice.
		List<JsonNode> fEvents = events(second, lotF);
		assertGapless(fEvents, lotF);
		int fAtRestart = fEvents.size();
		for (JsonNode answer : burstAnswers.values()) {
			if (answer.path("accepted").asBoolean()) {
				JsonNode event = fEvents.get((int) answer.path("sequence").asLong() - 1);
				assertThat(event.path("lot").path("price").asString()).isEqualTo(answer.path("price").asString());
			}
		}
		SocketClient resend = track(SocketClient.connect(second.port(), FLOODER, BIDDER_PASSWORD));
		resend.await("hello", (n) -> true, Duration.ofSeconds(10));
		int decidedNow = 0;
		for (int i = 0; i < BURST; i++) {
			String requestId = burst.get(i);
			if (burstAnswers.containsKey(requestId)) {
				continue;
			}
			resend.send("{\"type\":\"bid\",\"lot\":" + lotF + ",\"requestId\":\"" + requestId
					+ "\",\"maximum\":\"" + (100 + i) + ".00\"}");
			JsonNode answer = resend.await("bid-result", (n) -> n.path("requestId").asString().equals(requestId),
					Duration.ofSeconds(10));
			if (answer.path("accepted").asBoolean() && answer.path("sequence").asLong() > fAtRestart) {
				decidedNow++;
			}
		}
		assertThat(events(second, lotF)).as("lot F: each burst bid decided once").hasSize(fAtRestart + decidedNow);

		// The lot whose end passed while the application was down is closed, after the restart.
		JsonNode closedC = awaitStatus(second, lotC, "closed", Duration.ofSeconds(20));
		assertThat(closedC.toString()).contains("\"outcome\":\"sold\"");
		List<JsonNode> cEvents = events(second, lotC);
		assertGapless(cEvents, lotC);
		JsonNode closeEvent = cEvents.get(cEvents.size() - 1);
		assertThat(closeEvent.path("kind").asString()).isEqualTo("closed");
		assertThat(Instant.parse(closeEvent.path("at").asString())).isAfter(killedAt);

		// A bidder reconnects and sends an acknowledged bid again: the first outcome, never a second bid.
		Ack retried = acks.stream().filter((a) -> a.bidder().equals(bidders.get(0))).findFirst().orElseThrow();
		SocketClient again = track(SocketClient.connect(second.port(), bidders.get(0), BIDDER_PASSWORD));
		again.await("hello", (n) -> true, Duration.ofSeconds(10));
		again.send("{\"type\":\"bid\",\"lot\":" + retried.lot() + ",\"requestId\":\"" + retried.requestId()
				+ "\",\"amount\":\"" + retried.price() + "\"}");
		JsonNode replayed = again.await("bid-result", (n) -> n.path("requestId").asString().equals(retried.requestId()),
				Duration.ofSeconds(10));
		assertThat(replayed.path("accepted").asBoolean()).isTrue();
		assertThat(replayed.path("sequence").asLong()).isEqualTo(retried.sequence());
		assertThat(events(second, retried.lot())).hasSize(logs.get(retried.lot()).size());

		// New bids after the restart continue the sequence...
		long latest = logs.get(lotA).size();
		int placed = 0;
		for (int i = 0; i < 12 && placed < 3; i++) {
			String ask = json(second.get("/api/lots/" + lotA, null).body()).path("lot").path("ask").asString();
			String bidder = bidders.get(i % bidders.size());
			HttpResponse<String> bid = second.postJson("/api/lots/" + lotA + "/bids",
					"{\"requestId\":\"after-restart-" + i + "\",\"amount\":\"" + ask + "\"}",
					PackagedApp.basic(bidder, BIDDER_PASSWORD));
			if (bid.statusCode() == 409 && bid.body().contains("self-outbid")) {
				continue; // this bidder leads; the next one bids
			}
			assertThat(bid.statusCode()).as(bid.body()).isEqualTo(200);
			assertThat(json(bid.body()).path("sequence").asLong()).isEqualTo(++latest);
			placed++;
		}
		assertThat(placed).isEqualTo(3);
		// ...and the watcher, back with the last sequence it saw, gets exactly what it missed.
		SocketClient back = track(SocketClient.connect(second.port(), null, null));
		back.await("hello", (n) -> true, Duration.ofSeconds(10));
		back.send("{\"type\":\"subscribe\",\"lots\":[{\"id\":" + lotA + ",\"after\":" + watcherLast + "}]}");
		long expect = watcherLast + 1;
		long resyncDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (expect <= latest && System.nanoTime() < resyncDeadline) {
			JsonNode next = back.poll("event", (n) -> true, Duration.ofMillis(200));
			if (next == null) {
				JsonNode snapshot = back.poll("snapshot", (n) -> true, Duration.ofMillis(10));
				if (snapshot != null) {
					assertThat(snapshot.path("lot").path("sequence").asLong()).isEqualTo(latest);
					expect = latest + 1;
				}
				continue;
			}
			assertThat(next.path("seq").asLong()).as("replayed events in order").isEqualTo(expect);
			expect++;
		}
		assertThat(expect).as("the watcher caught up to sequence %d", latest).isEqualTo(latest + 1);
		second.stop(Duration.ofSeconds(40));
	}

	private void bidUntilStopped(String name, SocketClient socket, List<Long> lots, List<Ack> acks,
			AtomicBoolean stop) {
		Map<Long, String> asks = new ConcurrentHashMap<>();
		Map<Long, Long> seen = new HashMap<>();
		StringBuilder subscribe = new StringBuilder("{\"type\":\"subscribe\",\"lots\":[");
		for (int i = 0; i < lots.size(); i++) {
			subscribe.append(i == 0 ? "" : ",").append("{\"id\":").append(lots.get(i)).append('}');
		}
		if (!socket.send(subscribe.append("]}").toString())) {
			return;
		}
		int round = 0;
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!stop.get() && System.nanoTime() < until) {
			for (JsonNode message : socket.drain()) {
				JsonNode lot = message.path("lot");
				if (lot.isObject() && lot.path("ask").isString()) {
					long id = lot.path("id").asLong();
					long seq = lot.path("sequence").asLong();
					if (seq >= seen.getOrDefault(id, 0L)) {
						seen.put(id, seq);
						asks.put(id, lot.path("ask").asString());
					}
				}
			}
			long lot = lots.get(round++ % lots.size());
			String ask = asks.get(lot);
			if (ask == null) {
				PackagedApp.sleep(10);
				continue;
			}
			String requestId = name + "-" + UUID.randomUUID();
			if (!socket.send("{\"type\":\"bid\",\"lot\":" + lot + ",\"requestId\":\"" + requestId
					+ "\",\"amount\":\"" + ask + "\"}")) {
				return;
			}
			JsonNode result = socket.poll("bid-result", (n) -> n.path("requestId").asString().equals(requestId),
					Duration.ofSeconds(5));
			if (result == null) {
				return; // the server is gone; this bid's fate is unknown and it was never acknowledged
			}
			if (result.path("accepted").asBoolean()) {
				acks.add(new Ack(name, lot, requestId, result.path("alias").asString(), result.path("price").asString(),
						result.path("sequence").asLong()));
			}
			else if (result.path("ask").isString()) {
				asks.put(lot, result.path("ask").asString());
			}
		}
	}

	private static long createOpenLot(PackagedApp app, String title, Instant endsAt) {
		String body = "{\"title\":\"" + title + "\",\"description\":\"crash test\",\"currency\":\"EUR\","
				+ "\"startPrice\":\"10.00\",\"startsAt\":\"" + Instant.now().minusSeconds(60) + "\",\"endsAt\":\""
				+ endsAt + "\",\"softCloseWindowSeconds\":0}";
		HttpResponse<String> created = app.postJson("/api/admin/lots", body, ADMIN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).path("id").asLong();
		HttpResponse<String> opened = app.postJson("/api/admin/lots/" + id + "/open", "", ADMIN);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
		return id;
	}

	private static JsonNode awaitStatus(PackagedApp app, long lot, String status, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		JsonNode state = null;
		while (System.nanoTime() < deadline) {
			state = json(app.get("/api/lots/" + lot, null).body()).path("lot");
			if (status.equals(state.path("status").asString())) {
				return state;
			}
			PackagedApp.sleep(200);
		}
		throw new AssertionError("lot " + lot + " not " + status + " within " + timeout + ": " + state);
	}

	private static List<JsonNode> events(PackagedApp app, long lot) {
		HttpResponse<String> response = app.get("/api/lots/" + lot + "/events?after=0", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> events = new ArrayList<>();
		json(response.body()).forEach(events::add);
		return events;
	}

	private static void assertGapless(List<JsonNode> events, long lot) {
		assertThat(events).isNotEmpty();
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i).path("seq").asLong()).as("event %d of lot %d", i + 1, lot).isEqualTo(i + 1);
		}
	}

	private static long lastSequence(List<JsonNode> messages, long lot) {
		long last = 0;
		for (JsonNode message : messages) {
			if ("event".equals(message.path("type").asString()) && message.path("lotId").asLong() == lot) {
				last = Math.max(last, message.path("seq").asLong());
			}
			else if ("snapshot".equals(message.path("type").asString())
					&& message.path("lot").path("id").asLong() == lot) {
				last = Math.max(last, message.path("lot").path("sequence").asLong());
			}
		}
		return last;
	}

	private static JsonNode json(String text) {
		return SocketClient.JSON.readTree(text);
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.open.add(closeable);
		return closeable;
	}

}
