package com.gavel.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gavel.ship.PackagedApp;
import com.gavel.ship.Registration;

/**
 * Gavel's benchmark (bench/run.sh; docs/performance.md). Starts the packaged application and a
 * bare broadcast server on the same stack as child processes on loopback, drives them from this
 * JVM, and writes a table to the console and JSON and Markdown under target/bench/.
 */
public final class Bench {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String ADMIN_PASSWORD = "bench-admin-password";

	static final String BIDDER_PASSWORD = "bench-bidder-password";

	/** Options, each {@code --name=value} on the command line. */
	static final class Options {

		int watchers = 1000;

		int rate = 20;

		int overloadRate = 200;

		int lots = 100;

		int manyWatchers = 2000;

		/** Watchers of the one lot in the one-lot closed loop: few, so the engine is what is measured. */
		int oneLotWatchers = 100;

		int manyRate = 1000;

		int bidders = 20;

		int manyBidders = 40;

		int closedLoop = 64;

		int seconds = 20;

		int warmup = 15;

		int capacity = 12000;

		int hold = 5;

		String heap = "512m";

		boolean baseline = true;

		/** Extra environment for Gavel, e.g. a setting under test: {@code --server-env=NAME=VALUE,NAME=VALUE}. */
		Map<String, String> serverEnv = new LinkedHashMap<>();

		/** Which scenarios run: hot, overload, many, max, capacity (the baseline follows --baseline). */
		java.util.Set<String> only = new java.util.HashSet<>(List.of("hot", "overload", "many", "max", "onelot", "capacity"));

		/** How Gavel runs, one after another in the same run: h2, pg (one node), pg2 (two nodes). */
		List<Deployment> deployments = List.of(Deployment.parse("h2"));

		Path out = Path.of("target", "bench");

		static Options parse(String[] args) {
			Options o = new Options();
			for (String arg : args) {
				String[] kv = arg.replaceFirst("^--", "").split("=", 2);
				String v = kv.length > 1 ? kv[1] : "true";
				switch (kv[0]) {
					case "watchers" -> o.watchers = Integer.parseInt(v);
					case "rate" -> o.rate = Integer.parseInt(v);
					case "overload-rate" -> o.overloadRate = Integer.parseInt(v);
					case "lots" -> o.lots = Integer.parseInt(v);
					case "many-watchers" -> o.manyWatchers = Integer.parseInt(v);
					case "one-lot-watchers" -> o.oneLotWatchers = Integer.parseInt(v);
					case "many-rate" -> o.manyRate = Integer.parseInt(v);
					case "bidders" -> o.bidders = Integer.parseInt(v);
					case "many-bidders" -> o.manyBidders = Integer.parseInt(v);
					case "closed-loop" -> o.closedLoop = Integer.parseInt(v);
					case "seconds" -> o.seconds = Integer.parseInt(v);
					case "warmup" -> o.warmup = Integer.parseInt(v);
					case "capacity" -> o.capacity = Integer.parseInt(v);
					case "hold" -> o.hold = Integer.parseInt(v);
					case "heap" -> o.heap = v;
					case "baseline" -> o.baseline = Boolean.parseBoolean(v);
					case "out" -> o.out = Path.of(v);
					case "only" -> o.only = new java.util.HashSet<>(List.of(v.split(",")));
					case "deployments" -> o.deployments = java.util.Arrays.stream(v.split(","))
						.map(Deployment::parse)
						.toList();
					case "server-env" -> {
						for (String pair : v.split(",")) {
							String[] nv = pair.split("=", 2);
							o.serverEnv.put(nv[0], nv.length > 1 ? nv[1] : "");
						}
					}
					default -> throw new IllegalArgumentException("unknown option " + arg);
				}
			}
			return o;
		}

	}

	private final Options options;

	private final List<HttpClient> clients = new ArrayList<>();

	private final ExecutorService clientExecutor = Executors.newFixedThreadPool(4, (r) -> {
		Thread t = new Thread(r, "ws-client");
		t.setDaemon(true);
		return t;
	});

	private final List<Map<String, Object>> results = new ArrayList<>();

	private final List<Map<String, Object>> failures = new ArrayList<>();

	private final Map<String, Object> machine = new LinkedHashMap<>();

	/** The server under test; for a cluster, its first node, which the HTTP calls go to. */
	private PackagedApp server;

	/** Every node of the deployment under test: sockets are spread over them. */
	private List<PackagedApp> nodes = List.of();

	/** CPU is summed over {@link #nodeStats}; heap and RSS are the first node's. */
	private ProcStats stats;

	private List<ProcStats> nodeStats = List.of();

	private String serverName;

	private int eventFrameBytes = 700;

	private Bench(Options options) {
		this.options = options;
		for (int i = 0; i < 8; i++) {
			this.clients.add(HttpClient.newBuilder().executor(this.clientExecutor).build());
		}
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		options.out = options.out.toAbsolutePath();
		Files.createDirectories(options.out);
		Bench bench = new Bench(options);
		long started = System.nanoTime();
		Runtime.getRuntime().addShutdownHook(new Thread(bench::killServers));
		try {
			bench.run();
		}
		finally {
			bench.killServers();
		}
		bench.machine.put("benchSeconds", (System.nanoTime() - started) / 1_000_000_000L);
		bench.report();
		System.exit(0);
	}

	private void killServers() {
		PackagedApp running = this.server;
		if (running != null) {
			running.kill();
		}
		this.nodes.forEach(PackagedApp::kill);
	}

