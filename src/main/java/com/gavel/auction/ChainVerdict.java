package com.gavel.auction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What recomputing a lot's hash chain from its stored events found (docs/ledger.md): either every
 * event is where it should be and hashes to what is stored, or the first event that does not, and
 * how.
 *
 * @param events how many events the chain holds, when it is valid
 * @param head the hash of the last event (the lot's genesis value before its first), when valid
 * @param firstBadSequence the sequence number of the first event that is missing or wrong
 * @param problem {@code hash} (the event does not hash to its stored hash), {@code prev-hash} (it
 * does not chain from the event before it), {@code missing} (no event with that sequence),
 * {@code mismatch} (the stored row disagrees with its own event), {@code unreadable} (the stored
 * event is no JSON Gavel writes), {@code head} (the lot's record of its last hash is not its last
 * event's)
 * @param expected what recomputing the chain says should be there
 * @param found what is stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerdict(long lotId, boolean valid, Long events, String head, Long firstBadSequence, String problem,
		String expected, String found) {

	static ChainVerdict valid(long lotId, long events, String head) {
		return new ChainVerdict(lotId, true, events, head, null, null, null, null);
	}

	static ChainVerdict broken(long lotId, long sequence, String problem, String expected, String found) {
		return new ChainVerdict(lotId, false, null, null, sequence, problem, expected, found);
	}

}
