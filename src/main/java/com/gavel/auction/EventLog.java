package com.gavel.auction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

	/**
	 * Bounds a query's statement (three parameters a lot) and its rows, however many lots a
	 * notice names.
	 */
	static final int LOTS_PER_QUERY = 100;

	/** The stored and published form of one event. */
	record Payload(long lotId, long seq, String kind, Instant at, Map<String, Object> detail, LotView lot) {
	}

	private final LotEventRepository repository;

	private final JsonMapper json;

	private final JdbcTemplate jdbc;

	/** Queries that read events to publish, which other nodes committed or this node missed. */
	private final Counter reads;

	EventLog(LotEventRepository repository, JsonMapper json, JdbcTemplate jdbc, MeterRegistry meters) {
		this.reads = Counter.builder("gavel.cluster.log.reads")
			.description("Queries of the event log for events other nodes committed (or this node missed)")
			.register(meters);
		this.repository = repository;
		this.json = json;
		this.jdbc = jdbc;
	}

	/** An event as it is stored: its canonical JSON and its link in the lot's chain. */
	record Link(String payload, String prevHash, String hash) {
	}

	AuctionEvent append(Lot lot, LotEventRecord record) {
		Link link = link(this.json, lot, record);
		this.repository.save(new LotEventEntry(lot.getId(), record.sequence(), record.type().wireName(), record.at(),
				link.payload(), record.outbidUserId(), link.prevHash(), link.hash()));
		return new AuctionEvent(lot.getId(), record.sequence(), record.type(), record.at(), link.payload(),
				record.lot(), record.outbidUserId(), link.hash());
	}

	/** Writes the lot's next event in its canonical form and moves the lot's head to it. */
	static Link link(JsonMapper json, Lot lot, LotEventRecord record) {
		String payload = CanonicalJson.write(json.valueToTree(new Payload(lot.getId(), record.sequence(),
				record.type().wireName(), record.at(), record.detail(), record.lot())));
		String previous = lot.chainHead();
		String hash = EventChain.link(previous, payload);
		lot.chained(hash);
		return new Link(payload, previous, hash);
	}

	List<String> payloadsAfter(long lotId, long sequence) {
		return this.repository.findByLotIdAndSequenceGreaterThanOrderBySequenceAsc(lotId, sequence)
			.stream()
			.map(LotEventEntry::getPayload)
			.toList();
	}

	/**
	 * The stored events of several lots, each lot's numbered {@code first} to {@code last} (both
	 * included), as they were published when they were committed: by lot, in sequence order. One
	 * query per {@value #LOTS_PER_QUERY} lots, so a notice naming many lots costs a query, not one
	 * per lot.
	 */
	Map<Long, List<AuctionEvent>> eventsBetween(Map<Long, long[]> firstAndLast) {
		return eventsBetween(this.jdbc, firstAndLast);
	}

	/**
	 * As {@link #eventsBetween(Map)}, read through {@code connection}: the cluster relay reads on
	 * a connection of its own, so it never waits for one behind the bids' transactions.
	 */
	Map<Long, List<AuctionEvent>> eventsBetween(JdbcOperations connection, Map<Long, long[]> firstAndLast) {
		Map<Long, List<AuctionEvent>> events = new LinkedHashMap<>();
		List<Long> lots = List.copyOf(firstAndLast.keySet());
		for (int from = 0; from < lots.size(); from += LOTS_PER_QUERY) {
			List<Long> some = lots.subList(from, Math.min(lots.size(), from + LOTS_PER_QUERY));
			List<Object> arguments = new ArrayList<>();
			for (long lot : some) {
				arguments.add(lot);
				arguments.add(firstAndLast.get(lot)[0]);
				arguments.add(firstAndLast.get(lot)[1]);
			}
			String each = String.join(" or ", Collections.nCopies(some.size(), "(lot_id = ? and sequence between ? and ?)"));
			this.reads.increment();
			connection.query(
					"select lot_id, sequence, type, occurred_at, payload, outbid_user_id, hash from lot_event where "
							+ each + " order by lot_id, sequence",
					(RowCallbackHandler) (rs) -> {
						long lot = rs.getLong("lot_id");
						String payload = rs.getString("payload");
						events.computeIfAbsent(lot, (key) -> new ArrayList<>())
							.add(new AuctionEvent(lot, rs.getLong("sequence"),
									LotEventType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
									rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), payload,
									parse(payload).lot(), rs.getObject("outbid_user_id", Long.class),
									rs.getString("hash")));
					}, arguments.toArray());
		}
		return events;
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

	/** The stored events numbered {@code first} to {@code last}, as {@link #linksAfter} shows them. */
	List<String> linksBetween(long lotId, long first, long last) {
		return this.repository.findByLotIdAndSequenceBetweenOrderBySequenceAsc(lotId, first, last)
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
		for (LotEventRepository.EventHash each : this.repository.findHashesByLotId(lotId)) {
			hashes.put(each.sequence(), each.hash());
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
