package com.gavel.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One load-generator socket. It parses only the few fields the benchmark needs (type, sequence,
 * server time, amount), without a JSON library, so the load generator spends its CPU on the
 * sockets rather than on parsing.
 */
final class Conn implements WebSocket.Listener {

	/** What happens to the messages a socket receives. */
	interface Sink {

		void event(Conn conn, long lotId, long seq, long atMicros, String amount, String text, long nowMicros);

		void snapshot(Conn conn, long lotId, long seq, String text, long nowMicros);

		void bidResult(Conn conn, String requestId, boolean accepted, long seq, String text, long nowMicros);

		void closed(Conn conn, int code);

	}

	/** Sends that failed, over all sockets. */
	static final java.util.concurrent.atomic.AtomicLong SEND_FAILURES = new java.util.concurrent.atomic.AtomicLong();

	final int id;

	volatile Sink sink;

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	private CompletableFuture<WebSocket> sending;

	volatile boolean helloed;

	volatile boolean closedByUs;

	volatile int closeCode;

	// Watcher state: the lot it watches, the newest sequence it has and when it got there.
	volatile long lotId;

	volatile long lastSeq;

	volatile long lastAdvanceMicros;

	Conn(int id, Sink sink) {
		this.id = id;
		this.sink = sink;
	}

	static CompletableFuture<Conn> open(HttpClient http, String url, int id, Sink sink, String authorization) {
		Conn conn = new Conn(id, sink);
		WebSocket.Builder builder = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(20))
			.subprotocols("gavel.v1");
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder.buildAsync(URI.create(url), conn).thenApply((ws) -> {
			conn.socket = ws;
			synchronized (conn) {
				conn.sending = CompletableFuture.completedFuture(ws);
			}
			return conn;
		});
	}

	/** Sends text after whatever this socket is still sending (the JDK allows one send at a time). */
	void send(String text) {
		synchronized (this) {
			if (this.sending == null) {
				return;
			}
			this.sending = this.sending.thenCompose((ws) -> ws.sendText(text, true)).exceptionally((ex) -> {
				if (SEND_FAILURES.getAndIncrement() == 0) {
					System.out.println("[bench] first failed send: " + ex);
				}
				return this.socket;
			});
		}
	}

	boolean isOpen() {
		return this.closeCode == 0;
	}

	void close() {
		this.closedByUs = true;
		WebSocket ws = this.socket;
		if (ws != null) {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally((ex) -> null);
			ws.abort();
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		if (!last) {
			this.partial.append(data);
			return null;
		}
		String text;
		if (this.partial.length() > 0) {
			text = this.partial.append(data).toString();
			this.partial.setLength(0);
		}
		else {
			text = data.toString();
		}
		handle(text);
		return null;
	}

	private static final String BATCH = "{\"type\":\"batch\",\"messages\":[";

	private void handle(String text) {
		long now = nowMicros();
		if (text.startsWith(BATCH)) {
			// A socket that fell behind gets its queued events in one frame: each counts as if alone.
			for (String message : batchMessages(text)) {
				handle(message, now);
			}
			return;
		}
		handle(text, now);
	}

	/** The messages of a batch frame: the top-level objects of its array, found by nesting depth. */
	static List<String> batchMessages(String text) {
		List<String> messages = new ArrayList<>();
		int depth = 0;
		int start = -1;
		boolean inString = false;
		for (int i = BATCH.length(); i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{') {
				if (depth++ == 0) {
					start = i;
				}
			}
			else if (c == '}' && --depth == 0) {
				messages.add(text.substring(start, i + 1));
			}
		}
		return messages;
	}

	private void handle(String text, long now) {
		if (text.startsWith("{\"type\":\"event\"")) {
			this.sink.event(this, longField(text, "\"lotId\":", 0), longField(text, "\"seq\":", 0),
					micros(stringField(text, "\"at\":\"", 0)), stringField(text, "\"amount\":\"", 0), text, now);
		}
		else if (text.startsWith("{\"type\":\"snapshot\"")) {
			int lot = text.indexOf("\"lot\":{");
			this.sink.snapshot(this, longField(text, "\"id\":", lot), longField(text, "\"sequence\":", lot), text, now);
		}
		else if (text.startsWith("{\"type\":\"bid-result\"")) {
			this.sink.bidResult(this, stringField(text, "\"requestId\":\"", 0),
					text.contains("\"accepted\":true"), longField(text, "\"sequence\":", 0), text, now);
		}
		else if (text.startsWith("{\"type\":\"hello\"")) {
			this.helloed = true;
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		if (this.closeCode == 0) {
			this.closeCode = statusCode;
			this.sink.closed(this, statusCode);
		}
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		if (this.closeCode == 0) {
			this.closeCode = 1006;
			this.sink.closed(this, 1006);
		}
	}

	// ---- tiny field readers ---------------------------------------------------------------

	static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
	}

	static long micros(String iso) {
		if (iso == null) {
			return -1;
		}
		Instant at = Instant.parse(iso);
		return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
	}

	static long longField(String text, String key, int from) {
		int i = text.indexOf(key, Math.max(0, from));
		if (i < 0) {
			return -1;
		}
		i += key.length();
		long value = 0;
		boolean any = false;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (c < '0' || c > '9') {
				break;
			}
			value = value * 10 + (c - '0');
			any = true;
		}
		return any ? value : -1;
	}

	static String stringField(String text, String key, int from) {
		int i = text.indexOf(key, Math.max(0, from));
		if (i < 0) {
			return null;
		}
		i += key.length();
		int end = text.indexOf('"', i);
		return end < 0 ? null : text.substring(i, end);
	}

}