	private void run() throws Exception {
		this.machine.put("cores", Runtime.getRuntime().availableProcessors());
		this.machine.put("memoryGiB", Math.round(totalMemoryGib()));
		this.machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		this.machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		this.machine.put("serverHeap", this.options.heap);
		// The Maven profile the jar was built with (bench/run.sh --profile): which embedded server ran.
		this.machine.put("profile", System.getProperty("bench.profile", "default"));
		this.machine.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
		this.machine.put("started", Instant.now().toString());

		for (Deployment deployment : this.options.deployments) {
			gavel(deployment);
		}

		// ---- the baseline: a bare broadcast server on the same stack ---------------------
		if (this.options.baseline) {
			Path baseGc = this.options.out.resolve("baseline-gc.log");
			Files.deleteIfExists(baseGc);
			int basePort = PackagedApp.freePort();
			List<String> command = List.of(PackagedApp.java(), "-Xmx" + this.options.heap,
					"-Xlog:gc:file=" + baseGc + ":time", "-cp", System.getProperty("java.class.path"),
					"com.gavel.bench.baseline.BroadcastServer", "--server.port=" + basePort);
			log("starting the baseline broadcast server on port %d", basePort);
			this.server = PackagedApp.command(command, Path.of("."), Map.of(), this.options.out.resolve("baseline.log"),
					basePort).start();
			awaitHttp(this.server, Duration.ofMinutes(2));
			this.stats = new ProcStats(this.server.pid(), baseGc);
			this.serverName = "baseline";
			List<Conn> senders = new ArrayList<>();
			Phase idle = new Phase("idle");
			for (int i = 0; i < this.options.bidders; i++) {
				senders.add(open(basePort, idle, null, i).get(30, TimeUnit.SECONDS));
			}
			baseline(new Phase("warmup"), senders, Math.min(this.options.watchers, 200),
					Math.min(this.options.overloadRate, 100), this.options.warmup, false);
			baseline(new Phase("hot lot"), senders, this.options.watchers, this.options.rate, this.options.seconds,
					true);
			baseline(new Phase("overload"), senders, this.options.watchers, this.options.overloadRate,
					this.options.seconds, true);
			senders.forEach(Conn::close);
			if (this.options.only.contains("capacity")) {
				guard("capacity", () -> capacity(1L, List.of()));
			}
			this.machine.put("baselineVmHwmMb", round(this.stats.statusMb("VmHWM")));
			this.server.stop(Duration.ofSeconds(30));
			this.server = null;
		}
		this.machine.put("loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).trim());
	}

	/** Gavel as the deployment runs it, through the scenarios --only names. */
	private void gavel(Deployment deployment) throws Exception {
		Map<String, String> env = new LinkedHashMap<>(Map.of("GAVEL_ADMIN_PASSWORD", ADMIN_PASSWORD,
				"GAVEL_DEMO_ENABLED", "false",
				// Bids per bidder are limited to 5/s (burst 10) by default; the benchmark's bidders
				// are bots that send more, so the limit is raised for this run.
				"GAVEL_AUCTION_BIDSPERSECOND", "100", "GAVEL_AUCTION_BIDBURST", "200",
				// Every socket of the run comes from loopback: lift the per-address cap (50).
				"GAVEL_LIVE_MAXSOCKETSPERADDRESS", "1000000"));
		env.putAll(this.options.serverEnv);
		this.machine.put("serverEnv", this.options.serverEnv);
		this.nodes = deployment.start(env, this.options.out, this.options.heap);
		this.server = this.nodes.get(0);
		List<ProcStats> stats = new ArrayList<>();
		for (int i = 0; i < this.nodes.size(); i++) {
			stats.add(new ProcStats(this.nodes.get(i).pid(), deployment.gcLog(this.options.out, i)));
		}
		this.nodeStats = stats;
		this.stats = stats.get(0);
		this.serverName = deployment.serverName();

		int bidderCount = Math.max(Math.max(this.options.bidders, this.options.manyBidders), this.options.closedLoop);
		log("registering %d bidders through the sign-up form", bidderCount);
		List<String> names = registerBidders(bidderCount);
		List<Conn> bidders = connectBidders(names);
		// Sockets that send nothing for 90 s are closed by the server: keep the idle bidders alive.
		Thread bidderPinger = pinger(bidders);

		long hotLot = createLot("Hot lot", Duration.ofHours(3));
		Phase warm = new Phase("warmup");
		// Warm-up (not reported): JIT compilation, connection pools, the load generator's own classes.
		hot(warm, hotLot, bidders.subList(0, this.options.bidders), Math.min(this.options.watchers, 200),
				Math.min(this.options.overloadRate, 100), this.options.warmup, false);

		Phase hot = new Phase("hot lot");
		if (this.options.only.contains("hot")) {
			guard("hot lot", () -> hot(hot, createLot("Hot lot", Duration.ofHours(3)),
					bidders.subList(0, this.options.bidders), this.options.watchers, this.options.rate,
					this.options.seconds, true));
		}
		if (hot.events.sum() > 0) {
			this.eventFrameBytes = (int) (hot.eventBytes.get() / hot.events.sum());
		}
		Phase overload = new Phase("overload");
		if (this.options.only.contains("overload")) {
			guard("overload", () -> hot(overload, createLot("Overload lot", Duration.ofHours(3)),
					bidders.subList(0, this.options.bidders), this.options.watchers, this.options.overloadRate,
					this.options.seconds, true));
		}

		List<Long> many = new ArrayList<>();
		for (int i = 0; i < this.options.lots; i++) {
			many.add(createLot("Lot " + (i + 1), Duration.ofHours(3)));
		}
		if (this.options.only.contains("many")) {
			guard("many lots", () -> manyLots(new Phase("many lots"), many, bidders.subList(0, this.options.manyBidders)));
		}
		if (this.options.only.contains("max")) {
			guard("many lots, max", () -> manyLotsMax(new Phase("many lots, max"), many, this.options.manyWatchers,
					bidders.subList(0, this.options.closedLoop)));
		}
		if (this.options.only.contains("onelot")) {
			long oneLot = createLot("One lot", Duration.ofHours(3));
			guard("one lot, max", () -> manyLotsMax(new Phase("one lot, max"), List.of(oneLot),
					this.options.oneLotWatchers, bidders.subList(0, this.options.closedLoop)));
		}
		if (this.options.only.contains("capacity") && this.nodes.size() == 1) {
			long capacityLot = createLot("Capacity lot", Duration.ofHours(3));
			guard("capacity", () -> capacity(capacityLot, bidders.subList(0, this.options.bidders)));
		}

		bidderPinger.interrupt();
		long lostBidders = bidders.stream().filter((b) -> !b.isOpen()).count();
		if (lostBidders > 0) {
			log("warning: %d bidder sockets were closed during the run", lostBidders);
			this.machine.put(this.serverName + "BidderSocketsLost", lostBidders);
		}
		bidders.forEach(Conn::close);
		this.machine.put(this.serverName + "VmHwmMb", round(this.stats.statusMb("VmHWM")));
		for (PackagedApp node : this.nodes) {
			log("%s stopped (exit %d)", this.serverName, node.stop(Duration.ofSeconds(60)));
		}
		this.nodes = List.of();
		this.server = null;
	}


	// ---- scenarios ---------------------------------------------------------------------------

	interface Scenario {

		void run() throws Exception;

	}

	/** Runs a scenario; if it fails, says so in the results and goes on with the next. */
	private void guard(String name, Scenario scenario) {
		try {
			scenario.run();
		}
		catch (Exception | AssertionError ex) {
			log("%s %s failed: %s", this.serverName, name, ex);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("server", this.serverName);
			row.put("scenario", name);
			row.put("error", String.valueOf(ex));
			this.failures.add(row);
		}
	}

	/** W watchers on one lot while the bidders place R bids a second (open loop, round robin). */
	private void hot(Phase phase, long lot, List<Conn> bidders, int watchers, int rate, int seconds,
			boolean report) throws Exception {
		log("%s: %d watchers on lot %d, %d bids/s for %d s", phase.name, watchers, lot, rate, seconds);
		phase.track(lot);
		List<Conn> crowd = watchers(phase, watchers, (i) -> lot);
		bidders.forEach((b) -> b.sink = phase);
		Window window = new Window();
		phase.recording = true;
		int sent = openLoop(phase, bidders, rate, seconds, (i) -> lot);
		long lastSent = Conn.nowMicros();
		awaitAnswers(phase, Duration.ofSeconds(10));
		Map<Long, Long> finals = Map.of(lot, sequence(lot));
		Settled settled = settle(crowd, finals, Duration.ofSeconds(10));
		window.close();
		phase.recording = false;
		if (report) {
			record(phase, watchers, rate, seconds, sent, window, settled, lastEventAt(finals), lastSent);
		}
		crowd.forEach(Conn::close);
	}

	/** 100 lots, 2,000 watchers spread over them, bids spread at the configured rate. */
	private void manyLots(Phase phase, List<Long> lots, List<Conn> bidders) throws Exception {
		int rate = this.options.manyRate;
		log("%s: %d watchers over %d lots, %d bids/s for %d s", phase.name, this.options.manyWatchers, lots.size(),
				rate, this.options.seconds);
		lots.forEach(phase::track);
		List<Conn> crowd = watchers(phase, this.options.manyWatchers, (i) -> lots.get(i % lots.size()));
		bidders.forEach((b) -> b.sink = phase);
		Window window = new Window();
		phase.recording = true;
		int n = lots.size();
		int b = bidders.size();
		int sent = openLoop(phase, bidders, rate, this.options.seconds, (i) -> lots.get(i % n),
				(i) -> bidders.get((i + i / n) % b));
		long lastSent = Conn.nowMicros();
		awaitAnswers(phase, Duration.ofSeconds(15));
		Map<Long, Long> finals = new LinkedHashMap<>();
		for (long lot : lots) {
			finals.put(lot, sequence(lot));
		}
		Settled settled = settle(crowd, finals, Duration.ofSeconds(10));
		window.close();
		phase.recording = false;
		record(phase, this.options.manyWatchers, rate, this.options.seconds, sent, window, settled,
				lastEventAt(finals), lastSent);
		crowd.forEach(Conn::close);
	}

	/**
	 * The engine's ceiling: each of C bidders sends its next bid the moment the last is answered,
	 * on a random one of the lots (one lot: every bid waits for the same lot's turn).
	 */
	private void manyLotsMax(Phase phase, List<Long> lots, int watcherCount, List<Conn> bidders) throws Exception {
		log("%s: %d watchers over %d lots, %d bidders bidding back to back for %d s", phase.name, watcherCount,
				lots.size(), bidders.size(), this.options.seconds);
		lots.forEach(phase::track);
		List<Conn> crowd = watchers(phase, watcherCount, (i) -> lots.get(i % lots.size()));
		AtomicInteger counter = new AtomicInteger();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.options.seconds);
		phase.onAnswer = (conn) -> {
			if (System.nanoTime() < deadline) {
				bid(phase, conn, lots.get(ThreadLocalRandom.current().nextInt(lots.size())),
						phase.name + "-" + counter.incrementAndGet(), Conn.nowMicros());
			}
		};
		bidders.forEach((b) -> b.sink = phase);
		Window window = new Window();
		phase.recording = true;
		for (Conn bidder : bidders) {
			bid(phase, bidder, lots.get(ThreadLocalRandom.current().nextInt(lots.size())),
					phase.name + "-" + counter.incrementAndGet(), Conn.nowMicros());
		}
		LockSupport.parkNanos(Math.max(0, deadline - System.nanoTime()));
		long lastSent = Conn.nowMicros();
		awaitAnswers(phase, Duration.ofSeconds(15));
		phase.onAnswer = null;
		Map<Long, Long> finals = new LinkedHashMap<>();
		for (long lot : lots) {
			finals.put(lot, sequence(lot));
		}
		Settled settled = settle(crowd, finals, Duration.ofSeconds(10));
		window.close();
		phase.recording = false;
		record(phase, watcherCount, -1, this.options.seconds, counter.get(), window, settled, lastEventAt(finals),
				lastSent);
		crowd.forEach(Conn::close);
	}

