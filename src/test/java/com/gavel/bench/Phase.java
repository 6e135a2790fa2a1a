package com.gavel.bench;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.HdrHistogram.ConcurrentHistogram;

/** What one scenario measures, fed by its sockets. Latencies are recorded in microseconds. */
final class Phase implements Conn.Sink {

	/** The newest known state of a lot, as watchers see it: what to bid next. */
	static final class LotTrack {

		final long id;

		private long seq = -1;

		private String ask;

		private BigDecimal increment = BigDecimal.ONE;

		private BigDecimal lastSent;

		LotTrack(long id) {
			this.id = id;
		}

		synchronized void update(long seq, String text) {
			if (seq <= this.seq) {
				return;
			}
			int lot = text.indexOf("\"lot\":{");
			if (lot < 0) {
				return;
			}
			this.seq = seq;
			this.ask = Conn.stringField(text, "\"ask\":\"", lot);
			String price = Conn.stringField(text, "\"price\":\"", lot);
			// The increment from one event's ask and price: an ask from a later answer and a price
			// from an earlier event would make it grow with every bid, and the amounts explode.
			this.increment = price == null || this.ask == null ? BigDecimal.ONE
					: new BigDecimal(this.ask).subtract(new BigDecimal(price));
		}

		synchronized void ask(String ask) {
			if (ask != null && (this.ask == null || new BigDecimal(ask).compareTo(new BigDecimal(this.ask)) > 0)) {
				this.ask = ask;
			}
		}

		synchronized long seq() {
			return this.seq;
		}

		/**
		 * The next amount to bid: at least the ask, and two increments above the last amount this
		 * load generator sent on the lot, so bids in flight at the same time do not undercut each other.
		 */
		synchronized String nextAmount() {
			if (this.ask == null) {
				return null;
			}
			BigDecimal ask = new BigDecimal(this.ask);
			BigDecimal next = this.lastSent == null ? ask
					: this.lastSent.add(this.increment.multiply(BigDecimal.valueOf(2))).max(ask);
			this.lastSent = next;
			return next.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
		}

	}

	final String name;

	final ConcurrentHistogram fanout = new ConcurrentHistogram(3);

	final ConcurrentHistogram endToEnd = new ConcurrentHistogram(3);

	final ConcurrentHistogram ack = new ConcurrentHistogram(3);

	final Map<Long, LotTrack> lots = new ConcurrentHashMap<>();

	/** Intended send time (µs) of each bid by request id, until its answer comes. */
	final Map<String, Long> pending = new ConcurrentHashMap<>();

	/** Send time (µs) of each bid by lot and amount: the amount identifies the bid in the events. */
	final Map<String, Long> sentByAmount = new ConcurrentHashMap<>();

	final LongAdder accepted = new LongAdder();

	final LongAdder rejected = new LongAdder();

	final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();

	final LongAdder disconnects = new LongAdder();

	final LongAdder snapshots = new LongAdder();

	final LongAdder events = new LongAdder();

	final AtomicLong eventBytes = new AtomicLong();

	volatile boolean recording;

	/** For closed-loop bidding: called with the bidder whose answer just came. */
	volatile Consumer<Conn> onAnswer;

	Phase(String name) {
		this.name = name;
	}

	LotTrack track(long lotId) {
		return this.lots.computeIfAbsent(lotId, LotTrack::new);
	}

	@Override
	public void event(Conn conn, long lotId, long seq, long atMicros, String amount, String text, long now) {
		LotTrack track = this.lots.get(lotId);
		if (track != null) {
			track.update(seq, text);
		}
		if (conn.lotId != lotId) {
			return;
		}
		if (seq > conn.lastSeq) {
			conn.lastSeq = seq;
			conn.lastAdvanceMicros = now;
		}
		if (!this.recording) {
			return;
		}
		this.events.increment();
		this.eventBytes.addAndGet(text.length());
		if (atMicros > 0) {
			this.fanout.recordValue(Math.max(0, now - atMicros));
		}
		if (amount != null) {
			Long sent = this.sentByAmount.get(lotId + ":" + amount);
			if (sent != null) {
				this.endToEnd.recordValue(Math.max(0, now - sent));
			}
		}
	}

	@Override
	public void snapshot(Conn conn, long lotId, long seq, String text, long now) {
		LotTrack track = this.lots.get(lotId);
		if (track != null) {
			track.update(seq, text);
		}
		if (conn.lotId == lotId && seq > conn.lastSeq) {
			conn.lastSeq = seq;
			conn.lastAdvanceMicros = now;
		}
		if (this.recording) {
			this.snapshots.increment();
		}
	}

	@Override
	public void bidResult(Conn conn, String requestId, boolean accepted, long seq, String text, long now) {
		Long sent = requestId == null ? null : this.pending.remove(requestId);
		if (sent != null) {
			this.ack.recordValue(Math.max(0, now - sent));
			if (accepted) {
				this.accepted.increment();
			}
			else {
				this.rejected.increment();
				String reason = Conn.stringField(text, "\"reason\":\"", 0);
				this.reasons.computeIfAbsent(String.valueOf(reason), (r) -> new LongAdder()).increment();
				long lot = Conn.longField(text, "\"lot\":", 0);
				LotTrack track = this.lots.get(lot);
				if (track != null) {
					track.ask(Conn.stringField(text, "\"ask\":\"", 0));
				}
			}
		}
		Consumer<Conn> next = this.onAnswer;
		if (next != null) {
			next.accept(conn);
		}
	}

	@Override
	public void closed(Conn conn, int code) {
		if (!conn.closedByUs) {
			this.disconnects.increment();
		}
	}

}
