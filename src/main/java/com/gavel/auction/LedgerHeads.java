package com.gavel.auction;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes the head of the house: the last hash of every closed lot, straight from the lots. */
@Service
public class LedgerHeads {

	private final LotRepository lots;

	private final Clock clock;

	LedgerHeads(LotRepository lots, Clock clock) {
		this.lots = lots;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public LedgerHead head() {
		List<LedgerHead.ClosedLot> closed = this.lots.findClosedHeads();
		return new LedgerHead(this.clock.instant(), closed,
				EventChain.digest(closed.stream().map(LedgerHead.ClosedLot::line)));
	}

}