	/** The most sockets the node holds, and what each costs in heap and in resident memory. */
	private void capacity(long lot, List<Conn> bidders) throws Exception {
		boolean gavel = !"baseline".equals(this.serverName);
		int target = this.options.capacity;
		log("capacity: up to %d sockets, each watching lot %d", target, lot);
		Phase phase = new Phase("capacity");
		phase.track(lot);
		this.stats.fullGc();
		double heapBefore = this.stats.heapAfterLastFullGcMb();
		double rssBefore = this.stats.statusMb("VmRSS");
		Window window = new Window();
		List<Conn> held = Collections.synchronizedList(new ArrayList<>());
		int failed = 0;
		int batch = 500;
		long started = System.nanoTime();
		Thread pinger = pinger(held);
		String stoppedBy = "target";
		while (held.size() < target) {
			int n = Math.min(batch, target - held.size());
			List<CompletableFuture<Conn>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int id = held.size() + i;
				futures.add(open(this.server.port(), phase, null, id).thenApply((c) -> {
					c.lotId = lot;
					if (gavel) {
						c.send("{\"type\":\"subscribe\",\"lots\":[{\"id\":" + lot + "}]}");
					}
					return c;
				}));
			}
			int batchFailed = 0;
			for (CompletableFuture<Conn> f : futures) {
				try {
					held.add(f.get(60, TimeUnit.SECONDS));
				}
				catch (Exception ex) {
					batchFailed++;
				}
			}
			failed += batchFailed;
			double heapAfterGc = this.stats.lastHeapAfterGcMb();
			if (heapAfterGc > 0.85 * heapMaxMb()) {
				log("capacity: stopping at %d sockets: the heap is %.0f MiB after the last collection, of %.0f",
						held.size(), heapAfterGc, heapMaxMb());
				stoppedBy = "heap";
				break;
			}
			if (batchFailed > n / 20 || phase.disconnects.sum() > 0) {
				stoppedBy = "failures";
				log("capacity: stopping at %d sockets (%d failed in the last batch, %d closed by the server)",
						held.size(), batchFailed, phase.disconnects.sum());
				break;
			}
			if (held.size() % 2000 == 0) {
				log("capacity: %d sockets", held.size());
			}
		}
		double rampSeconds = (System.nanoTime() - started) / 1e9;
		long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (gavel && System.nanoTime() < waitUntil && held.stream().anyMatch((c) -> c.isOpen() && c.lastSeq == 0)) {
			Thread.sleep(200);
		}
		Thread.sleep(this.options.hold * 1000L);
		long open = held.stream().filter(Conn::isOpen).count();
		double serverSessions = gavel ? metric("gavel.live.sessions") : Double.NaN;
		this.stats.fullGc();
		double heapAfter = this.stats.heapAfterLastFullGcMb();
		double rssAfter = this.stats.statusMb("VmRSS");
		// What the held sockets are made of: the live objects by class, for docs/performance.md.
		Files.writeString(this.options.out.resolve(this.serverName + "-capacity-histogram.txt"),
				this.stats.classHistogram());

