package com.gavel.live;

import java.math.BigDecimal;
import java.util.List;

/** What a client may send, as parsed by {@link MessageCodec}. */
sealed interface ClientMessage {

	record LotCursor(long id, Long after) {
	}

	record Subscribe(List<LotCursor> lots) implements ClientMessage {
	}

	record Unsubscribe(List<Long> lots) implements ClientMessage {
	}

	record Bid(long lot, String requestId, boolean buyNow, BigDecimal amount, BigDecimal maximum)
			implements ClientMessage {
	}

	record Ping(long t) implements ClientMessage {
	}

	/** An admin asks for the live operations feed, or stops it. */
	record Ops(boolean on) implements ClientMessage {
	}

}
