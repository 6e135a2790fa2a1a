package com.gavel.auction;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends a lot's events to the log (in the caller's transaction) and reads them back for replay.
 * <p>
 * Each event is stored in its canonical form ({@link CanonicalJson}) and linked into its lot's
 * hash chain as it is appended ({@link EventChain}): it follows the lot's head, which the lot
 * carries like its sequence, so a batch of events of one lot chains without reading the log.
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

	AuctionEvent append(Lot lot, LotEventRecord record) {
		long lotId = lot.getId();
		String payload = CanonicalJson.write(this.json.valueToTree(new Payload(lotId, record.sequence(),
				record.type().wireName(), record.at(), record.detail(), record.lot())));
		String previous = lot.chainHead();
		String hash = EventChain.link(previous, payload);
		lot.chained(hash);
		this.repository.save(new LotEventEntry(lotId, record.sequence(), record.type().wireName(), record.at(), payload,
				record.outbidUserId(), previous, hash));
		return new AuctionEvent(lotId, record.sequence(), record.type(), record.at(), payload, record.lot(),
				record.outbidUserId(), hash);
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
					entry.getPayload(), parse(entry.getPayload()).lot(), entry.getOutbidUserId(), entry.getHash()))
			.toList();
	}

	/**
	 * The stored events after {@code sequence} as the API shows them: each with its
	 * {@code prevHash} and {@code hash} added as the last members.
	 */
	List<String> linksAfter(long lotId, long sequence) {
		return this.repository.findByLotIdAndSequenceGreaterThanOrderBySequenceAsc(lotId, sequence)
			.stream()
			.map(EventLog::withHashes)
			.toList();
	}

	private static String withHashes(LotEventEntry entry) {
		String payload = entry.getPayload();
		return payload.substring(0, payload.lastIndexOf('}')) + ",\"prevHash\":\"" + entry.getPrevHash()
				+ "\",\"hash\":\"" + entry.getHash() + "\"}";
	}

	/** The stored events of a lot numbered 1 to {@code last}, in sequence order: its chain. */
	List<LotEventEntry> chain(long lotId, long last) {
		return this.repository.findByLotIdAndSequenceBetweenOrderBySequenceAsc(lotId, 1, last);
	}

	Optional<LotEventEntry> entry(long lotId, long sequence) {
		return this.repository.findByLotIdAndSequence(lotId, sequence);
	}

	/** The hash of each stored event of a lot, by sequence. */
	Map<Long, String> hashes(long lotId) {
		Map<Long, String> hashes = new HashMap<>();
		for (LotEventRepository.Link link : this.repository.findLinksByLotId(lotId)) {
			hashes.put(link.sequence(), link.hash());
		}
		return hashes;
	}

	long countAfter(long lotId, long sequence) {
		return this.repository.countByLotIdAndSequenceGreaterThan(lotId, sequence);
	}

	Payload parse(String payload) {
		return this.json.readValue(payload, Payload.class);
	}

}
