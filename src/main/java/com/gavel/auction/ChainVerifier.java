package com.gavel.auction;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes lots' hash chains from their stored events, as anyone holding an export of the log
 * would (docs/ledger.md), and says where a chain first breaks.
 * <p>
 * A lot is read first and its events up to its last sequence after it: the lot and its events
 * commit together, so every event the lot counts is there to read, whatever is appended meanwhile.
 */
@Service
public class ChainVerifier {

	private final LotRepository lots;

	private final EventLog eventLog;

	private final JsonMapper json;

	private final TransactionTemplate reading;

	ChainVerifier(LotRepository lots, EventLog eventLog, JsonMapper json, PlatformTransactionManager transactions) {
		this.lots = lots;
		this.eventLog = eventLog;
		this.json = json;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/** One public lot's chain. */
	public ChainVerdict verifyPublic(long lotId) {
		return this.reading.execute((tx) -> this.lots.findById(lotId)
			.filter((lot) -> lot.getStatus().isPublic())
			.map(this::verify)
			.orElseThrow(() -> new LotNotFoundException("no such lot")));
	}

	/** One lot's chain, drafts included: for admins. */
	public ChainVerdict verify(long lotId) {
		return this.reading.execute((tx) -> this.lots.findById(lotId)
			.map(this::verify)
			.orElseThrow(() -> new LotNotFoundException("no such lot")));
	}

	/** Every lot's chain, oldest lot first; each lot is read on its own, so memory holds one lot's log. */
	public List<ChainVerdict> verifyAll() {
		List<Long> ids = this.reading
			.execute((tx) -> this.lots.findAll(Sort.by("id")).stream().map(Lot::getId).toList());
		return ids.stream().map((id) -> verify(id.longValue())).toList();
	}

	private ChainVerdict verify(Lot lot) {
		long lotId = lot.getId();
		String previous = EventChain.genesis(lotId);
		long expectedSequence = 1;
		for (LotEventEntry entry : this.eventLog.chain(lotId, lot.getLastSequence())) {
			if (entry.getSequence() != expectedSequence) {
				return ChainVerdict.broken(lotId, expectedSequence, "missing", "sequence " + expectedSequence,
						"sequence " + entry.getSequence());
			}
			JsonNode event;
			String canonical;
			try {
				event = this.json.readTree(entry.getPayload());
				canonical = CanonicalJson.write(event);
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return ChainVerdict.broken(lotId, expectedSequence, "unreadable", "an event in JSON",
						abbreviate(entry.getPayload()));
			}
			ChainVerdict mismatch = mismatch(lotId, entry, event);
			if (mismatch != null) {
				return mismatch;
			}
			if (!previous.equals(entry.getPrevHash())) {
				return ChainVerdict.broken(lotId, expectedSequence, "prev-hash", previous, entry.getPrevHash());
			}
			String hash = EventChain.link(previous, canonical);
			if (!hash.equals(entry.getHash())) {
				return ChainVerdict.broken(lotId, expectedSequence, "hash", hash, entry.getHash());
			}
			previous = hash;
			expectedSequence++;
		}
		long events = expectedSequence - 1;
		if (events < lot.getLastSequence()) {
			return ChainVerdict.broken(lotId, expectedSequence, "missing", "sequence " + expectedSequence,
					"end of log");
		}
		String recorded = lot.getLastHash() != null ? lot.getLastHash() : EventChain.genesis(lotId);
		if (!previous.equals(recorded)) {
			return ChainVerdict.broken(lotId, events, "head", previous, recorded);
		}
		return ChainVerdict.valid(lotId, events, previous);
	}

	/** The row's own columns (which replays and the cluster read) must say what its event says. */
	private static ChainVerdict mismatch(long lotId, LotEventEntry entry, JsonNode event) {
		String[][] pairs = { { "lotId", Long.toString(entry.getLotId()), text(event.get("lotId")) },
				{ "seq", Long.toString(entry.getSequence()), text(event.get("seq")) },
				{ "kind", entry.getType(), text(event.get("kind")) },
				{ "at", String.valueOf(entry.getOccurredAt()), instant(event.get("at")) } };
		for (String[] pair : pairs) {
			if (!Objects.equals(pair[1], pair[2])) {
				return ChainVerdict.broken(lotId, entry.getSequence(), "mismatch", pair[0] + " " + pair[2],
						pair[0] + " " + pair[1]);
			}
		}
		return null;
	}

	private static String text(JsonNode value) {
		return value == null || value.isNull() || value.isContainer() ? null : value.asString();
	}

	private static String instant(JsonNode value) {
		String text = text(value);
		try {
			return text == null ? null : Instant.parse(text).toString();
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 60) + "…";
	}

}
