package com.gavel.live;

/**
 * One item of a socket's outgoing queue.
 *
 * <ul>
 * <li>an event of a lot: may be dropped and replaced by a snapshot when the queue overflows, and
 * is skipped when the socket already has a newer state of that lot;</li>
 * <li>a snapshot marker: the lot's latest state, rendered when the socket can take it;</li>
 * <li>a direct message (hello, bid-result, pong...): always sent.</li>
 * </ul>
 */
record Frame(Kind kind, long lotId, long sequence, String text, FanoutTracker tracker) {

	enum Kind {

		EVENT, SNAPSHOT_MARKER, SNAPSHOT, DIRECT

	}

	static Frame event(long lotId, long sequence, String text, FanoutTracker tracker) {
		return new Frame(Kind.EVENT, lotId, sequence, text, tracker);
	}

	static Frame snapshotMarker(long lotId) {
		return new Frame(Kind.SNAPSHOT_MARKER, lotId, 0, null, null);
	}

	static Frame snapshot(long lotId, long sequence, String text) {
		return new Frame(Kind.SNAPSHOT, lotId, sequence, text, null);
	}

	static Frame direct(String text) {
		return new Frame(Kind.DIRECT, 0, 0, text, null);
	}

	/** Called once whatever became of the frame: sent, skipped or dropped. */
	void finished() {
		if (this.tracker != null) {
			this.tracker.delivered();
		}
	}

}
