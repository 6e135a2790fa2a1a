package com.gavel.ship;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gavel.v1 client on the JDK's WebSocket, for the tests that drive the packaged application:
 * HTTP Basic credentials on the handshake, every message kept, the close code recorded.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();

	private final List<JsonNode> pending = new ArrayList<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	static SocketClient connect(int port, String username, String password) {
		SocketClient client = new SocketClient();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.subprotocols("gavel.v1");
		if (username != null) {
			builder.header("Authorization", PackagedApp.basic(username, password));
		}
		try {
			client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
				.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not connect: " + ex, ex);
		}
		return client;
	}

	/**
	 * Connects as a browser would, with the headers it sends on the handshake (a session
	 * {@code Cookie}, its {@code Origin}), to any {@code ws://} address, e.g. a proxy's.
	 */
	static SocketClient connect(URI uri, Map<String, String> headers) {
		SocketClient client = new SocketClient();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.subprotocols("gavel.v1");
		headers.forEach(builder::header);
		try {
			client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not connect to " + uri + ": " + ex, ex);
		}
		return client;
	}

	/** Sends a frame; false if the socket is gone (e.g. the server was killed). */
	boolean send(String text) {
		try {
			this.socket.sendText(text, true).get(5, TimeUnit.SECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return false;
		}
	}

	/** The next message of the type that matches, or {@code null} after {@code timeout}. */
	JsonNode poll(String type, Predicate<JsonNode> match, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			boolean late = deadline - System.nanoTime() <= 0;
			synchronized (this.pending) {
				if (late) {
					// One last look at everything received: a thread that was not scheduled for a
					// while wakes past its deadline with the messages that came meanwhile unread.
					this.inbox.drainTo(this.pending);
				}
				for (int i = 0; i < this.pending.size(); i++) {
					JsonNode node = this.pending.get(i);
					if (type.equals(node.path("type").asString()) && match.test(node)) {
						this.pending.remove(i);
						return node;
					}
				}
			}
			if (late) {
				return null;
			}
			long left = Math.max(deadline - System.nanoTime(), 0);
			try {
				JsonNode next = this.inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)),
						TimeUnit.NANOSECONDS);
				if (next != null) {
					synchronized (this.pending) {
						this.pending.add(next);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	JsonNode await(String type, Predicate<JsonNode> match, Duration timeout) {
		JsonNode node = poll(type, match, timeout);
		if (node == null) {
			throw new AssertionError("no '" + type + "' message matched within " + timeout);
		}
		return node;
	}

	/** Every message received and not yet taken, oldest first. */
	List<JsonNode> drain() {
		synchronized (this.pending) {
			this.inbox.drainTo(this.pending);
			List<JsonNode> all = List.copyOf(this.pending);
			this.pending.clear();
			return all;
		}
	}

	Integer closeCode(Duration timeout) {
		try {
			return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	boolean isClosed() {
		return this.closeCode.isDone();
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
		webSocket.request(1);
		return null;
	}

	/** A {@code batch} frame holds several messages, each as it would have come alone. */
	private void receive(JsonNode message) {
		if ("batch".equals(message.path("type").asString())) {
			message.path("messages").forEach(this.inbox::add);
		}
		else {
			this.inbox.add(message);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
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
