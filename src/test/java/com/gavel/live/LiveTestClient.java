package com.gavel.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) speaking gavel.v1, for tests. It records every message and
 * the close code, and can stop reading to play a slow consumer.
 */
final class LiveTestClient implements WebSocket.Listener, AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();

	private final AtomicInteger batches = new AtomicInteger();

	private final List<JsonNode> seen = new ArrayList<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private volatile String closeReason;

	private final AtomicBoolean reading = new AtomicBoolean(true);

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	private LiveTestClient() {
	}

	static LiveTestClient connect(int port, String username, String password) {
		return connect(port, username, password, (String) null);
	}

	static LiveTestClient connect(int port, String username, String password, String origin) {
		try {
			return connectAsync(port, username, password, origin).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not connect: " + ex, ex);
		}
	}

	static CompletableFuture<LiveTestClient> connectAsync(int port, String username, String password,
			String origin) {
		return connectAsync(port, username, password, origin, Map.of());
	}

	/** Connects with extra handshake headers. */
	static LiveTestClient connect(int port, String username, String password, Map<String, String> headers) {
		try {
			return connectAsync(port, username, password, null, headers).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not connect: " + ex, ex);
		}
	}

	static CompletableFuture<LiveTestClient> connectAsync(int port, String username, String password, String origin,
			Map<String, String> headers) {
		LiveTestClient client = new LiveTestClient();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.subprotocols("gavel.v1");
		if (username != null) {
			String token = Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + token);
		}
		if (origin != null) {
			builder.header("Origin", origin);
		}
		headers.forEach(builder::header);
		return builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), client).thenApply((ws) -> {
			client.socket = ws;
			return client;
		});
	}

	String subprotocol() {
		return this.socket.getSubprotocol();
	}

	void send(String text) {
		this.socket.sendText(text, true).join();
	}

	void send(Object message) {
		send(JSON.writeValueAsString(message));
	}

	void sendBinary(byte[] bytes) {
		this.socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
	}

	/** Stops asking for more frames: the server's writes back up as with a stalled reader. */
	void stopReading() {
		this.reading.set(false);
	}

	void resumeReading() {
		this.reading.set(true);
		this.socket.request(1);
	}

	/** The next message of the given type that matches, waiting at most {@code timeout}. */
	JsonNode await(String type, Predicate<JsonNode> match, Duration timeout) {
		return awaitFirst(type, (node) -> type.equals(node.path("type").asString()) && match.test(node), timeout);
	}

	/** The oldest message of any of the given types, waiting at most {@code timeout}. */
	JsonNode awaitOneOf(Duration timeout, String... types) {
		List<String> wanted = List.of(types);
		return awaitFirst(String.join(" or ", types), (node) -> wanted.contains(node.path("type").asString()),
				timeout);
	}

	private JsonNode awaitFirst(String type, Predicate<JsonNode> match, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			boolean late = deadline - System.nanoTime() <= 0;
			synchronized (this.seen) {
				if (late) {
					// One last look at everything received: a thread that was not scheduled for a
					// while wakes past its deadline with the messages that came meanwhile unread.
					this.inbox.drainTo(this.seen);
				}
				for (int i = 0; i < this.seen.size(); i++) {
					JsonNode node = this.seen.get(i);
					if (match.test(node)) {
						this.seen.remove(i);
						return node;
					}
				}
			}
			if (late) {
				throw new AssertionError("no '" + type + "' message matched within " + timeout + "; unmatched: "
						+ unmatched());
			}
			long left = Math.max(deadline - System.nanoTime(), 0);
			try {
				JsonNode next = this.inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
				if (next != null) {
					synchronized (this.seen) {
						this.seen.add(next);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted");
			}
		}
	}

	JsonNode await(String type) {
		return await(type, (n) -> true, Duration.ofSeconds(5));
	}

	/** Every message received so far that was not taken by {@link #await}, oldest first. */
	List<JsonNode> unmatched() {
		synchronized (this.seen) {
			this.inbox.drainTo(this.seen);
			return List.copyOf(this.seen);
		}
	}

	/** Whether no message of the type arrives within {@code wait}. */
	boolean noMessage(String type, Duration wait) {
		try {
			await(type, (n) -> true, wait);
			return false;
		}
		catch (AssertionError ex) {
			return true;
		}
	}

	int awaitClose(Duration timeout) {
		try {
			return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new AssertionError("the socket was not closed within " + timeout);
		}
	}

	/** How many {@code batch} frames came (their messages are in the inbox one by one). */
	int batchesReceived() {
		return this.batches.get();
	}

	boolean isClosed() {
		return this.closeCode.isDone();
	}

	/** The reason the server gave with its close frame, once closed. */
	String closeReason() {
		return this.closeReason;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			receive(JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		if (this.reading.get()) {
			webSocket.request(1);
		}
		return null;
	}

	/** A {@code batch} frame holds several messages, each as it would have come alone. */
	private void receive(JsonNode message) {
		if ("batch".equals(message.path("type").asString())) {
			this.batches.incrementAndGet();
			message.path("messages").forEach(this.inbox::add);
		}
		else {
			this.inbox.add(message);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeReason = reason;
		this.closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closeCode.complete(1006);
	}

	@Override
	public void close() {
		if (this.socket != null && !this.closeCode.isDone()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally((ex) -> null);
			this.socket.abort();
		}
	}

}
