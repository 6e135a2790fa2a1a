package com.gavel.live;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads client messages strictly (every field checked, money exact) and writes server messages.
 */
@Component
class MessageCodec {

	private final JsonMapper reader = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final JsonMapper writer;

	MessageCodec(JsonMapper writer) {
		this.writer = writer;
	}

	String write(Object message) {
		return this.writer.writeValueAsString(message);
	}

	/** An {@code event} frame made from a stored event, without parsing it again. */
	static String eventFrame(String storedEventJson) {
		return "{\"type\":\"event\"," + storedEventJson.substring(1);
	}

	/** A {@code batch} frame: several messages, each as it would have been sent alone, in order. */
	static String batchFrame(List<String> messages) {
		StringBuilder text = new StringBuilder(32 + messages.stream().mapToInt(String::length).sum() + messages.size());
		text.append("{\"type\":\"batch\",\"messages\":[");
		for (int i = 0; i < messages.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(messages.get(i));
		}
		return text.append("]}").toString();
	}

	ClientMessage read(String text) {
		JsonNode node;
		try {
			node = this.reader.readTree(text);
		}
		catch (JacksonException ex) {
			throw new BadMessageException("not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw new BadMessageException("a message must be a JSON object");
		}
		JsonNode type = node.get("type");
		if (type == null || !type.isString()) {
			throw new BadMessageException("a message needs a string 'type'");
		}
		return switch (type.stringValue()) {
			case "subscribe" -> subscribe(node);
			case "unsubscribe" -> new ClientMessage.Unsubscribe(lotIds(node));
			case "bid" -> bid(node);
			case "ping" -> new ClientMessage.Ping(requiredLong(node, "t"));
			case "subscribe-ops" -> new ClientMessage.Ops(true);
			case "unsubscribe-ops" -> new ClientMessage.Ops(false);
			default -> throw new BadMessageException("unknown type '" + abbreviate(type.stringValue()) + "'");
		};
	}

	private ClientMessage subscribe(JsonNode node) {
		JsonNode lots = node.get("lots");
		if (lots == null || !lots.isArray() || lots.isEmpty()) {
			throw new BadMessageException("'lots' must be a non-empty array");
		}
		List<ClientMessage.LotCursor> cursors = new ArrayList<>();
		for (JsonNode item : lots) {
			if (item.isIntegralNumber()) {
				cursors.add(new ClientMessage.LotCursor(positive(item, "lots[]"), null));
			}
			else if (item.isObject()) {
				long id = requiredLong(item, "id");
				JsonNode after = item.get("after");
				Long afterSeq = null;
				if (after != null && !after.isNull()) {
					if (!after.isIntegralNumber() || !after.canConvertToLong() || after.longValue() < 0) {
						throw new BadMessageException("'after' must be a sequence number");
					}
					afterSeq = after.longValue();
				}
				cursors.add(new ClientMessage.LotCursor(id, afterSeq));
			}
			else {
				throw new BadMessageException("each of 'lots' must be a lot id or {\"id\":…, \"after\":…}");
			}
		}
		return new ClientMessage.Subscribe(cursors);
	}

	private List<Long> lotIds(JsonNode node) {
		JsonNode lots = node.get("lots");
		if (lots == null || !lots.isArray() || lots.isEmpty()) {
			throw new BadMessageException("'lots' must be a non-empty array of lot ids");
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode item : lots) {
			ids.add(positive(item, "lots[]"));
		}
		return ids;
	}

	private ClientMessage bid(JsonNode node) {
		long lot = requiredLong(node, "lot");
		JsonNode requestId = node.get("requestId");
		if (requestId == null || !requestId.isString()) {
			throw new BadMessageException("'requestId' must be a string");
		}
		JsonNode kind = node.get("kind");
		boolean buyNow = false;
		if (kind != null && !kind.isNull()) {
			if (!kind.isString() || !(kind.stringValue().equals("buy-now") || kind.stringValue().equals("bid"))) {
				throw new BadMessageException("'kind' must be \"bid\" or \"buy-now\"");
			}
			buyNow = kind.stringValue().equals("buy-now");
		}
		return new ClientMessage.Bid(lot, requestId.stringValue(), buyNow, amountText(node, "amount"),
				amountText(node, "maximum"));
	}

	/**
	 * An amount as the client wrote it, for the bid intake to read: a string as it is, a number as
	 * its decimal text (an exponent stays an exponent, so the intake refuses it without expanding it).
	 */
	private static String amountText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		if (value.isNumber()) {
			return value.decimalValue().toString();
		}
		throw new BadMessageException("'" + field + "' must be a decimal amount such as \"12.50\"");
	}

	private static long requiredLong(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			throw new BadMessageException("'" + field + "' is missing");
		}
		return positive(value, field);
	}

	private static long positive(JsonNode value, String field) {
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
			throw new BadMessageException("'" + field + "' must be a whole non-negative number");
		}
		return value.longValue();
	}

	private static String abbreviate(String s) {
		return s.length() <= 40 ? s : s.substring(0, 40) + "…";
	}

}
