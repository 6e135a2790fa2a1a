package com.gavel.live;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.LotView;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connected socket: who it is, what it watches, what it has been sent, and its outbox.
 */
final class LiveSession implements Outbox.Owner {

	private static final Logger log = LoggerFactory.getLogger(LiveSession.class);

	private final WebSocketSession socket;

	private final Long userId;

	private final String username;

	private final boolean admin;

	private volatile boolean watchingOps;

	private final Set<Long> subscriptions = ConcurrentHashMap.newKeySet();

	/** Per lot, the newest sequence this socket was sent: older events are skipped. */
	private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

	/** Per lot, this user's alias there ("Bidder 3"), once known. */
	private final Map<Long, String> aliases = new ConcurrentHashMap<>();

	private final MessageCodec codec;

	private final LongFunction<LotView> latestView;

	private final LiveMetrics metrics;

	private final Executor closer;

	private volatile Outbox outbox;

	private volatile long lastSeenNanos = System.nanoTime();

	private volatile boolean closing;

	LiveSession(WebSocketSession socket, Long userId, String username, boolean admin, MessageCodec codec,
			LongFunction<LotView> latestView, LiveMetrics metrics, Executor closer) {
		this.socket = socket;
		this.userId = userId;
		this.username = username;
		this.admin = admin;
		this.codec = codec;
		this.latestView = latestView;
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

	boolean watchingOps() {
		return this.watchingOps;
	}

	void watchOps(boolean on) {
		this.watchingOps = on;
	}

	Set<Long> subscriptions() {
		return this.subscriptions;
	}

	boolean subscribe(long lotId) {
		return this.subscriptions.add(lotId);
	}

	void unsubscribe(long lotId) {
		this.subscriptions.remove(lotId);
		this.lastSent.remove(lotId);
	}

	int subscriptionCount() {
		return this.subscriptions.size();
	}

	void rememberAlias(long lotId, String alias) {
		if (alias != null) {
			this.aliases.put(lotId, alias);
		}
	}

	String aliasOn(long lotId) {
		return this.aliases.get(lotId);
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
				if (!this.subscriptions.contains(frame.lotId()) || frame.sequence() <= sent(frame.lotId())) {
					return null;
				}
				this.lastSent.put(frame.lotId(), frame.sequence());
			}
			case SNAPSHOT_MARKER -> {
				LotView view = this.latestView.apply(frame.lotId());
				if (!this.subscriptions.contains(frame.lotId()) || view == null
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
		close(CloseStatus.POLICY_VIOLATION.withReason("too slow"));
	}

	/** Closes the socket without ever blocking the caller (a close can wait on a slow peer). */
	void close(CloseStatus status) {
		if (this.closing) {
			return;
		}
		this.closing = true;
		this.metrics.closed(status.getCode());
		this.closer.execute(() -> {
			try {
				this.socket.close(status);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing socket {} failed: {}", id(), ex.getMessage());
			}
		});
	}

	void closed() {
		this.closing = true;
		Outbox box = this.outbox;
		if (box != null) {
			box.close();
		}
	}

}
