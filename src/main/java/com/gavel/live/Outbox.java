package com.gavel.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;

/**
 * A socket's outgoing queue. Exactly one frame is in flight at a time (so no two threads ever
 * write to one socket), sends are asynchronous (so no thread ever waits on a socket), and the
 * queue is bounded: on overflow the queued events of each lot are replaced by one snapshot.
 * <p>
 * A socket that fell behind (events queued while a frame was in flight) gets its queued events
 * in one {@code batch} frame, in order, instead of one frame each: one write for the lot of them
 * lets it catch up before its queue overflows and it is sent a snapshot.
 */
final class Outbox {

	/** What the owner tells the outbox about its frames and failures. */
	interface Owner {

		/** The text to send for the frame now, or {@code null} to skip it. */
		String render(Frame frame);

		void overflowed();

		/** The socket could not take a frame in time, the queue cannot be bounded, or sending cannot go on. */
		void failed(String why);

	}

	private final RemoteEndpoint.Async remote;

	private final int capacity;

	private final Executor executor;

	private final Owner owner;

	/** The most events one {@code batch} frame carries. */
	static final int MAX_BATCH = 32;

	private final ArrayDeque<Frame> queue = new ArrayDeque<>();

	private boolean sending;

	private boolean closed;

	Outbox(RemoteEndpoint.Async remote, int capacity, Executor executor, Owner owner) {
		this.remote = remote;
		this.capacity = capacity;
		this.executor = executor;
		this.owner = owner;
	}

	void offer(Frame frame) {
		boolean overflowed = false;
		boolean unbounded = false;
		synchronized (this) {
			if (this.closed) {
				frame.finished();
				return;
			}
			if (this.queue.size() >= this.capacity) {
				collapse();
				overflowed = true;
				unbounded = this.queue.size() >= this.capacity;
			}
			if (unbounded) {
				// Only direct answers are left and still too many: the peer sends but never reads.
				this.closed = true;
				this.queue.forEach(Frame::finished);
				this.queue.clear();
				frame.finished();
				frame = null;
			}
			else {
				this.queue.add(frame);
			}
			if (this.sending || unbounded) {
				frame = null;
			}
			else {
				this.sending = true;
			}
		}
		if (overflowed) {
			this.owner.overflowed();
		}
		if (unbounded) {
			this.owner.failed("not reading its messages");
			return;
		}
		if (frame != null) {
			sendNext();
		}
	}

	/** Drops queued frames of a lot, e.g. before replaying it from a known sequence. */
	synchronized void purge(long lotId) {
		Iterator<Frame> it = this.queue.iterator();
		while (it.hasNext()) {
			Frame f = it.next();
			if (f.lotId() == lotId && f.kind() != Frame.Kind.DIRECT) {
				it.remove();
				f.finished();
			}
		}
	}

	synchronized int size() {
		return this.queue.size();
	}

	void close() {
		synchronized (this) {
			this.closed = true;
			this.queue.forEach(Frame::finished);
			this.queue.clear();
		}
	}

	/** Replaces every queued event by one snapshot marker per lot. */
	private void collapse() {
		Set<Long> lots = new HashSet<>();
		Set<Long> marked = new HashSet<>();
		Iterator<Frame> it = this.queue.iterator();
		while (it.hasNext()) {
			Frame f = it.next();
			if (f.kind() == Frame.Kind.EVENT) {
				lots.add(f.lotId());
				it.remove();
				f.finished();
			}
			else if (f.kind() == Frame.Kind.SNAPSHOT_MARKER) {
				marked.add(f.lotId());
			}
		}
		for (long lotId : lots) {
			if (!marked.contains(lotId)) {
				this.queue.add(Frame.snapshotMarker(lotId));
			}
		}
	}

	private void sendNext() {
		while (true) {
			List<Frame> frames;
			synchronized (this) {
				frames = this.closed ? List.of() : next();
				if (frames.isEmpty()) {
					this.sending = false;
					return;
				}
			}
			String text = render(frames);
			if (text == null) {
				frames.forEach(Frame::finished);
				continue;
			}
			try {
				this.remote.sendText(text, (result) -> sent(frames, result));
			}
			catch (RuntimeException ex) {
				frames.forEach(Frame::finished);
				stopSending();
				this.owner.failed("send failed: " + ex.getMessage());
			}
			return;
		}
	}

	/** The next frame, or the run of events at the head of the queue (at most {@link #MAX_BATCH}). */
	private List<Frame> next() {
		Frame first = this.queue.poll();
		if (first == null) {
			return List.of();
		}
		if (first.kind() != Frame.Kind.EVENT || this.queue.isEmpty()
				|| this.queue.peek().kind() != Frame.Kind.EVENT) {
			return List.of(first);
		}
		List<Frame> run = new ArrayList<>();
		run.add(first);
		while (run.size() < MAX_BATCH && !this.queue.isEmpty() && this.queue.peek().kind() == Frame.Kind.EVENT) {
			run.add(this.queue.poll());
		}
		return run;
	}

	/** The text to send for these frames: one message, a batch of several, or null for none. */
	private String render(List<Frame> frames) {
		if (frames.size() == 1) {
			return this.owner.render(frames.get(0));
		}
		List<String> texts = new ArrayList<>(frames.size());
		for (Frame frame : frames) {
			String text = this.owner.render(frame);
			if (text != null) {
				texts.add(text);
			}
		}
		return switch (texts.size()) {
			case 0 -> null;
			case 1 -> texts.get(0);
			default -> MessageCodec.batchFrame(texts);
		};
	}

	private void sent(List<Frame> frames, SendResult result) {
		frames.forEach(Frame::finished);
		if (!result.isOK()) {
			stopSending();
			this.owner.failed("send failed: " + result.getException());
			return;
		}
		synchronized (this) {
			if (this.closed || this.queue.isEmpty()) {
				// Nothing more to send: the socket is idle again without a hand-off, which is the
				// usual case for a watcher (one frame, then quiet until the next event).
				this.sending = false;
				return;
			}
		}
		// Continue on our own executor: the container may call us back on the thread that sent,
		// and the next send must not grow that thread's stack.
		try {
			this.executor.execute(this::sendNext);
		}
		catch (RejectedExecutionException ex) {
			// Each socket queues at most one continuation and the queue has room for every socket
			// the node admits, so this means the server is overloaded or stopping: the client is
			// told to come back (and resync) rather than left waiting on frames that never come.
			stopSending();
			this.owner.failed("no thread to continue sending");
		}
	}

	private synchronized void stopSending() {
		this.sending = false;
		this.closed = true;
	}

}
