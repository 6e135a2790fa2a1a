package com.gavel.live;

import java.util.List;

/** What a client may send, as parsed by {@link MessageCodec}. */
sealed interface ClientMessage {

	record LotCursor(long id, Long after) {
	}

	record Subscribe(List<LotCursor> lots) implements ClientMessage {
	}

	record Unsubscribe(List<Long> lots) implements ClientMessage {
	}

	/** A bid; its request id and amounts are checked by the bid intake, as for REST. */
	record Bid(long lot, String requestId, boolean buyNow, String amount, String maximum) implements ClientMessage {
	}

	record Ping(long t) implements ClientMessage {
	}

	/** An admin asks for the live operations feed, or stops it. */
	record Ops(boolean on) implements ClientMessage {
	}

}
