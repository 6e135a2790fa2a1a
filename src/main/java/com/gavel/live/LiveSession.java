package com.gavel.live;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.LotView;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connected socket: who it is, what it watches, what it has been sent, and its outbox.
 */
final class LiveSession implements Outbox.Owner {

	/**
	 * A socket that does not take its messages fast enough: it may reconnect (and resync) at
	 * once, unlike a banned one (1008).
	 */
	static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow");

	private static final Logger log = LoggerFactory.getLogger(LiveSession.class);

	private final WebSocketSession socket;

	private final Long userId;

	private final String username;

	private final boolean admin;

	private final String clientAddress;

	private volatile boolean watchingOps;

	private final Subscriptions subscriptions;

	/** Per lot, the newest sequence this socket was sent: older events are skipped. */
	private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

	/** Per lot, this user's alias there ("Bidder 3"), once known. */
	private final Map<Long, String> aliases = new ConcurrentHashMap<>();

	private final MessageLimiter subscribeLimiter;

	private final MessageLimiter pingLimiter;

	private final MessageCodec codec;

	private final WatchedLots lots;

	private final LiveMetrics metrics;

	private final Executor closer;

	private volatile Outbox outbox;

	private volatile long lastSeenNanos = System.nanoTime();

	private final AtomicBoolean closing = new AtomicBoolean();

	/** A close the close threads had no room for; {@link LiveHousekeeping} tries it again. */
	private volatile CloseStatus deferredClose;

	LiveSession(WebSocketSession socket, Long userId, String username, boolean admin, String clientAddress,
			LiveProperties properties, MessageCodec codec, WatchedLots lots,
			LiveMetrics metrics, Executor closer) {
		this.socket = socket;
		this.userId = userId;
		this.username = username;
		this.admin = admin;
		this.clientAddress = clientAddress;
		long now = System.nanoTime();
		this.subscribeLimiter = new MessageLimiter(properties.subscribesPerSecond(), properties.subscribeBurst(), now);
		this.pingLimiter = new MessageLimiter(properties.pingsPerSecond(), properties.pingBurst(), now);
		this.subscriptions = new Subscriptions(this, lots, properties.maxSubscriptions());
		this.codec = codec;
		this.lots = lots;
		this.metrics = metrics;
		this.closer = closer;
	}

	void attach(Outbox outbox) {
		this.outbox = outbox;
	}

	String id() {
		return this.socket.getId();
	}

	Long userId() {
		return this.userId;
	}

	String username() {
		return this.username;
	}

	boolean signedIn() {
		return this.userId != null;
	}

	boolean admin() {
		return this.admin;
	}

	/** The client's address as the handshake saw it, or {@code null} if unknown. */
	String clientAddress() {
		return this.clientAddress;
	}

	boolean watchingOps() {
		return this.watchingOps;
	}

	void watchOps(boolean on) {
		this.watchingOps = on;
	}

	Subscriptions subscriptions() {
		return this.subscriptions;
	}

	void rememberAlias(long lotId, String alias) {
		if (alias != null) {
			this.aliases.put(lotId, alias);
		}
	}

	String aliasOn(long lotId) {
		return this.aliases.get(lotId);
	}

	MessageLimiter.Verdict trySubscribe() {
		return this.subscribeLimiter.take(System.nanoTime());
	}

	MessageLimiter.Verdict tryPing() {
		return this.pingLimiter.take(System.nanoTime());
	}

	void touch() {
		this.lastSeenNanos = System.nanoTime();
	}

	long idleNanos(long now) {
		return now - this.lastSeenNanos;
	}

	void send(Frame frame) {
		this.outbox.offer(frame);
	}

	/** Starts a replay of a lot from {@code after}: what is queued for it goes, newer frames follow. */
	void resetLot(long lotId, long after) {
		this.outbox.purge(lotId);
		this.lastSent.put(lotId, after);
	}

	/** Forgets an unsubscribed lot: nothing more of it is sent. */
	void forgetLot(long lotId) {
		this.outbox.purge(lotId);
		this.lastSent.remove(lotId);
	}

	int queued() {
		return this.outbox.size();
	}

	String snapshotText(LotView view) {
		ServerMessage.You you = null;
		if (signedIn()) {
			String alias = this.aliases.get(view.id());
			you = new ServerMessage.You(alias, alias != null && alias.equals(view.leader()));
		}
		return this.codec.write(new ServerMessage.Snapshot("snapshot", view, you));
	}

	@Override
	public String render(Frame frame) {
		switch (frame.kind()) {
			case EVENT -> {
				if (!this.subscriptions.watches(frame.lotId()) || frame.sequence() <= sent(frame.lotId())) {
					return null;
				}
				this.lastSent.put(frame.lotId(), frame.sequence());
			}
			case SNAPSHOT_MARKER -> {
				LotView view = this.lots.latest(frame.lotId());
				if (!this.subscriptions.watches(frame.lotId()) || view == null
						|| view.sequence() <= sent(frame.lotId())) {
					return null;
				}
				this.lastSent.put(frame.lotId(), view.sequence());
				this.metrics.frameSent();
				return snapshotText(view);
			}
			case SNAPSHOT -> this.lastSent.merge(frame.lotId(), frame.sequence(), Math::max);
			case DIRECT -> {
			}
		}
		this.metrics.frameSent();
		return frame.text();
	}

	private long sent(long lotId) {
		return this.lastSent.getOrDefault(lotId, 0L);
	}

	@Override
	public void overflowed() {
		this.metrics.overflowed();
	}

	@Override
	public void failed(String why) {
		log.debug("Dropping socket {}: {}", id(), why);
		close(TOO_SLOW);
	}

	/**
	 * Closes the socket without ever blocking the caller (a close can wait on a slow peer): the
	 * container sends the close frame right after the frame in flight, if any, waiting up to the
	 * blocking send timeout (2 s) for the peer to take that one.
	 */
	void close(CloseStatus status) {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		try {
			this.closer.execute(() -> {
				try {
					this.socket.close(status);
				}
				catch (IOException | RuntimeException ex) {
					log.debug("Closing socket {} failed: {}", id(), ex.getMessage());
				}
			});
			this.deferredClose = null;
			this.metrics.closed(status.getCode());
		}
		catch (RejectedExecutionException ex) {
			this.deferredClose = status;
			this.closing.set(false);
		}
	}

	/** A close that could not be started yet, or {@code null}. */
	CloseStatus deferredClose() {
		return this.deferredClose;
	}

	/** The socket is gone: it watches nothing from now on, and nothing more is queued for it. */
	void closed() {
		this.closing.set(true);
		this.deferredClose = null;
		this.subscriptions.close();
		Outbox box = this.outbox;
		if (box != null) {
			box.close();
		}
	}

}
