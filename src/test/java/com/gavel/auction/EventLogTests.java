package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading several lots' events from the log at once, as a node does for the lots a notice names:
 * each lot's asked range, in sequence order, exactly as the events were published when committed.
 */
@GavelSpringBootTest
class EventLogTests {

	@Autowired
	private EventLog eventLog;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EventRecorder recorder;

	@Test
	void severalLotsAreReadEachInItsRangeAndInSequenceOrderAsTheyWerePublished() {
		long quiet = openLot();
		long busy = openLot();
		long other = openLot();
		long quietLast = bids(quiet, 1);
		long busyLast = bids(busy, 4);
		long otherLast = bids(other, 2);
		Map<Long, long[]> ranges = new LinkedHashMap<>();
		ranges.put(busy, new long[] { 3, busyLast - 1 });
		ranges.put(quiet, new long[] { 1, quietLast });
		ranges.put(other, new long[] { otherLast + 1, otherLast + 5 });
		ranges.put(Long.MAX_VALUE / 2, new long[] { 1, 9 });

		Map<Long, List<AuctionEvent>> read = this.eventLog.eventsBetween(ranges);

		assertThat(read).containsOnlyKeys(quiet, busy);
		assertThat(read.get(busy)).containsExactlyElementsOf(published(busy, 3, busyLast - 1));
		assertThat(read.get(quiet)).containsExactlyElementsOf(published(quiet, 1, quietLast));
	}

	@Test
	void moreLotsThanOneQueryTakesAreAllRead() {
		Map<Long, long[]> ranges = new LinkedHashMap<>();
		for (int i = 0; i < EventLog.LOTS_PER_QUERY + 1; i++) {
			LotView lot = open();
			ranges.put(lot.id(), new long[] { 1, lot.sequence() });
		}

		Map<Long, List<AuctionEvent>> read = this.eventLog.eventsBetween(ranges);

		assertThat(read).containsOnlyKeys(ranges.keySet());
		ranges.forEach((lot, range) -> assertThat(read.get(lot)).as("lot %d", lot)
			.containsExactlyElementsOf(published(lot, range[0], range[1])));
	}

	private List<AuctionEvent> published(long lot, long first, long last) {
		List<AuctionEvent> events = new ArrayList<>();
		for (EventRecorder.Seen seen : this.recorder.of(lot)) {
			if (seen.event().sequence() >= first && seen.event().sequence() <= last) {
				events.add(seen.event());
			}
		}
		assertThat(events).hasSize((int) (last - first + 1));
		return events;
	}

	private long openLot() {
		return open().id();
	}

	private LotView open() {
		Instant now = this.clock.instant();
		LotView lot = this.engine
			.createLot(LotTerms.of("EUR", "1.00").running(now, now.plus(Duration.ofHours(1))).spec());
		return this.engine.openNow(lot.id());
	}

	/** {@code count} bids on the lot, by two bidders in turn; answers the lot's last sequence. */
	private long bids(long lot, int count) {
		Account[] bidders = { TestAccounts.newBidder(this.accounts, "log"),
				TestAccounts.newBidder(this.accounts, "log") };
		long last = 0;
		for (int i = 0; i < count; i++) {
			String ask = this.catalog.lot(lot).orElseThrow().ask();
			BidResult result = this.engine.placeBid(
					BidRequest.of(lot, bidders[i % 2].id(), UUID.randomUUID().toString(), new BigDecimal(ask), null));
			assertThat(result.accepted()).isTrue();
			last = result.sequence();
		}
		return last;
	}

}
