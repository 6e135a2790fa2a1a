package com.gavel.live;

import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.auction.AuctionEvent;
import com.gavel.auction.EventBidders;
import com.gavel.auction.LotEventType;
import com.gavel.watchlist.WatchlistChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a user's own sockets on this node about lots that just became theirs to follow, so a
 * page listing them (My bids, the watchlist) can add the lot without a reload:
 * <ul>
 * <li>{@code your-bid} when a bid of theirs was accepted, however it was made (socket, REST, the
 * floor): every node publishes every committed event, so each node tells its own sockets;</li>
 * <li>{@code watchlist} when they put a lot on their watchlist or took it off: on the node where
 * that happened after its commit, and on the other nodes of a house when the cluster relay
 * brings the change round.</li>
 * </ul>
 * Whose bid an event announced is read on the notice thread ({@link LiveExecutors#notices}),
 * never on the lot's writer or fan-out threads. A notice that finds that thread too far behind is
 * dropped: it only saves a reload, and the pages catch up when their socket says hello again.
 */
@Component
class UserNotices {

	private static final Logger log = LoggerFactory.getLogger(UserNotices.class);

	private final SessionRegistry registry;

	private final EventBidders bidders;

	private final MessageCodec codec;

	private final LiveExecutors executors;

	UserNotices(SessionRegistry registry, EventBidders bidders, MessageCodec codec, LiveExecutors executors) {
		this.registry = registry;
		this.bidders = bidders;
		this.codec = codec;
		this.executors = executors;
	}

	@EventListener
	void on(AuctionEvent event) {
		if (event.type() != LotEventType.BID || !this.registry.anyUsers()) {
			return;
		}
		try {
			this.executors.notices().execute(() -> yourBid(event));
		}
		catch (RejectedExecutionException ex) {
			log.debug("No room to tell the bidder of event {} of lot {} about it", event.sequence(), event.lotId());
		}
	}

	/** After the change's commit; without a transaction when another node relays its change. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(WatchlistChanged change) {
		send(change.userId(), new ServerMessage.Watchlist("watchlist", change.lotId(), change.watching()));
	}

	private void yourBid(AuctionEvent event) {
		try {
			this.bidders.of(event)
				.ifPresent((user) -> send(user,
						new ServerMessage.YourBid("your-bid", event.lotId(), event.sequence())));
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell the bidder of event {} of lot {} about it", event.sequence(), event.lotId(), ex);
		}
	}

	private void send(long userId, Object message) {
		if (this.registry.ofUser(userId).isEmpty()) {
			return;
		}
		String text = this.codec.write(message);
		for (LiveSession session : this.registry.ofUser(userId)) {
			session.send(Frame.direct(text));
		}
	}

}
