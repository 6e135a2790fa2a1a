package com.gavel.auction;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends a lot's events to the log (in the caller's transaction) and reads them back for replay.
 */
@Component
class EventLog {

	/** The stored and published form of one event. */
	record Payload(long lotId, long seq, String kind, Instant at, Map<String, Object> detail, LotView lot) {
	}

	private final LotEventRepository repository;

	private final JsonMapper json;

	EventLog(LotEventRepository repository, JsonMapper json) {
		this.repository = repository;
		this.json = json;
	}

	AuctionEvent append(long lotId, LotEventRecord record) {
		String payload = this.json.writeValueAsString(new Payload(lotId, record.sequence(), record.type().wireName(),
				record.at(), record.detail(), record.lot()));
		this.repository.save(new LotEventEntry(lotId, record.sequence(), record.type().wireName(), record.at(), payload,
				record.outbidUserId()));
		return new AuctionEvent(lotId, record.sequence(), record.type(), record.at(), payload, record.lot(),
				record.outbidUserId());
	}

	List<String> payloadsAfter(long lotId, long sequence) {
		return this.repository.findByLotIdAndSequenceGreaterThanOrderBySequenceAsc(lotId, sequence)
			.stream()
			.map(LotEventEntry::getPayload)
			.toList();
	}

	/** The stored events after {@code sequence}, as they were published when they were committed. */
	List<AuctionEvent> eventsAfter(long lotId, long sequence) {
		return this.repository.findByLotIdAndSequenceGreaterThanOrderBySequenceAsc(lotId, sequence)
			.stream()
			.map((entry) -> new AuctionEvent(lotId, entry.getSequence(),
					LotEventType.valueOf(entry.getType().toUpperCase(Locale.ROOT)), entry.getOccurredAt(),
					entry.getPayload(), parse(entry.getPayload()).lot(), entry.getOutbidUserId()))
			.toList();
	}

	long countAfter(long lotId, long sequence) {
		return this.repository.countByLotIdAndSequenceGreaterThan(lotId, sequence);
	}

	Payload parse(String payload) {
		return this.json.readValue(payload, Payload.class);
	}

}
