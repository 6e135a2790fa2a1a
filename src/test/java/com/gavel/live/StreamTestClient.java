package com.gavel.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * A Server-Sent Events client for tests, reading {@code GET /api/lots/stream} as a browser's
 * {@code EventSource} would: each message's {@code id} and its {@code data} as JSON, in order.
 */
final class StreamTestClient implements AutoCloseable {

	/** One message: its SSE id ({@code null} when it had none) and its JSON. */
	record Message(String id, JsonNode data) {

		String type() {
			return this.data.path("type").asString();
		}

	}

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpResponse<InputStream> response;

	private final LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();

	private final Thread reader;

	private StreamTestClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-test-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Opens the stream; {@code query} like {@code "lots=1,2&after=1:4"}, {@code lastEventId} may be null. */
	static StreamTestClient open(int port, String query, String lastEventId) {
		HttpResponse<InputStream> response = request(port, query, lastEventId);
		if (response.statusCode() != 200) {
			throw new AssertionError("the stream was refused: " + response.statusCode());
		}
		return new StreamTestClient(response);
	}

	/** A refused request's status, Retry-After and body. */
	record Refusal(int status, String contentType, String retryAfter, JsonNode body) {

	}

	/** The answer to a stream request that is meant to be refused. */
	static Refusal refused(int port, String query) {
		Attempt attempt = attempt(port, query);
		if (attempt.stream() != null) {
			attempt.stream().close();
			throw new AssertionError("the stream was opened, not refused");
		}
		return attempt.refusal();
	}

	/** A stream, or why there is none. */
	record Attempt(StreamTestClient stream, Refusal refusal) {

	}

	static Attempt attempt(int port, String query) {
		HttpResponse<InputStream> response = request(port, query, null);
		if (response.statusCode() == 200) {
			return new Attempt(new StreamTestClient(response), null);
		}
		try (InputStream body = response.body()) {
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			return new Attempt(null, new Refusal(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null), LiveTestClient.JSON.readTree(text)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static HttpResponse<InputStream> request(int port, String query, String lastEventId) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/lots/stream" + (query == null ? "" : "?" + query)))
			.header("Accept", "text/event-stream")
			.GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted");
		}
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The next message, whatever it is. */
	Message next() {
		return next((m) -> true);
	}

	/** Skips messages until one matches; fails after a while. */
	Message next(Predicate<Message> wanted) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Message m;
			try {
				// Past the deadline still takes what already came: a thread that was not scheduled
				// for a while wakes late with messages waiting.
				m = this.inbox.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted");
			}
			if (m == null) {
				throw new AssertionError("no such message within " + WAIT);
			}
			if (wanted.test(m)) {
				return m;
			}
		}
	}

	/** The next message of a type, skipping heartbeats and, unless it is wanted, the hello. */
	Message next(String type) {
		Message m = next((each) -> !each.type().equals("heartbeat") && (type.equals("hello") || !each.type().equals("hello")));
		if (!m.type().equals(type)) {
			throw new AssertionError("expected a " + type + " message, got " + m.data());
		}
		return m;
	}

	/** Nothing but heartbeats arrives for a moment. */
	boolean quietFor(Duration time) {
		long deadline = System.nanoTime() + time.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return true;
			}
			try {
				Message m = this.inbox.poll(left, TimeUnit.NANOSECONDS);
				if (m != null && !m.type().equals("heartbeat")) {
					return false;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted");
			}
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.inbox.add(new Message(id, LiveTestClient.JSON.readTree(data.toString())));
					}
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith("id: ")) {
					id = line.substring(4);
				}
				else if (line.startsWith("data: ")) {
					data.append(line.substring(6));
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	@Override
	public void close() {
		try {
			this.response.body().close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
