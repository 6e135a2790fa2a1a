package com.gavel.live;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTests {

	/** A socket that takes frames only when the test completes their sends. */
	static final class ManualSocket implements RemoteEndpoint.Async {

		final List<String> sent = new ArrayList<>();

		final List<SendHandler> pending = new ArrayList<>();

		int concurrentMax;

		@Override
		public void sendText(String text, SendHandler handler) {
			this.sent.add(text);
			this.pending.add(handler);
			this.concurrentMax = Math.max(this.concurrentMax, this.pending.size());
		}

		void completeAll() {
			while (!this.pending.isEmpty()) {
				this.pending.remove(0).onResult(new SendResult());
			}
		}

		void failNext() {
			this.pending.remove(0).onResult(new SendResult(new java.io.IOException("gone")));
		}

		@Override
		public long getSendTimeout() {
			return 0;
		}

		@Override
		public void setSendTimeout(long timeout) {
		}

		@Override
		public Future<Void> sendText(String text) {
			throw new AssertionError("only the callback form is used");
		}

		@Override
		public Future<Void> sendBinary(ByteBuffer data) {
			throw new AssertionError();
		}

		@Override
		public void sendBinary(ByteBuffer data, SendHandler handler) {
			throw new AssertionError();
		}

		@Override
		public Future<Void> sendObject(Object data) {
			throw new AssertionError();
		}

		@Override
		public void sendObject(Object data, SendHandler handler) {
			throw new AssertionError();
		}

		@Override
		public void setBatchingAllowed(boolean batchingAllowed) {
		}

		@Override
		public boolean getBatchingAllowed() {
			return false;
		}

		@Override
		public void flushBatch() {
		}

		@Override
		public void sendPing(ByteBuffer applicationData) {
		}

		@Override
		public void sendPong(ByteBuffer applicationData) {
		}

	}

	static class RecordingOwner implements Outbox.Owner {

		int overflows;

		String failure;

		@Override
		public String render(Frame frame) {
			return frame.kind() == Frame.Kind.SNAPSHOT_MARKER ? "snapshot:" + frame.lotId() : frame.text();
		}

		@Override
		public void overflowed() {
			this.overflows++;
		}

		@Override
		public void failed(String why) {
			this.failure = why;
		}

	}

	private final ManualSocket socket = new ManualSocket();

	private final RecordingOwner owner = new RecordingOwner();

	private final Outbox outbox = new Outbox(this.socket, 4, Runnable::run, this.owner);

	@Test
	void sendsOneFrameAtATimeInOrder() {
		this.outbox.offer(Frame.direct("a"));
		this.outbox.offer(Frame.direct("b"));
		this.outbox.offer(Frame.direct("c"));
		assertThat(this.socket.sent).containsExactly("a");
		this.socket.completeAll();
		assertThat(this.socket.sent).containsExactly("a", "b", "c");
		assertThat(this.socket.concurrentMax).isEqualTo(1);
	}

	@Test
	void onOverflowTheQueuedEventsOfEachLotBecomeOneSnapshot() {
		this.outbox.offer(Frame.direct("hello"));
		// "hello" is in flight; the queue fills with events of lots 1 and 2.
		this.outbox.offer(Frame.event(1, 5, "e1-5", null));
		this.outbox.offer(Frame.event(2, 9, "e2-9", null));
		this.outbox.offer(Frame.event(1, 6, "e1-6", null));
		this.outbox.offer(Frame.direct("pong"));
		this.outbox.offer(Frame.event(1, 7, "e1-7", null));
		assertThat(this.owner.overflows).isEqualTo(1);
		assertThat(this.outbox.size()).isLessThanOrEqualTo(4);
		this.socket.completeAll();
		assertThat(this.socket.sent).containsExactly("hello", "pong", "snapshot:1", "snapshot:2", "e1-7");
	}

	@Test
	void aQueueThatCannotBeBoundedFailsTheSocketInsteadOfGrowing() {
		this.outbox.offer(Frame.direct("hello"));
		for (int i = 0; i < 10; i++) {
			this.outbox.offer(Frame.direct("pong" + i));
		}
		assertThat(this.owner.failure).contains("not reading");
		assertThat(this.outbox.size()).isLessThanOrEqualTo(5);
	}

	@Test
	void aFailedSendStopsTheOutbox() {
		this.outbox.offer(Frame.direct("a"));
		this.outbox.offer(Frame.direct("b"));
		this.socket.failNext();
		assertThat(this.owner.failure).contains("send failed");
		this.outbox.offer(Frame.direct("c"));
		assertThat(this.socket.sent).containsExactly("a");
	}

	@Test
	void purgingALotDropsItsQueuedEventsOnly() {
		this.outbox.offer(Frame.direct("hello"));
		this.outbox.offer(Frame.event(1, 1, "e1-1", null));
		this.outbox.offer(Frame.event(2, 1, "e2-1", null));
		this.outbox.offer(Frame.direct("pong"));
		this.outbox.purge(1);
		this.socket.completeAll();
		assertThat(this.socket.sent).containsExactly("hello", "e2-1", "pong");
	}

	@Test
	void aSocketWhoseQueueEmptiedGoesIdleWithoutAHandOffAndTheNextFrameGoesOutAtOnce() {
		List<Runnable> handOffs = new ArrayList<>();
		Outbox counted = new Outbox(this.socket, 4, handOffs::add, this.owner);

		counted.offer(Frame.direct("one"));
		this.socket.completeAll();
		assertThat(handOffs).as("nothing more to send, so no continuation").isEmpty();

		counted.offer(Frame.direct("two"));
		counted.offer(Frame.direct("three"));
		assertThat(this.socket.sent).containsExactly("one", "two");
		this.socket.completeAll();
		assertThat(handOffs).as("a queued frame continues on the executor").hasSize(1);
		handOffs.remove(0).run();
		assertThat(this.socket.sent).containsExactly("one", "two", "three");
		this.socket.completeAll();
		assertThat(handOffs).isEmpty();
	}

	@Test
	void aSocketThatFellBehindGetsItsQueuedEventsInOneBatchFrameInOrder() {
		this.outbox.offer(Frame.direct("hello"));
		this.outbox.offer(Frame.event(1, 1, "e1-1", null));
		this.outbox.offer(Frame.event(1, 2, "e1-2", null));
		this.outbox.offer(Frame.event(2, 1, "e2-1", null));
		this.socket.completeAll();
		assertThat(this.socket.sent).containsExactly("hello", "{\"type\":\"batch\",\"messages\":[e1-1,e1-2,e2-1]}");
		assertThat(this.socket.concurrentMax).isEqualTo(1);
	}

	@Test
	void aDirectMessageIsNeverBatchedAndKeepsItsPlaceBetweenTheEvents() {
		this.outbox.offer(Frame.direct("hello"));
		this.outbox.offer(Frame.event(1, 1, "e1-1", null));
		this.outbox.offer(Frame.event(1, 2, "e1-2", null));
		this.outbox.offer(Frame.direct("pong"));
		this.outbox.offer(Frame.event(1, 3, "e1-3", null));
		this.socket.completeAll();
		assertThat(this.socket.sent).containsExactly("hello", "{\"type\":\"batch\",\"messages\":[e1-1,e1-2]}",
				"pong", "e1-3");
	}

	@Test
	void eventsTheSocketNeedsNoLongerAreLeftOutAndOneLeftGoesAlone() {
		RecordingOwner skipsOld = new RecordingOwner() {

			@Override
			public String render(Frame frame) {
				return frame.text().startsWith("old") ? null : frame.text();
			}

		};
		Outbox outbox = new Outbox(this.socket, 8, Runnable::run, skipsOld);
		outbox.offer(Frame.direct("hello"));
		outbox.offer(Frame.event(1, 1, "old-1", null));
		outbox.offer(Frame.event(1, 2, "e1-2", null));
		outbox.offer(Frame.event(1, 3, "e1-3", null));
		outbox.offer(Frame.direct("pong"));
		outbox.offer(Frame.event(1, 4, "old-4", null));
		outbox.offer(Frame.event(1, 5, "e1-5", null));
		this.socket.completeAll();
		assertThat(this.socket.sent).containsExactly("hello", "{\"type\":\"batch\",\"messages\":[e1-2,e1-3]}",
				"pong", "e1-5");
	}

	@Test
	void aBatchCarriesAtMostItsLimitAndEveryEventIsAccountedFor() {
		List<Frame> frames = new ArrayList<>();
		Timer fanouts = new SimpleMeterRegistry().timer("fan-out");
		Outbox outbox = new Outbox(this.socket, 100, Runnable::run, this.owner);
		outbox.offer(Frame.direct("hello"));
		for (int i = 1; i <= Outbox.MAX_BATCH + 8; i++) {
			Frame frame = Frame.event(1, i, "e" + i, new FanoutTracker(System.nanoTime(), 1, fanouts));
			frames.add(frame);
			outbox.offer(frame);
		}
		this.socket.completeAll();
		assertThat(this.socket.sent).hasSize(3);
		assertThat(this.socket.sent.get(1)).startsWith("{\"type\":\"batch\",\"messages\":[e1,e2,")
			.endsWith(",e" + Outbox.MAX_BATCH + "]}");
		assertThat(this.socket.sent.get(2)).isEqualTo("{\"type\":\"batch\",\"messages\":[e" + (Outbox.MAX_BATCH + 1)
				+ ",e" + (Outbox.MAX_BATCH + 2) + ",e" + (Outbox.MAX_BATCH + 3) + ",e" + (Outbox.MAX_BATCH + 4) + ",e"
				+ (Outbox.MAX_BATCH + 5) + ",e" + (Outbox.MAX_BATCH + 6) + ",e" + (Outbox.MAX_BATCH + 7) + ",e"
				+ (Outbox.MAX_BATCH + 8) + "]}");
		assertThat(fanouts.count()).as("each event's delivery is counted once").isEqualTo(frames.size());
	}

}
