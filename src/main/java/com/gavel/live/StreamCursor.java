package com.gavel.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The text forms of an event stream's request: the lots it follows ({@code "12,13"}) and a cursor,
 * the last sequence number seen of each lot ({@code "12:40,13:7"}), which is also every message's
 * SSE {@code id}, so a browser's {@code Last-Event-ID} resumes where its stream stopped.
 */
final class StreamCursor {

	private static final int MAX_TEXT = 8000;

	private StreamCursor() {
	}

	/** Distinct positive lot ids, in the order given. */
	static List<Long> lots(String text, int max) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("'lots' must name at least one lot, e.g. lots=12,13");
		}
		if (text.length() > MAX_TEXT) {
			throw new IllegalArgumentException("'lots' is too long");
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (String part : text.split(",", -1)) {
			ids.add(number(part.strip(), "lot id"));
		}
		if (ids.size() > max) {
			throw new IllegalArgumentException("a stream follows at most " + max + " lots");
		}
		return new ArrayList<>(ids);
	}

	/** {@code "12:40,13:7"} as lot id → sequence; an empty or missing text is an empty cursor. */
	static Map<Long, Long> parse(String text) {
		Map<Long, Long> cursor = new TreeMap<>();
		if (text == null || text.isBlank()) {
			return cursor;
		}
		if (text.length() > MAX_TEXT) {
			throw new IllegalArgumentException("the cursor is too long");
		}
		for (String part : text.split(",", -1)) {
			int colon = part.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("a cursor is lot:sequence pairs, e.g. 12:40,13:7");
			}
			cursor.put(number(part.substring(0, colon).strip(), "lot id"),
					number(part.substring(colon + 1).strip(), "sequence"));
		}
		return cursor;
	}

	/** The cursor's text: lots in id order, those with nothing seen yet left out. */
	static String format(Map<Long, Long> sent) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<Long, Long> e : sent.entrySet()) {
			if (e.getValue() > 0) {
				if (!text.isEmpty()) {
					text.append(',');
				}
				text.append(e.getKey()).append(':').append(e.getValue());
			}
		}
		return text.toString();
	}

	private static long number(String text, String what) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a " + what);
		}
		return Long.parseLong(text);
	}

	private static String abbreviate(String s) {
		return s.length() <= 20 ? s : s.substring(0, 20) + "…";
	}

}