		// Does a node this full still deliver? A few bids, each fanned out to every socket.
		int sent = 0;
		long lastSent = Conn.nowMicros();
		Settled settled = new Settled(held, Map.of(lot, 0L));
		long lastAt = 0;
		if (gavel) {
			bidders.forEach((b) -> b.sink = phase);
			phase.recording = true;
			sent = openLoop(phase, bidders, 2, 5, (i) -> lot);
			lastSent = Conn.nowMicros();
			awaitAnswers(phase, Duration.ofSeconds(10));
			Map<Long, Long> finals = Map.of(lot, sequence(lot));
			settled = settle(held, finals, Duration.ofSeconds(20));
			lastAt = lastEventAt(finals);
		}
		window.close();
		phase.recording = false;
		pinger.interrupt();

		Map<String, Object> row = row(phase, (int) open, gavel ? 2 : 0, 5, sent, window, settled, lastAt, lastSent);
		row.put("stoppedBy", stoppedBy);
		row.put("connectionsTried", held.size() + failed);
		row.put("connectionsFailed", failed);
		row.put("connectionsHeld", open);
		row.put("serverSessions", serverSessions);
		row.put("rampSeconds", round(rampSeconds));
		row.put("heapAfterGcBeforeMb", round(heapBefore));
		row.put("heapAfterGcHeldMb", round(heapAfter));
		row.put("heapPerConnectionKb", round((heapAfter - heapBefore) * 1024 / Math.max(1, open)));
		row.put("rssBeforeMb", round(rssBefore));
		row.put("rssHeldMb", round(rssAfter));
		row.put("rssPerConnectionKb", round((rssAfter - rssBefore) * 1024 / Math.max(1, open)));
		this.results.add(row);
		log("capacity: %d sockets held (server counts %.0f); heap %.0f -> %.0f MiB after full GC, RSS %.0f -> %.0f MiB",
				open, serverSessions, heapBefore, heapAfter, rssBefore, rssAfter);
		for (int i = 0; i < held.size(); i += 1000) {
			held.subList(i, Math.min(held.size(), i + 1000)).forEach(Conn::close);
			Thread.sleep(100);
		}
	}

	/** The baseline at W watchers and R messages a second, frames as large as Gavel's events. */
	private void baseline(Phase phase, List<Conn> senders, int watchers, int rate, int seconds, boolean report)
			throws Exception {
		log("baseline %s: %d watchers, %d messages/s for %d s, %d-byte frames", phase.name, watchers, rate, seconds,
				this.eventFrameBytes);
		List<Conn> crowd = new ArrayList<>();
		List<CompletableFuture<Conn>> futures = new ArrayList<>();
		for (int i = 0; i < watchers; i++) {
			futures.add(open(this.server.port(), phase, null, i));
			if (futures.size() == 200) {
				collect(futures, crowd);
			}
		}
		collect(futures, crowd);
		crowd.forEach((c) -> c.lotId = 1);
		senders.forEach((s) -> s.sink = phase);
		Window window = new Window();
		phase.recording = true;
		String pad = "x".repeat(Math.max(0, this.eventFrameBytes - 90));
		int total = rate * seconds;
		long period = 1_000_000_000L / rate;
		long start = System.nanoTime();
		long startMicros = Conn.nowMicros();
		for (int i = 0; i < total; i++) {
			long target = start + i * period;
			long wait = target - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			long at = startMicros + (target - start) / 1000;
			Instant instant = Instant.ofEpochSecond(at / 1_000_000, (at % 1_000_000) * 1000);
			senders.get(i % senders.size())
				.send("{\"type\":\"event\",\"lotId\":1,\"seq\":" + (i + 1) + ",\"at\":\"" + instant + "\",\"pad\":\""
						+ pad + "\"}");
		}
		long lastSent = Conn.nowMicros();
		long lastAt = startMicros + ((long) (total - 1) * period) / 1000;
		Settled settled = settle(crowd, Map.of(1L, (long) total), Duration.ofSeconds(10));
		window.close();
		phase.recording = false;
		if (report) {
			record(phase, watchers, rate, seconds, total, window, settled, lastAt, lastSent);
		}
		crowd.forEach(Conn::close);
	}

	// ---- bidding -----------------------------------------------------------------------------

	private int openLoop(Phase phase, List<Conn> bidders, int rate, int seconds, IntFunction<Long> lotOf)
			throws InterruptedException {
		return openLoop(phase, bidders, rate, seconds, lotOf, (i) -> bidders.get(i % bidders.size()));
	}

	/** Sends bids on a fixed schedule; latency counts from the scheduled time, not the actual send. */
	private int openLoop(Phase phase, List<Conn> bidders, int rate, int seconds, IntFunction<Long> lotOf,
			IntFunction<Conn> bidderOf) throws InterruptedException {
		int total = rate * seconds;
		long period = 1_000_000_000L / rate;
		long start = System.nanoTime();
		long startMicros = Conn.nowMicros();
		int sent = 0;
		for (int i = 0; i < total; i++) {
			long target = start + i * period;
			long wait = target - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (bid(phase, bidderOf.apply(i), lotOf.apply(i), phase.name + "-" + i,
					startMicros + (target - start) / 1000)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean bid(Phase phase, Conn bidder, long lot, String name, long intendedMicros) {
		String requestId = name.replaceAll("[^A-Za-z0-9._:-]", "");
		String amount = phase.track(lot).nextAmount();
		if (amount == null) {
			return false;
		}
		phase.pending.put(requestId, intendedMicros);
		phase.sentByAmount.putIfAbsent(lot + ":" + amount, intendedMicros);
		bidder.send("{\"type\":\"bid\",\"lot\":" + lot + ",\"requestId\":\"" + requestId + "\",\"amount\":\"" + amount
				+ "\"}");
		return true;
	}

	private static void awaitAnswers(Phase phase, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!phase.pending.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	// ---- sockets -----------------------------------------------------------------------------

	private CompletableFuture<Conn> open(int port, Conn.Sink sink, String authorization, int id) {
		HttpClient http = this.clients.get(Math.floorMod(id, this.clients.size()));
		return Conn.open(http, "ws://127.0.0.1:" + port + "/ws", id, sink, authorization);
	}

	/** Sockets are spread over the nodes of a cluster in turn, as a load balancer would. */
	private int nodePort(int i) {
		return this.nodes.isEmpty() ? this.server.port() : this.nodes.get(i % this.nodes.size()).port();
	}

	private List<Conn> watchers(Phase phase, int count, IntFunction<Long> lotOf) throws Exception {
		List<Conn> crowd = new ArrayList<>();
		List<CompletableFuture<Conn>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long lot = lotOf.apply(i);
			futures.add(open(nodePort(i), phase, null, i).thenApply((c) -> {
				c.lotId = lot;
				c.send("{\"type\":\"subscribe\",\"lots\":[{\"id\":" + lot + "}]}");
				return c;
			}));
			if (futures.size() == 200) {
				collect(futures, crowd);
			}
		}
		collect(futures, crowd);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline && crowd.stream().anyMatch((c) -> c.lastSeq == 0 && c.isOpen())) {
			Thread.sleep(50);
		}
		long missing = crowd.stream().filter((c) -> c.lastSeq == 0).count();
		if (missing > 0) {
			log("warning: %d of %d watchers got no snapshot", missing, count);
		}
		return crowd;
	}

	private static void collect(List<CompletableFuture<Conn>> futures, List<Conn> into) throws Exception {
		for (CompletableFuture<Conn> f : futures) {
			into.add(f.get(60, TimeUnit.SECONDS));
		}
		futures.clear();
	}

	private List<Conn> connectBidders(List<String> names) throws Exception {
		List<Conn> bidders = new ArrayList<>();
		Phase idle = new Phase("idle");
		for (int i = 0; i < names.size(); i++) {
			Conn c = open(nodePort(i), idle, PackagedApp.basic(names.get(i), BIDDER_PASSWORD), 100_000 + i)
				.get(30, TimeUnit.SECONDS);
			bidders.add(c);
		}
		return bidders;
	}

	private List<String> registerBidders(int count) throws Exception {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			names.add(String.format("bench-bidder-%03d", i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		for (String name : names) {
			done.add(pool.submit(() -> Registration.register(this.server.base(), name, BIDDER_PASSWORD)));
		}
		for (java.util.concurrent.Future<?> f : done) {
			f.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		return names;
	}

	/** Keeps held sockets from the idle timeout with a ping every 30 s. */
	private static Thread pinger(List<Conn> conns) {
		Thread t = new Thread(() -> {
			try {
				while (true) {
					Thread.sleep(20_000);
					List<Conn> copy;
					synchronized (conns) {
						copy = new ArrayList<>(conns);
					}
					for (Conn c : copy) {
						c.send("{\"type\":\"ping\",\"t\":" + System.currentTimeMillis() + "}");
					}
				}
			}
			catch (InterruptedException ex) {
				// done
			}
		}, "pinger");
		t.setDaemon(true);
		t.start();
		return t;
	}

	// ---- settling and measuring --------------------------------------------------------------

	record Settled(List<Conn> crowd, Map<Long, Long> finals) {
	}

	/** Waits (bounded) until every open watcher has its lot's final sequence. */
	private static Settled settle(List<Conn> crowd, Map<Long, Long> finals, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			boolean all;
			synchronized (crowd) {
				all = crowd.stream().allMatch((c) -> !c.isOpen() || c.lastSeq >= finals.getOrDefault(c.lotId, 0L));
			}
			if (all) {
				break;
			}
			Thread.sleep(50);
		}
		return new Settled(crowd, finals);
	}

	/** Phase window: CPU and memory of the server (and CPU of this load generator). */
	private final class Window {

		final Instant from = Instant.now();

		final double serverCpu = Bench.this.serverCpuSeconds();

		final double clientCpu = ProcStats.ownCpuSeconds();

		final long nanos = System.nanoTime();

		final ProcStats.RssSampler rss = Bench.this.stats.new RssSampler();

		Instant to;

		double serverCores;

		double clientCores;

		double heapAtEnd;

		double seconds;

		void close() {
			this.heapAtEnd = Bench.this.stats.heapUsedNowMb();
			this.to = Instant.now();
			double seconds = (System.nanoTime() - this.nanos) / 1e9;
			this.seconds = seconds;
			this.serverCores = (Bench.this.serverCpuSeconds() - this.serverCpu) / seconds;
			this.clientCores = (ProcStats.ownCpuSeconds() - this.clientCpu) / seconds;
			this.rss.close();
		}

	}

	/** CPU time of every node of the deployment (the baseline is one process). */
	private double serverCpuSeconds() {
		if ("baseline".equals(this.serverName)) {
			return this.stats.cpuSeconds();
		}
		return this.nodeStats.stream().mapToDouble(ProcStats::cpuSeconds).sum();
	}

	private void record(Phase phase, int watchers, int rate, int seconds, int sent, Window window, Settled settled,
			long lastEventAtMicros, long lastSentMicros) {
		this.results.add(row(phase, watchers, rate, seconds, sent, window, settled, lastEventAtMicros, lastSentMicros));
	}

	private Map<String, Object> row(Phase phase, int watchers, int rate, int seconds, int sent, Window window,
			Settled settled, long lastEventAtMicros, long lastSentMicros) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("server", this.serverName);
		r.put("scenario", phase.name);
		r.put("watchers", watchers);
		r.put("offeredPerSecond", rate);
		r.put("seconds", seconds);
		r.put("sent", sent);
		boolean baseline = "baseline".equals(this.serverName);
		long accepted = baseline ? sent : phase.accepted.sum();
		r.put("accepted", accepted);
		r.put("rejected", phase.rejected.sum());
		Map<String, Long> reasons = new LinkedHashMap<>();
		phase.reasons.forEach((k, v) -> reasons.put(k, v.sum()));
		r.put("rejectReasons", reasons);
		r.put("unanswered", phase.pending.size());
		r.put("loadGeneratorSendFailures", Conn.SEND_FAILURES.getAndSet(0));
		r.put("acceptedPerSecond", round(accepted / (double) seconds));
		r.put("decidedPerSecond", round((accepted + phase.rejected.sum()) / (double) seconds));
		r.put("ackP50Ms", ms(phase.ack, 50));
		r.put("ackP99Ms", ms(phase.ack, 99));
		r.put("ackMaxMs", ms(phase.ack, 100));
		r.put("fanoutCount", phase.fanout.getTotalCount());
		r.put("fanoutP50Ms", ms(phase.fanout, 50));
		r.put("fanoutP99Ms", ms(phase.fanout, 99));
		r.put("fanoutP999Ms", ms(phase.fanout, 99.9));
		r.put("fanoutMaxMs", ms(phase.fanout, 100));
		Histogram e2e = baseline ? phase.fanout : phase.endToEnd;
		r.put("endToEndP50Ms", ms(e2e, 50));
		r.put("endToEndP99Ms", ms(e2e, 99));
		r.put("endToEndMaxMs", ms(e2e, 100));
		int n;
		int reached = 0;
		int within1s = 0;
		double catchUpMax = 0;
		synchronized (settled.crowd()) {
			n = settled.crowd().size();
			for (Conn c : settled.crowd()) {
				long fin = settled.finals().getOrDefault(c.lotId, 0L);
				if (c.lastSeq >= fin) {
					reached++;
					double delay = Math.max(0, c.lastAdvanceMicros - lastEventAtMicros) / 1000.0;
					catchUpMax = Math.max(catchUpMax, delay);
					if (delay <= 1000) {
						within1s++;
					}
				}
			}
		}
		r.put("finalStateFraction", round4(reached / (double) Math.max(1, n)));
		r.put("finalWithin1sFraction", round4(within1s / (double) Math.max(1, n)));
		r.put("catchUpMaxMs", round(catchUpMax));
		r.put("snapshots", phase.snapshots.sum());
		r.put("eventsReceived", phase.events.sum());
		r.put("eventFrameBytes", phase.events.sum() == 0 ? 0 : phase.eventBytes.get() / phase.events.sum());
		r.put("disconnects", phase.disconnects.sum());
		r.put("serverCpuCores", round(window.serverCores));
		long frames = phase.events.sum() + phase.snapshots.sum();
		r.put("serverCpuMicrosPerFrame", frames == 0 ? Double.NaN
				: round(window.serverCores * window.seconds * 1e6 / frames));
		r.put("loadGeneratorCpuCores", round(window.clientCores));
		double[] heap = this.stats.heapMb(window.from, window.to);
		r.put("peakHeapMb", round(Math.max(heap[0], window.heapAtEnd)));
		r.put("peakHeapAfterGcMb", round(heap[1]));
		r.put("peakRssMb", round(window.rss.peakMb()));
		log("%s %s: %.1f accepted/s, ack p99 %s ms, fan-out p50/p99/max %s/%s/%s ms, final %.4f, disconnects %d",
				this.serverName, phase.name, accepted / (double) seconds, r.get("ackP99Ms"), r.get("fanoutP50Ms"),
				r.get("fanoutP99Ms"), r.get("fanoutMaxMs"), reached / (double) Math.max(1, n), phase.disconnects.sum());
		return r;
	}

	private double heapMaxMb() {
		String h = this.options.heap.toLowerCase(Locale.ROOT);
		double v = Double.parseDouble(h.replaceAll("[^0-9.]", ""));
		return h.endsWith("g") ? v * 1024 : h.endsWith("k") ? v / 1024 : v;
	}

	// ---- HTTP to the application -----------------------------------------------------------

	private long createLot(String title, Duration runs) {
		Instant now = Instant.now();
		String body = "{\"title\":\"" + title + "\",\"description\":\"benchmark\",\"currency\":\"EUR\","
				+ "\"startPrice\":\"10.00\",\"startsAt\":\"" + now.minusSeconds(60) + "\",\"endsAt\":\""
				+ now.plus(runs) + "\"}";
		String admin = PackagedApp.basic("admin", ADMIN_PASSWORD);
		HttpResponse<String> created = this.server.postJson("/api/admin/lots", body, admin);
		if (created.statusCode() != 201) {
			throw new IllegalStateException("creating a lot failed: " + created.body());
		}
		long id = JSON.readTree(created.body()).path("id").asLong();
		HttpResponse<String> opened = this.server.postJson("/api/admin/lots/" + id + "/open", "", admin);
		if (opened.statusCode() != 200) {
			throw new IllegalStateException("opening lot " + id + " failed: " + opened.body());
		}
		return id;
	}

	private long sequence(long lot) {
		return JSON.readTree(this.server.get("/api/lots/" + lot, null).body()).path("lot").path("sequence").asLong();
	}

	/** The server time (µs) of the newest event over the lots. */
	private long lastEventAt(Map<Long, Long> finals) {
		long newest = 0;
		for (Map.Entry<Long, Long> e : finals.entrySet()) {
			HttpResponse<String> events = this.server
				.get("/api/lots/" + e.getKey() + "/events?after=" + Math.max(0, e.getValue() - 1), null);
			JsonNode array = JSON.readTree(events.body());
			if (array.isArray() && !array.isEmpty()) {
				newest = Math.max(newest, Conn.micros(array.get(array.size() - 1).path("at").asString()));
			}
		}
		return newest;
	}

	private double metric(String name) {
		try {
			HttpResponse<String> response = this.server.get("/actuator/metrics/" + name,
					PackagedApp.basic("admin", ADMIN_PASSWORD));
			JsonNode node = JSON.readTree(response.body());
			return node.path("measurements").path(0).path("value").asDouble(Double.NaN);
		}
		catch (RuntimeException ex) {
			log("could not read metric %s: %s", name, ex.getMessage());
			return Double.NaN;
		}
	}

	private static void awaitHttp(PackagedApp app, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				app.get("/", null);
				return;
			}
			catch (RuntimeException ex) {
				PackagedApp.sleep(200);
			}
		}
		throw new IllegalStateException("the baseline did not start:\n" + app.logTail());
	}

	// ---- output ------------------------------------------------------------------------------

	private void report() throws IOException {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("machine", this.machine);
		Map<String, Object> opts = new LinkedHashMap<>();
		opts.put("watchers", this.options.watchers);
		opts.put("rate", this.options.rate);
		opts.put("overloadRate", this.options.overloadRate);
		opts.put("lots", this.options.lots);
		opts.put("manyWatchers", this.options.manyWatchers);
		opts.put("manyRate", this.options.manyRate);
		opts.put("bidders", this.options.bidders);
		opts.put("manyBidders", this.options.manyBidders);
		opts.put("closedLoop", this.options.closedLoop);
		opts.put("seconds", this.options.seconds);
		opts.put("capacity", this.options.capacity);
		opts.put("serverHeap", this.options.heap);
		opts.put("deployments", this.options.deployments.stream().map(Deployment::name).toList());
		all.put("options", opts);
		all.put("results", this.results);
		all.put("failures", this.failures);
		Map<String, Object> ratios = ratios();
		all.put("ratiosToBaseline", ratios);
		Files.writeString(this.options.out.resolve("results.json"),
				JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
		String markdown = markdown(ratios);
		Files.writeString(this.options.out.resolve("results.md"), markdown);
		System.out.println();
		System.out.println(markdown);
		System.out.println("Written: " + this.options.out.resolve("results.json") + " and "
				+ this.options.out.resolve("results.md"));
	}

	private Map<String, Object> find(String server, String scenario) {
		return this.results.stream()
			.filter((r) -> server.equals(r.get("server")) && scenario.equals(r.get("scenario")))
			.findFirst()
			.orElse(null);
	}

	private Map<String, Object> ratios() {
		Map<String, Object> ratios = new LinkedHashMap<>();
		for (String scenario : List.of("hot lot", "overload")) {
			Map<String, Object> g = find("gavel", scenario);
			Map<String, Object> b = find("baseline", scenario);
			if (g == null || b == null) {
				continue;
			}
			for (String key : List.of("fanoutP50Ms", "fanoutP99Ms", "fanoutMaxMs", "endToEndP99Ms", "serverCpuCores",
					"peakRssMb")) {
				double gv = ((Number) g.get(key)).doubleValue();
				double bv = ((Number) b.get(key)).doubleValue();
				ratios.put(scenario + " " + key, round(gv / bv));
			}
		}
		return ratios;
	}

	private String markdown(Map<String, Object> ratios) {
		StringBuilder md = new StringBuilder();
		md.append("## Gavel benchmark, ").append(this.machine.get("started")).append("\n\n");
		md.append("Machine: ").append(this.machine.get("cores")).append(" cores, ")
			.append(this.machine.get("memoryGiB")).append(" GiB, ").append(this.machine.get("java")).append(", ")
			.append(this.machine.get("os")).append("; build profile ").append(this.machine.get("profile"))
			.append("; server heap -Xmx").append(this.options.heap)
			.append("; load average at start ").append(this.machine.get("loadAverageAtStart"))
			.append(", at end ").append(this.machine.get("loadAverageAtEnd")).append(". Run took ")
			.append(this.machine.get("benchSeconds")).append(" s.\n\n");
		md.append("| server | scenario | watchers | offered/s | accepted/s | ack p50 | ack p99 | fan-out p50 | "
				+ "fan-out p99 | fan-out max | bid→watcher p99 | on final state | within 1 s | catch-up max | "
				+ "snapshots | disconnects | server CPU | peak heap | peak RSS |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Map<String, Object> r : this.results) {
			md.append("| ").append(r.get("server")).append(" | ").append(r.get("scenario")).append(" | ")
				.append(r.get("watchers")).append(" | ")
				.append(((Number) r.get("offeredPerSecond")).intValue() < 0 ? "max" : r.get("offeredPerSecond"))
				.append(" | ").append(r.get("acceptedPerSecond")).append(" | ").append(msText(r, "ackP50Ms"))
				.append(" | ").append(msText(r, "ackP99Ms")).append(" | ").append(msText(r, "fanoutP50Ms"))
				.append(" | ").append(msText(r, "fanoutP99Ms")).append(" | ").append(msText(r, "fanoutMaxMs"))
				.append(" | ").append(msText(r, "endToEndP99Ms")).append(" | ")
				.append(pct(r.get("finalStateFraction"))).append(" | ").append(pct(r.get("finalWithin1sFraction")))
				.append(" | ").append(msText(r, "catchUpMaxMs")).append(" | ").append(r.get("snapshots"))
				.append(" | ").append(r.get("disconnects")).append(" | ").append(r.get("serverCpuCores"))
				.append(" | ").append(r.get("peakHeapMb")).append(" MiB | ").append(r.get("peakRssMb"))
				.append(" MiB |\n");
		}
		for (String server : List.of("gavel", "baseline")) {
			Map<String, Object> cap = find(server, "capacity");
			if (cap == null) {
				continue;
			}
			md.append("\nCapacity, ").append(server).append(": ").append(cap.get("connectionsHeld"))
				.append(" sockets held of ").append(cap.get("connectionsTried")).append(" tried (")
				.append(cap.get("connectionsFailed")).append(" failed; the server counted ")
				.append(cap.get("serverSessions")).append("; ramp stopped by: ").append(cap.get("stoppedBy"))
				.append(") in ").append(cap.get("rampSeconds")).append(" s; heap after full GC ")
				.append(cap.get("heapAfterGcBeforeMb")).append(" → ").append(cap.get("heapAfterGcHeldMb"))
				.append(" MiB (").append(cap.get("heapPerConnectionKb")).append(" KiB per socket); RSS ")
				.append(cap.get("rssBeforeMb")).append(" → ").append(cap.get("rssHeldMb")).append(" MiB (")
				.append(cap.get("rssPerConnectionKb")).append(" KiB per socket).\n");
		}
		for (Map<String, Object> f : this.failures) {
			md.append("\nFAILED: ").append(f.get("server")).append(" ").append(f.get("scenario")).append(": ")
				.append(f.get("error")).append("\n");
		}
		if (this.options.deployments.size() > 1) {
			md.append(deployments());
		}
		if (!ratios.isEmpty()) {
			md.append("\nGavel ÷ baseline (same run, same watchers and rate):\n\n| figure | ratio |\n|---|---:|\n");
			ratios.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		}
		md.append("\nLatencies in ms. fan-out = server event time (`at`, stamped in the bid's transaction) → "
				+ "watcher receives; for the baseline, the sender's timestamp → watcher receives. bid→watcher = "
				+ "bid scheduled to be sent → watcher receives its event. ack = bid scheduled → its bid-result. "
				+ "catch-up = last event's time → the watcher reached the final sequence.\n");
		return md.toString();
	}

	/** The deployments side by side: what a bidder gets from each, and each ÷ the first. */
	private String deployments() {
		StringBuilder md = new StringBuilder("\nDeployments, same run (÷ the first in brackets):\n\n");
		List<String[]> figures = List.of(new String[] { "hot lot", "fanoutP99Ms", "hot lot fan-out p99 (ms)" },
				new String[] { "hot lot", "ackP99Ms", "hot lot ack p99 (ms)" },
				new String[] { "many lots, max", "decidedPerSecond", "many lots, decided bids/s" },
				new String[] { "many lots, max", "ackP99Ms", "many lots, ack p99 (ms)" },
				new String[] { "many lots, max", "fanoutP99Ms", "many lots, fan-out p99 (ms)" },
				new String[] { "one lot, max", "decidedPerSecond", "one lot, decided bids/s" },
				new String[] { "one lot, max", "ackP99Ms", "one lot, ack p99 (ms)" },
				new String[] { "hot lot", "serverCpuMicrosPerFrame", "hot lot, server CPU µs per frame" });
		md.append("| figure |");
		this.options.deployments.forEach((d) -> md.append(" ").append(d.describe()).append(" |"));
		md.append("\n|---|");
		this.options.deployments.forEach((d) -> md.append("---:|"));
		md.append("\n");
		for (String[] figure : figures) {
			Map<String, Object> first = find(this.options.deployments.get(0).serverName(), figure[0]);
			if (first == null) {
				continue;
			}
			double base = ((Number) first.get(figure[1])).doubleValue();
			md.append("| ").append(figure[2]).append(" |");
			for (Deployment d : this.options.deployments) {
				Map<String, Object> r = find(d.serverName(), figure[0]);
				double v = r == null ? Double.NaN : ((Number) r.get(figure[1])).doubleValue();
				md.append(" ").append(Double.isNaN(v) ? "–" : round(v));
				if (d != this.options.deployments.get(0) && !Double.isNaN(v)) {
					md.append(" (").append(String.format(Locale.ROOT, "%.2f×", v / base)).append(")");
				}
				md.append(" |");
			}
			md.append("\n");
		}
		return md.toString();
	}

	private static String msText(Map<String, Object> r, String key) {
		Object v = r.get(key);
		return v instanceof Double d && d.isNaN() ? "–" : String.valueOf(v);
	}

	private static String pct(Object fraction) {
		return String.format(Locale.ROOT, "%.2f %%", ((Number) fraction).doubleValue() * 100);
	}

	static double round4(double v) {
		return Math.round(v * 10000) / 10000.0;
	}

	static double ms(Histogram h, double percentile) {
		return h.getTotalCount() == 0 ? Double.NaN : round(h.getValueAtPercentile(percentile) / 1000.0);
	}

	static double round(double v) {
		return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
	}

	private static double totalMemoryGib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// unknown
		}
		return Double.NaN;
	}

	static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[bench %s] %s%n", Instant.now().toString().substring(11, 19),
				String.format(Locale.ROOT, format, args));
	}

}
