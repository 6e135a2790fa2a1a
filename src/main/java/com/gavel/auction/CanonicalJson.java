package com.gavel.auction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The one text form of a JSON value that an event's hash covers (docs/ledger.md): the JSON
 * Canonicalization Scheme of RFC 8785 for the values Gavel's events hold. Objects have their
 * members sorted by name (by UTF-16 code units, as {@link String#compareTo} orders them), there
 * is no whitespace, strings escape only what JSON requires ({@code \" \\ \b \t \n \f \r}; other
 * control characters as a backslash, {@code u00} and two lower-case hex digits) and keep
 * everything else as it is, numbers are integers in plain decimal. Written out as UTF-8, it is
 * what Python's {@code json.dumps(value, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)} writes.
 * <p>
 * Events hold no fractional numbers (money is decimal text) and no integers beyond 2^53, where
 * readers of JSON stop agreeing on a number; such a value is refused rather than written in a
 * form another reader would not reproduce. A string with an unpaired surrogate (not Unicode, so
 * UTF-8 cannot carry it) gets U+FFFD in its place, as an encoder would write it.
 */
final class CanonicalJson {

	/** The largest integer every JSON reader (a double in JavaScript) holds exactly: 2^53 - 1. */
	private static final long MAX_EXACT = (1L << 53) - 1;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private CanonicalJson() {
	}

	static String write(JsonNode value) {
		StringBuilder out = new StringBuilder(512);
		write(value, out);
		return out.toString();
	}

	private static void write(JsonNode value, StringBuilder out) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			out.append("null");
		}
		else if (value.isObject()) {
			object(value, out);
		}
		else if (value.isArray()) {
			out.append('[');
			for (int i = 0; i < value.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(value.get(i), out);
			}
			out.append(']');
		}
		else if (value.isString()) {
			string(value.stringValue(), out);
		}
		else if (value.isBoolean()) {
			out.append(value.booleanValue());
		}
		else if (value.isIntegralNumber()) {
			out.append(integer(value.bigIntegerValue()));
		}
		else {
			throw new IllegalArgumentException("no canonical form for " + value.getNodeType() + " " + value);
		}
	}

	private static void object(JsonNode value, StringBuilder out) {
		List<Map.Entry<String, JsonNode>> members = new ArrayList<>(value.properties());
		members.sort(Map.Entry.comparingByKey());
		out.append('{');
		for (int i = 0; i < members.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			string(members.get(i).getKey(), out);
			out.append(':');
			write(members.get(i).getValue(), out);
		}
		out.append('}');
	}

	private static String integer(BigInteger number) {
		if (number.bitLength() > 53 || number.abs().longValue() > MAX_EXACT) {
			throw new IllegalArgumentException("the integer " + number + " is beyond 2^53 - 1");
		}
		return number.toString();
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
					}
					else if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						out.append('\uFFFD');
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
