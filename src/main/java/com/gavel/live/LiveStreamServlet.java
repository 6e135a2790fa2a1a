package com.gavel.live;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/lots/stream?lots=12,13&after=12:40}: the live channel's read-only fallback as
 * Server-Sent Events, for clients that cannot open the WebSocket (a proxy that refuses the
 * upgrade). It sends what the socket sends about lots, in the same JSON, and resumes from a cursor
 * ({@code after}, or the browser's {@code Last-Event-ID}, which wins for the lots it names).
 * Bids go through the JSON API. Refusals are problem details: 400 for a bad request, 429 past the
 * cap per address, 503 past the node's limit.
 * <p>
 * A servlet rather than a Spring MVC handler because the stream writes in the Servlet's
 * non-blocking mode ({@link LiveStream}), which Spring MVC's {@code SseEmitter} does not: its
 * sends block the sending thread while a slow reader's connection is full.
 */
final class LiveStreamServlet extends HttpServlet {

	static final String PATH = "/api/lots/stream";

	private final transient LiveStreams streams;

	private final transient LiveStreamProperties properties;

	private final transient JsonMapper json;

	LiveStreamServlet(LiveStreams streams, LiveStreamProperties properties, JsonMapper json) {
		this.streams = streams;
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		List<Long> lots;
		Map<Long, Long> cursor;
		try {
			lots = StreamCursor.lots(request.getParameter("lots"), this.properties.maxLots());
			cursor = StreamCursor.parse(request.getParameter("after"));
		}
		catch (IllegalArgumentException ex) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
			return;
		}
		cursor.putAll(lastEventId(request));
		String address = request.getRemoteAddr();
		Optional<LiveStreams.Refusal> refusal = this.streams.admit(address);
		if (refusal.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			if (refusal.get() == LiveStreams.Refusal.ADDRESS_CAP) {
				refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
						"Too many event streams from this address; close one or try again later.");
			}
			else {
				refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy",
						"This server holds as many event streams as it can; try again in a moment.");
			}
			return;
		}
		AsyncContext async;
		try {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			// Tells nginx and similar proxies to pass each message on at once instead of buffering.
			response.setHeader("X-Accel-Buffering", "no");
			async = request.startAsync();
			// No timeout: heartbeats keep the stream alive and reveal a reader that is gone.
			async.setTimeout(0);
		}
		catch (RuntimeException ex) {
			this.streams.release(address);
			throw ex;
		}
		this.streams.open(async, response.getOutputStream(), address, lots, cursor);
	}

	/** A browser's own reconnect resumes from the last message's id; one that is unreadable is ignored. */
	private static Map<Long, Long> lastEventId(HttpServletRequest request) {
		try {
			return StreamCursor.parse(request.getHeader("Last-Event-ID"));
		}
		catch (IllegalArgumentException ex) {
			return Map.of();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String reason,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("reason", reason);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

}
