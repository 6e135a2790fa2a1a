package com.gavel.live;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.gavel.account.AccountService;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;

/**
 * Closes sockets that went quiet, that belong to a user just banned, and all of them (with 1001,
 * so clients reconnect) when the server shuts down, before the web server stops. Retries closes
 * the close threads had no room for.
 */
@Component
class LiveHousekeeping implements SmartLifecycle {

	static final CloseStatus IDLE = CloseStatus.NORMAL.withReason("idle");

	static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("server restarting");

	private final SessionRegistry registry;

	private final WatchedLots lots;

	private final LiveMetrics metrics;

	private final long idleNanos;

	private volatile boolean running;

	LiveHousekeeping(SessionRegistry registry, WatchedLots lots, LiveMetrics metrics, LiveProperties properties) {
		this.registry = registry;
		this.lots = lots;
		this.metrics = metrics;
		this.idleNanos = properties.idleTimeout().toNanos();
	}

	@Scheduled(fixedDelayString = "${gavel.live.housekeeping-interval:5s}")
	void sweep() {
		long now = System.nanoTime();
		for (LiveSession session : this.registry.all()) {
			CloseStatus deferred = session.deferredClose();
			if (deferred != null) {
				session.close(deferred);
			}
			else if (session.idleNanos(now) > this.idleNanos) {
				session.close(IDLE);
			}
		}
		this.metrics.refreshWatchers(this.lots.watcherCounts());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountService.BanChanged change) {
		if (change.banned()) {
			for (LiveSession session : List.copyOf(this.registry.ofUser(change.userId()))) {
				session.close(CloseStatus.POLICY_VIOLATION.withReason("banned"));
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		for (LiveSession session : List.copyOf(this.registry.all())) {
			session.close(GOING_AWAY);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
		while (this.registry.count() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops first, while the web server can still send the close frames. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
