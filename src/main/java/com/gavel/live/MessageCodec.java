package com.gavel.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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
		if (requestId == null || !requestId.isString() || !REQUEST_ID.matcher(requestId.stringValue()).matches()) {
			throw new BadMessageException("'requestId' must be 1 to 64 letters, digits or . _ : -");
		}
		JsonNode kind = node.get("kind");
		boolean buyNow = false;
		if (kind != null && !kind.isNull()) {
			if (!kind.isString() || !(kind.stringValue().equals("buy-now") || kind.stringValue().equals("bid"))) {
				throw new BadMessageException("'kind' must be \"bid\" or \"buy-now\"");
			}
			buyNow = kind.stringValue().equals("buy-now");
		}
		BigDecimal amount = money(node, "amount");
		BigDecimal maximum = money(node, "maximum");
		if (!buyNow && amount == null && maximum == null) {
			throw new BadMessageException("a bid needs an 'amount', a 'maximum', or both");
		}
		return new ClientMessage.Bid(lot, requestId.stringValue(), buyNow, amount, maximum);
	}

	private static BigDecimal money(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		BigDecimal amount;
		if (value.isString()) {
			try {
				amount = new BigDecimal(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				throw new BadMessageException("'" + field + "' must be a decimal amount such as \"12.50\"");
			}
		}
		else if (value.isNumber()) {
			amount = value.decimalValue();
		}
		else {
			throw new BadMessageException("'" + field + "' must be a decimal amount such as \"12.50\"");
		}
		if (amount.signum() <= 0 || amount.precision() - amount.scale() > 15) {
			throw new BadMessageException("'" + field + "' must be a positive amount");
		}
		return amount;
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
