package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How long a decision that ends bidding waits for the bids that arrived before it on other nodes.
 * <p>
 * On one node the lot's writer decides every change in the order it arrived, so a bid that
 * arrived before a lot's end, or before the clerk's hammer, is decided before it. Nodes that share
 * a database take each lot's turn in whatever order they reach its lock, so a bid stamped on node
 * B a few milliseconds before the end may reach the lot after node A closed it. So in cluster mode
 * a timed lot closes only once {@code gavel.auction.cluster-settle} has passed since its end, and
 * the hammer sells only once it has passed since the clerk's call: by then every bid that arrived
 * earlier has been decided, by its own arrival time. Bids that arrive later are refused by their
 * stamp meanwhile, so the wait lets nothing late in. On the embedded database the window is zero.
 */
@Component
class SettleWindow {

	private static final Logger log = LoggerFactory.getLogger(SettleWindow.class);

	private final Duration length;

	@Autowired
	SettleWindow(AuctionProperties properties, ClusterLotLocks cluster) {
		this(cluster.shared() ? properties.clusterSettle() : Duration.ZERO);
		if (cluster.shared()) {
			log.info("Lots close, and hammers fall, {} ms after their time, for bids that reached other nodes first",
					this.length.toMillis());
		}
	}

	/** A window of {@code length}, for a scheduler built without Spring. */
	SettleWindow(Duration length) {
		this.length = length;
	}

	Duration length() {
		return this.length;
	}

	boolean none() {
		return this.length.isZero();
	}

	/** Whether a lot that ends at {@code endsAt} may be closed at {@code now}. */
	boolean over(Instant endsAt, Instant now) {
		return !now.isBefore(endsAt.plus(this.length));
	}

	/** The latest end of a lot that may be closed at {@code now}. */
	Instant endedBy(Instant now) {
		return now.minus(this.length);
	}

	/**
	 * When a hammer called at {@code calledAt} counts as left behind by its node, so that any
	 * node settles it: twice the window, as the clerk's own request settles it after one.
	 */
	Instant hammerLeftBy(Instant calledAt) {
		return calledAt.plus(this.length.multipliedBy(2));
	}

	/** The latest call of a hammer left behind at {@code now} (see {@link #hammerLeftBy}). */
	Instant hammersLeftBefore(Instant now) {
		return now.minus(this.length.multipliedBy(2));
	}

	/**
	 * Waits out the window in the caller's thread, in real time: what it waits for are other
	 * nodes' deciding, whatever the house's clock says. An interrupt does not cut it short (the
	 * hammer must not sell early), it is kept for the caller.
	 */
	void await() {
		long until = System.nanoTime() + this.length.toNanos();
		boolean interrupted = false;
		for (long left = this.length.toNanos(); left > 0; left = until - System.nanoTime()) {
			try {
				TimeUnit.NANOSECONDS.sleep(left);
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
