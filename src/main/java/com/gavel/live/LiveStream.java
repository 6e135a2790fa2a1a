package com.gavel.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream. Writes never block: the response is in the Servlet's non-blocking mode,
 * so a stream writes only while its connection takes data and otherwise waits for the container
 * to say it can go on ({@link #onWritePossible}); meanwhile what comes for it waits in its bounded
 * {@link StreamQueue}. So a slow reader holds no thread and slows nobody down, and one that takes
 * nothing for {@code sendTimeout} is dropped by {@link LiveStreams#sweep()}.
 * <p>
 * One thread at a time writes (the one that set {@code draining}); the monitor guards the queue
 * and those flags but is never held while writing, as the container calls {@link #onWritePossible}
 * holding locks of its own.
 */
final class LiveStream implements WriteListener, AsyncListener {

	private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

	/** About how much one write carries when messages are waiting. */
	private static final int WRITE_CHARS = 16 * 1024;

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final StreamQueue queue;

	private final String address;

	private final List<Long> lots;

	private final Consumer<LiveStream> onClosed;

	/** The container called onWritePossible for the first time: the request's own thread is done with it. */
	private boolean started;

	private boolean draining;

	/** A wake-up that came while another thread was writing: that thread looks again. */
	private boolean again;

	/** When the connection stopped taking data (System.nanoTime), 0 while it takes it. */
	private long blockedSince;

	private boolean closed;

	private final AtomicBoolean gone = new AtomicBoolean();

	LiveStream(AsyncContext async, ServletOutputStream out, StreamQueue queue, String address, List<Long> lots,
			Consumer<LiveStream> onClosed) {
		this.async = async;
		this.out = out;
		this.queue = queue;
		this.address = address;
		this.lots = lots;
		this.onClosed = onClosed;
	}

	String address() {
		return this.address;
	}

	List<Long> lots() {
		return this.lots;
	}

	/** The stream follows the lot from {@code after}, 0 for a snapshot first ({@link StreamQueue#follow}). */
	synchronized void follow(long lotId, long after) {
		this.queue.follow(lotId, after);
	}

	/** Queues a message; a stream whose queue stays full is closed. */
	void offer(StreamQueue.Item item) {
		boolean accepted;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			accepted = this.queue.offer(item);
		}
		if (!accepted) {
			log.debug("Closing the event stream of {}: not reading its messages", this.address);
			close();
			return;
		}
		drain();
	}

	/** Queues a heartbeat when nothing else is waiting; {@code false} when the stream is stuck and should go. */
	boolean heartbeat(String text, long now, long sendTimeoutNanos) {
		synchronized (this) {
			if (this.closed) {
				return true;
			}
			if (this.blockedSince != 0 && now - this.blockedSince > sendTimeoutNanos) {
				return false;
			}
			if (!this.queue.isEmpty()) {
				return true;
			}
		}
		offer(new StreamQueue.Direct(text));
		return true;
	}

	/**
	 * Starts writing: the messages that catch the stream up go first, then what came meanwhile.
	 * Called once, on the request's thread, after the stream was registered for its lots.
	 */
	void start(List<StreamQueue.Item> first) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.queue.prepend(first);
		}
		this.async.addListener(this);
		// The container calls onWritePossible once this request's thread (and every filter on
		// its way out) is done with it; until then nothing writes, whoever offers.
		this.out.setWriteListener(this);
	}

	@Override
	public void onWritePossible() {
		synchronized (this) {
			this.started = true;
		}
		drain();
	}

	private void drain() {
		synchronized (this) {
			if (!this.started || this.closed) {
				return;
			}
			if (this.draining) {
				this.again = true;
				return;
			}
			this.draining = true;
			this.again = false;
		}
		try {
			while (true) {
				boolean blocked = false;
				while (true) {
					if (!this.out.isReady()) {
						blocked = true;
						break;
					}
					String text;
					synchronized (this) {
						text = this.closed ? null : this.queue.next(WRITE_CHARS);
					}
					if (text == null) {
						// All written: push what the response buffer still holds. Non-blocking, like
						// every write here: the connection takes what it can, the rest goes later.
						this.out.flush();
						blocked = !this.out.isReady();
						break;
					}
					this.out.write(text.getBytes(StandardCharsets.UTF_8));
				}
				synchronized (this) {
					if (blocked && this.blockedSince == 0) {
						this.blockedSince = System.nanoTime();
					}
					else if (!blocked) {
						this.blockedSince = 0;
					}
					if (!this.again || this.closed) {
						// Blocked: the container calls onWritePossible when the connection takes data again.
						this.draining = false;
						return;
					}
					this.again = false;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Writing to the event stream of {} failed: {}", this.address, ex.getMessage());
			synchronized (this) {
				this.draining = false;
			}
			close();
		}
	}

	/** Ends the stream (the client reconnects with its cursor); safe to call from any thread, any number of times. */
	void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		gone();
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// the container already completed it
		}
	}

	@Override
	public void onError(Throwable failure) {
		log.debug("The event stream of {} failed: {}", this.address, failure.getMessage());
		close();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		synchronized (this) {
			this.closed = true;
		}
		gone();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		close();
	}

	@Override
	public void onError(AsyncEvent event) {
		close();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	private void gone() {
		if (this.gone.compareAndSet(false, true)) {
			this.onClosed.accept(this);
		}
	}

}
