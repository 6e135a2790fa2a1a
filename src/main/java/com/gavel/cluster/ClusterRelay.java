package com.gavel.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.account.AccountService;
import com.gavel.auction.HouseEvents;
import com.gavel.config.SessionSignedOut;
import com.gavel.config.SharedDatabase;
import com.gavel.watchlist.WatchlistChanged;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other nodes of a house which lots this node committed events of, and publishes here
 * what they committed, so every watcher on every node gets every event.
 * <p>
 * The event log stays the source of truth; a notice only says "lot 12 has events 40 to 42 now".
 * Notices go out through PostgreSQL's {@code NOTIFY} on a thread of their own after the commit
 * (coalesced per lot while one is being sent), never in the bid's transaction. Each node listens
 * on one connection and reads the announced events from the log ({@link HouseEvents#caughtUp}),
 * those of all the lots named by the notices it receives together in one query (up to 100 lots a
 * query), on that same connection; the announcer has a connection of its own too. Both are outside
 * the pool, where bids' transactions hold connections while they wait for a lot another node
 * decides, so notices are neither sent nor read behind them. And every
 * {@code gavel.cluster.repair-interval} it compares the running lots' last sequences with what it
 * published, which repairs a notice lost while a connection was down.
 * <p>
 * A ban ({@code ban:<user id>}) and a sign-out ({@code signout:<session id>}) go round the same
 * way, so the banned user's sockets, or those of the session signed out of, are closed on every
 * node, not only on the one where it happened; and so does a watchlist change
 * ({@code watch:<user id>:<lot id>:<1 or 0>}), so the user's watchlist pages on every node follow
 * it. Only active on a shared database.
 */
@Component
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterRelay.class);

	/** PostgreSQL takes notice payloads of up to 8,000 bytes. */
	private static final int MAX_PAYLOAD = 7000;

	private static final Duration POLL = Duration.ofMillis(500);

	private final SharedDatabase database;

	private final DataSource dataSource;

	private final HouseEvents events;

	private final ClusterProperties properties;

	private final Clock clock;

	/** Lots committed here and not announced yet: first and last sequence. */
	private final Map<Long, long[]> unannounced = new ConcurrentHashMap<>();

	/** Bans, sign-outs and watchlist changes not announced yet: "ban:user", "signout:session", "watch:user:lot:1". */
	private final Queue<String> accountNotices = new ConcurrentLinkedQueue<>();

	/** Set while this thread publishes what another node announced, which is not announced again. */
	private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

	private final ApplicationEventPublisher publisher;

	private volatile boolean running;

	/** Whether the listening connection is up and listening. */
	private volatile boolean listening;

	private volatile Thread listener;

	private volatile Thread announcer;

	/**
	 * Where the relay's own connections come from: outside the pool, so a notice is neither sent
	 * nor read behind the bids' transactions, which hold pooled connections while they wait for a
	 * lot another node decides.
	 */
	private volatile DataSource own;

	ClusterRelay(SharedDatabase database, DataSource dataSource, HouseEvents events,
			ClusterProperties properties, Clock clock, ApplicationEventPublisher publisher) {
		this.database = database;
		this.publisher = publisher;
		this.dataSource = dataSource;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(HouseEvents.LotsCommitted committed) {
		if (!this.running) {
			return;
		}
		committed.sequences()
			.forEach((lot, range) -> this.unannounced.merge(lot, range.clone(),
					(known, more) -> new long[] { Math.min(known[0], more[0]), Math.max(known[1], more[1]) }));
		wakeAnnouncer();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountService.BanChanged change) {
		if (this.running && change.banned() && !this.relaying.get()) {
			this.accountNotices.add("ban:" + change.userId());
			wakeAnnouncer();
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(WatchlistChanged change) {
		if (this.running && !this.relaying.get()) {
			this.accountNotices
				.add("watch:" + change.userId() + ":" + change.lotId() + ":" + (change.watching() ? 1 : 0));
			wakeAnnouncer();
		}
	}

	@EventListener
	void on(SessionSignedOut signedOut) {
		if (this.running && !this.relaying.get()) {
			this.accountNotices.add("signout:" + signedOut.sessionId());
			wakeAnnouncer();
		}
	}

	private void wakeAnnouncer() {
		Thread thread = this.announcer;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	// ---- announcing ----------------------------------------------------------------------

	private void announce() {
		Connection connection = null;
		while (this.running) {
			if (this.unannounced.isEmpty() && this.accountNotices.isEmpty()) {
				LockSupport.parkNanos(this, POLL.toNanos());
				continue;
			}
			List<String> payloads = drain();
			try {
				if (connection == null) {
					connection = this.own.getConnection();
				}
				for (String payload : payloads) {
					try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
						notify.setString(1, this.properties.channel());
						notify.setString(2, payload);
						notify.execute();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				// The others' periodic check finds these lots' new events anyway.
				log.warn("Could not tell the other nodes about {} notice(s): {}", payloads.size(), ex.getMessage());
				close(connection);
				connection = null;
				pause(this.properties.reconnectDelay());
			}
		}
		close(connection);
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Going anyway.
			}
		}
	}

	/**
	 * "lot:first:last", "ban:user", "signout:session" and "watch:user:lot:1|0" entries, comma-separated, each payload
	 * within PostgreSQL's limit.
	 */
	private List<String> drain() {
		List<String> entries = new ArrayList<>();
		for (String notice = this.accountNotices.poll(); notice != null; notice = this.accountNotices.poll()) {
			entries.add(notice);
		}
		for (Long lot : List.copyOf(this.unannounced.keySet())) {
			long[] range = this.unannounced.remove(lot);
			if (range != null) {
				entries.add(lot + ":" + range[0] + ":" + range[1]);
			}
		}
		List<String> payloads = new ArrayList<>();
		StringBuilder payload = new StringBuilder();
		for (String entry : entries) {
			if (payload.length() + entry.length() + 1 > MAX_PAYLOAD) {
				payloads.add(payload.toString());
				payload.setLength(0);
			}
			if (payload.length() > 0) {
				payload.append(',');
			}
			payload.append(entry);
		}
		if (payload.length() > 0) {
			payloads.add(payload.toString());
		}
		return payloads;
	}

	// ---- listening -----------------------------------------------------------------------

	private void listen() {
		while (this.running) {
			try (Connection connection = this.own.getConnection()) {
				PGConnection postgres = connection.unwrap(PGConnection.class);
				// The listening connection reads the log too: notices that arrive meanwhile wait in it.
				JdbcTemplate onListening = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + this.properties.channel());
				}
				this.listening = true;
				log.info("Listening for the other nodes' notices on channel {}", this.properties.channel());
				// Whatever happened while not listening is found by the check.
				long nextRepair = 0;
				while (this.running) {
					PGNotification[] notices = postgres.getNotifications((int) POLL.toMillis());
					if (notices != null && notices.length > 0) {
						received(Arrays.stream(notices).map(PGNotification::getParameter).toList(), onListening);
					}
					if (System.nanoTime() - nextRepair >= 0) {
						repair(onListening);
						nextRepair = System.nanoTime() + this.properties.repairInterval().toNanos();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				this.listening = false;
				if (this.running) {
					log.warn("Lost the connection that listens for the other nodes' notices; listening again in {}",
							this.properties.reconnectDelay(), ex);
					pause(this.properties.reconnectDelay());
				}
			}
		}
	}

	/**
	 * Handles notices received together: bans, sign-outs and watchlist changes one by one, and the lots' new events
	 * all in one go, each lot's announced ranges joined, so one read of the log serves them all.
	 */
	void received(List<String> payloads, JdbcOperations connection) {
		Map<Long, long[]> lots = new LinkedHashMap<>();
		for (String payload : payloads) {
			for (String entry : payload.split(",")) {
				String[] parts = entry.split(":");
				try {
					if (parts[0].equals("ban")) {
						relay(new AccountService.BanChanged(Long.parseLong(parts[1]), true));
					}
					else if (parts[0].equals("signout")) {
						relay(new SessionSignedOut(parts[1]));
					}
					else if (parts[0].equals("watch")) {
						relay(new WatchlistChanged(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
								parts[3].equals("1")));
					}
					else {
						long[] range = { Long.parseLong(parts[1]), Long.parseLong(parts[2]) };
						lots.merge(Long.parseLong(parts[0]), range, (known, more) -> new long[] {
								Math.min(known[0], more[0]), Math.max(known[1], more[1]) });
					}
				}
				catch (RuntimeException ex) {
					log.warn("Could not handle notice '{}'", entry, ex);
				}
			}
		}
		if (lots.isEmpty()) {
			return;
		}
		try {
			this.events.caughtUp(lots, connection);
		}
		catch (RuntimeException ex) {
			// The periodic check publishes them once the log can be read again.
			log.warn("Could not publish the new events of {} lot(s) announced", lots.size(), ex);
		}
	}

	/** Does here what the node where the ban, the sign-out or the watchlist change happened did on its own. */
	private void relay(Object accountEvent) {
		this.relaying.set(true);
		try {
			this.publisher.publishEvent(accountEvent);
		}
		finally {
			this.relaying.remove();
		}
	}

	/** Compares the lots that are running or closed lately with what this node published. */
	void repair(JdbcOperations connection) {
		List<long[]> lots = connection.query(
				"select id, last_sequence from lot where status in ('OPEN', 'PAUSED', 'SCHEDULED') or closed_at > ?",
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) },
				Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(10))));
		lots.forEach((lot) -> this.events.repair(lot[0], lot[1], connection));
	}

	private void pause(Duration delay) {
		long until = System.nanoTime() + delay.toNanos();
		while (this.running && System.nanoTime() < until) {
			LockSupport.parkNanos(this, Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
		}
	}

	// ---- lifecycle -----------------------------------------------------------------------

	@Override
	public void start() {
		if (!this.database.shared()) {
			return;
		}
		this.own = DataSourceBuilder.derivedFrom(this.dataSource).type(SimpleDriverDataSource.class).build();
		this.running = true;
		this.listener = daemon("gavel-cluster-listen", this::listen);
		this.announcer = daemon("gavel-cluster-announce", this::announce);
	}

	private static Thread daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@Override
	public void stop() {
		this.running = false;
		for (Thread thread : new Thread[] { this.listener, this.announcer }) {
			if (thread != null) {
				LockSupport.unpark(thread);
				try {
					thread.join(TimeUnit.SECONDS.toMillis(2));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	/** Whether this node hears the other nodes: always on its own database, else while it listens. */
	boolean hearsTheHouse() {
		return !this.database.shared() || (this.running && this.listening);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
