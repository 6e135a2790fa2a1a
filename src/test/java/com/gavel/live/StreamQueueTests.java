package com.gavel.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gavel.auction.LotView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One event stream's queue: order, no gaps, no repeats, a bound, and the cursor it sends as ids. */
class StreamQueueTests {

	@Test
	void eventsGoOutInOrderEachWithTheCursorAsItsId() {
		StreamQueue queue = queue(10);
		queue.follow(1, 4);
		queue.offer(event(1, 5));
		queue.offer(event(1, 6));
		assertThat(messages(queue)).containsExactly("id: 1:5\ndata: {\"seq\":5}\n\n", "id: 1:6\ndata: {\"seq\":6}\n\n");
		assertThat(queue.cursor()).isEqualTo("1:6");
	}

	@Test
	void anEventAlreadySentIsSkippedAndOneAfterAGapGoesOutAsASnapshotOfItsState() {
		StreamQueue queue = queue(10);
		queue.follow(1, 4);
		queue.offer(event(1, 4));
		queue.offer(event(1, 7));
		queue.offer(event(1, 6));
		queue.offer(event(1, 8));
		assertThat(messages(queue)).containsExactly("id: 1:7\ndata: snapshot 1@7\n\n", "id: 1:8\ndata: {\"seq\":8}\n\n");
	}

	@Test
	void whatCatchesTheStreamUpGoesBeforeWhatCameMeanwhile() {
		StreamQueue queue = queue(10);
		queue.follow(1, 2);
		queue.follow(2, 0);
		// Live events that came while the catch-up was read from the log...
		queue.offer(event(1, 4));
		queue.offer(event(2, 10));
		// ...and the catch-up itself: lot 1's missed events, lot 2's snapshot.
		queue.prepend(List.of(new StreamQueue.Direct("hello"), new StreamQueue.Event(1, 3, "{\"seq\":3}", null),
				new StreamQueue.Event(1, 4, "{\"seq\":4}", null), new StreamQueue.Snapshot(view(2, 9))));
		assertThat(messages(queue)).containsExactly("data: hello\n\n", "id: 1:3\ndata: {\"seq\":3}\n\n",
				"id: 1:4\ndata: {\"seq\":4}\n\n", "id: 1:4,2:9\ndata: snapshot 2@9\n\n",
				"id: 1:4,2:10\ndata: {\"seq\":10}\n\n");
	}

	@Test
	void aFullQueueCollapsesEachLotsEventsIntoOneSnapshotOfTheNewestState() {
		StreamQueue queue = queue(4);
		queue.follow(1, 0);
		queue.follow(2, 0);
		queue.offer(new StreamQueue.Direct("hello"));
		queue.offer(event(1, 1));
		queue.offer(event(2, 1));
		queue.offer(event(1, 2));
		assertThat(queue.offer(event(2, 2))).isTrue();
		assertThat(queue.size()).isEqualTo(4);
		assertThat(messages(queue)).containsExactly("data: hello\n\n", "id: 1:2\ndata: snapshot 1@2\n\n",
				"id: 1:2,2:1\ndata: snapshot 2@1\n\n", "id: 1:2,2:2\ndata: {\"seq\":2}\n\n");
	}

	@Test
	void aQueueFullOfMessagesThatCannotCollapseRefusesMore() {
		StreamQueue queue = queue(2);
		assertThat(queue.offer(new StreamQueue.Direct("a"))).isTrue();
		assertThat(queue.offer(new StreamQueue.Direct("b"))).isTrue();
		assertThat(queue.offer(new StreamQueue.Direct("c"))).isFalse();
	}

	@Test
	void aLotTheStreamDoesNotFollowIsNeverSent() {
		StreamQueue queue = queue(4);
		queue.offer(event(3, 1));
		queue.offer(new StreamQueue.Snapshot(view(3, 1)));
		assertThat(queue.next(1000)).isNull();
	}

	@Test
	void manyWaitingMessagesGoOutInOneWriteOfBoundedSize() {
		StreamQueue queue = queue(100);
		queue.follow(1, 0);
		for (int seq = 1; seq <= 50; seq++) {
			queue.offer(event(1, seq));
		}
		String first = queue.next(200);
		assertThat(first).startsWith("id: 1:1\n").contains("id: 1:2\n");
		assertThat(first.length()).isLessThan(200 + 40);
		assertThat(first).doesNotContain("id: 1:50\n");
	}

	@Test
	void cursorsAreReadStrictly() {
		assertThat(StreamCursor.parse("12:40, 13:7")).isEqualTo(Map.of(12L, 40L, 13L, 7L));
		assertThat(StreamCursor.parse("")).isEmpty();
		assertThat(StreamCursor.lots("3,1,3", 5)).containsExactly(3L, 1L);
		assertThat(StreamCursor.format(Map.of(1L, 0L, 2L, 9L))).isEqualTo("2:9");
		for (String bad : new String[] { "12", "12:", ":4", "a:1", "1:-1", "1:2;3:4", "1:99999999999999999999" }) {
			assertThatThrownBy(() -> StreamCursor.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> StreamCursor.lots("1,2,3", 2)).hasMessageContaining("at most 2");
		assertThatThrownBy(() -> StreamCursor.lots(" ", 2)).isInstanceOf(IllegalArgumentException.class);
	}

	private static StreamQueue queue(int capacity) {
		return new StreamQueue(capacity, (view) -> "snapshot " + view.id() + "@" + view.sequence());
	}

	private static StreamQueue.Event event(long lotId, long seq) {
		return new StreamQueue.Event(lotId, seq, "{\"seq\":" + seq + "}", view(lotId, seq));
	}

	private static LotView view(long lotId, long seq) {
		return new LotView(lotId, "Lot " + lotId, "open", "EUR", null, "10.00", null, 0, "none", null, Instant.EPOCH,
				Instant.EPOCH.plusSeconds(3600), Instant.EPOCH.plusSeconds(3600), 0, null, seq, null, null, null, false, null,
				null);
	}

	/** Every message waiting, one by one. */
	private static List<String> messages(StreamQueue queue) {
		List<String> out = new ArrayList<>();
		String next;
		while ((next = queue.next(1)) != null) {
			out.add(next);
		}
		return out;
	}

}
