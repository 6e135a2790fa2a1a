package com.gavel.live;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.gavel.auction.LotView;

/**
 * What one event stream has waiting, and how far it got with each lot. Bounded: when full, the
 * queued live events of each lot are replaced by one snapshot of the newest state they carried
 * (the sequence numbers make that safe), and when that frees nothing the stream must close.
 * <p>
 * Each lot's messages go out in sequence order with no gap: an event older than what the stream
 * was sent is skipped, and an event that would leave a gap goes out as a snapshot of the state it
 * carries. Every lot message carries the stream's cursor as its SSE {@code id}
 * ({@link StreamCursor}). Not thread-safe: its {@link LiveStream} guards it.
 */
final class StreamQueue {

	sealed interface Item {

	}

	/**
	 * A lot's event as stored; {@code view} is the lot's state after it, {@code null} for events
	 * read back from the log to catch a stream up (those come in order from its cursor).
	 */
	record Event(long lotId, long sequence, String text, LotView view) implements Item {

	}

	/** A lot's state as a {@code snapshot} message. */
	record Snapshot(LotView view) implements Item {

	}

	/** A message that is always sent: hello, error, heartbeat. */
	record Direct(String text) implements Item {

	}

	private final ArrayDeque<Item> items = new ArrayDeque<>();

	/** Per lot followed, the newest sequence the stream was sent (0: nothing yet). */
	private final Map<Long, Long> sent = new TreeMap<>();

	private final int capacity;

	private final Function<LotView, String> snapshotText;

	StreamQueue(int capacity, Function<LotView, String> snapshotText) {
		this.capacity = capacity;
		this.snapshotText = snapshotText;
	}

	/** The stream follows the lot from {@code after} (0: it is sent a snapshot first). */
	void follow(long lotId, long after) {
		this.sent.put(lotId, after);
	}

	/** Puts the messages that catch the stream up ahead of everything queued. */
	void prepend(List<Item> first) {
		for (int i = first.size() - 1; i >= 0; i--) {
			this.items.addFirst(first.get(i));
		}
	}

	/** Queues the item; {@code false} when the queue is full even after collapsing. */
	boolean offer(Item item) {
		if (this.items.size() >= this.capacity) {
			collapse();
			if (this.items.size() >= this.capacity) {
				return false;
			}
		}
		this.items.add(item);
		return true;
	}

	boolean isEmpty() {
		return this.items.isEmpty();
	}

	int size() {
		return this.items.size();
	}

	/** The next messages as SSE text, up to about {@code maxChars}, or {@code null} when none is left. */
	String next(int maxChars) {
		StringBuilder text = null;
		while (!this.items.isEmpty() && (text == null || text.length() < maxChars)) {
			String message = render(this.items.poll());
			if (message != null) {
				if (text == null) {
					text = new StringBuilder(message.length() + 64);
				}
				text.append(message);
			}
		}
		return (text != null) ? text.toString() : null;
	}

	/** The cursor as the stream got it so far. */
	String cursor() {
		return StreamCursor.format(this.sent);
	}

	private String render(Item item) {
		if (item instanceof Direct direct) {
			return data(null, direct.text());
		}
		if (item instanceof Snapshot snapshot) {
			return snapshot(snapshot.view());
		}
		Event event = (Event) item;
		Long last = this.sent.get(event.lotId());
		if (last == null || event.sequence() <= last) {
			return null;
		}
		if (event.sequence() > last + 1 && event.view() != null) {
			// Something in between did not reach this stream: the state the event carries covers it.
			return snapshot(event.view());
		}
		this.sent.put(event.lotId(), event.sequence());
		return data(cursor(), event.text());
	}

	private String snapshot(LotView view) {
		Long last = this.sent.get(view.id());
		if (last == null || view.sequence() <= last) {
			return null;
		}
		this.sent.put(view.id(), view.sequence());
		return data(cursor(), this.snapshotText.apply(view));
	}

	/** One SSE message: a JSON text never holds a line break, so it is one {@code data} line. */
	private static String data(String id, String json) {
		return (id != null && !id.isEmpty()) ? "id: " + id + "\ndata: " + json + "\n\n" : "data: " + json + "\n\n";
	}

	/** Replaces every queued live event by one snapshot of the newest state per lot. */
	private void collapse() {
		Map<Long, LotView> newest = new LinkedHashMap<>();
		Iterator<Item> it = this.items.iterator();
		while (it.hasNext()) {
			Item item = it.next();
			if (item instanceof Event event && event.view() != null) {
				newest.merge(event.lotId(), event.view(), (a, b) -> (b.sequence() > a.sequence()) ? b : a);
				it.remove();
			}
			else if (item instanceof Snapshot snapshot) {
				newest.merge(snapshot.view().id(), snapshot.view(), (a, b) -> (b.sequence() > a.sequence()) ? b : a);
				it.remove();
			}
		}
		newest.values().forEach((view) -> this.items.add(new Snapshot(view)));
	}

}
