package com.gavel.live;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.gavel.auction.LotView;
import com.gavel.auction.Receipt;

/** What the server sends, serialized by {@link MessageCodec}. Events are sent as stored. */
final class ServerMessage {

	private ServerMessage() {
	}

	record Hello(String type, String protocol, String user, boolean canBid, long serverTime) {
	}

	record You(String alias, boolean leading) {
	}

	record Snapshot(String type, LotView lot, You you) {
	}

	/**
	 * @param arrivedAt when the bid reached the server, the time it was judged by
	 * @param receipt an accepted bid's receipt (docs/ledger.md)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record BidResult(String type, String requestId, long lot, boolean accepted, Boolean leading, String price,
			String alias, Long sequence, Instant arrivedAt, String reason, String message, String ask,
			Receipt receipt) {
	}

	record Outbid(String type, long lot, long seq, String price, String leader) {
	}

	/** To the bidder's own sockets: a bid of theirs was accepted on the lot, announced by event {@code seq}. */
	record YourBid(String type, long lot, long seq) {
	}

	/** To the user's own sockets: the lot was added to ({@code watching}) or taken off their watchlist. */
	record Watchlist(String type, long lot, boolean watching) {
	}

	record Pong(String type, long t, long serverTime) {
	}

	record Error(String type, String code, String message) {
	}

}
