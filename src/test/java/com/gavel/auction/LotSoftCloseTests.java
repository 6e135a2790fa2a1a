package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anti-sniping: a bid in the last window moves the end to its receive time plus the extension,
 * within the cap and the hard stop; at the end itself bidding is over.
 */
class LotSoftCloseTests {

	private static final Instant START = LotTerms.T0;

	private static final Instant END = START.plus(Duration.ofHours(1));

	/** A window shorter than the extension, so a bid right at the window's edge visibly moves the end. */
	private static final LotTerms TERMS = LotTerms.of("EUR", "1.00")
		.running(START, END)
		.withSoftClose(Duration.ofMinutes(2), Duration.ofMinutes(5));

	/**
	 * @param beforeEnd how long before the end the bid arrives
	 * @param extended whether it must move the end (to the receive time plus five minutes)
	 */
	@ParameterizedTest(name = "bid {0} before the end extends: {1}")
	@CsvSource({ "PT10M, false", "PT2M0.001S, false", "PT2M, true", "PT1M, true", "PT0.000000001S, true" })
	void lateBidsExtendFromTheirReceiveTime(Duration beforeEnd, boolean extended) {
		LotDriver driver = LotDriver.open(TERMS);
		Instant received = END.minus(beforeEnd);

		assertThat(driver.bid("A bid 1.00", received).accepted()).isTrue();

		assertThat(driver.lot.getEndsAt()).isEqualTo(extended ? received.plus(Duration.ofMinutes(5)) : END);
		assertThat(driver.lot.getExtensions()).isEqualTo(extended ? 1 : 0);
		assertThat(driver.lot.getOriginalEndsAt()).isEqualTo(END);
	}

	@Test
	void aLateBidGivesABidEventThenAnExtendedEvent() {
		LotDriver driver = LotDriver.open(TERMS);
		driver.lot.drainEvents();
		Instant received = END.minus(Duration.ofSeconds(30));

		Lot.BidDecision decision = driver.bid("A bid 1.00", received);

		List<LotEventRecord> events = driver.lot.drainEvents();
		assertThat(events).extracting(LotEventRecord::type).containsExactly(LotEventType.BID, LotEventType.EXTENDED);
		assertThat(events).extracting(LotEventRecord::sequence).containsExactly(3L, 4L);
		assertThat(decision.sequence()).isEqualTo(3L);
		assertThat(events.get(0).lot().endsAt()).isEqualTo(END);
		assertThat(events.get(1).lot().endsAt()).isEqualTo(received.plus(Duration.ofMinutes(5)));
		assertThat(events.get(1).detail()).containsEntry("previousEndsAt", END);
		assertThat(events.get(1).at()).isEqualTo(received);
	}

	@Test
	void withTheDefaultTimesABidAtTheWindowsEdgeLeavesTheEndWhereItIs() {
		// Received time plus two minutes is the current end: nothing to move, no event.
		LotDriver driver = LotDriver.open(LotTerms.of("EUR", "1.00").running(START, END));
		driver.lot.drainEvents();
		driver.bid("A bid 1.00", END.minus(Duration.ofMinutes(2)));
		assertThat(driver.lot.getEndsAt()).isEqualTo(END);
		assertThat(driver.lot.drainEvents()).extracting(LotEventRecord::type).containsExactly(LotEventType.BID);

		driver.bid("B bid 1.25", END.minus(Duration.ofSeconds(1)));
		assertThat(driver.lot.getEndsAt()).isEqualTo(END.plus(Duration.ofSeconds(119)));
	}

	@Test
	void automaticProxyBidsCountAsLateBids() {
		// B's bid is answered by A's proxy at once; it still came in late, so the end moves.
		LotDriver driver = LotDriver.open(TERMS).history("A max 50.00");
		Instant received = END.minus(Duration.ofSeconds(10));
		Lot.BidDecision decision = driver.bid("B bid 5.00", received);
		assertThat(decision.leading()).isFalse();
		assertThat(driver.lot.getEndsAt()).isEqualTo(received.plus(Duration.ofMinutes(5)));
	}

	@Test
	void aRefusedLateBidDoesNotExtend() {
		LotDriver driver = LotDriver.open(TERMS).history("A bid 5.00");
		assertThat(driver.bid("B bid 5.00", END.minus(Duration.ofSeconds(10))).rejected())
			.isEqualTo(RejectReason.BELOW_MINIMUM);
		assertThat(driver.lot.getEndsAt()).isEqualTo(END);
	}

	@Test
	void extensionsStopAtTheCap() {
		LotDriver driver = LotDriver.open(TERMS.withMaxExtensions(2));
		Instant first = END.minus(Duration.ofSeconds(30));
		driver.bid("A bid 1.00", first);
		Instant second = driver.lot.getEndsAt().minus(Duration.ofSeconds(30));
		driver.bid("B bid 1.25", second);
		Instant secondEnd = driver.lot.getEndsAt();
		assertThat(secondEnd).isEqualTo(second.plus(Duration.ofMinutes(5)));

		driver.bid("A bid 1.50", secondEnd.minus(Duration.ofSeconds(30)));

		assertThat(driver.lot.getExtensions()).isEqualTo(2);
		assertThat(driver.lot.getEndsAt()).isEqualTo(secondEnd);
		assertThat(driver.bid("B bid 1.75", secondEnd).rejected()).isEqualTo(RejectReason.LOT_CLOSED);
	}

	@Test
	void aCapOfZeroMeansNoExtensions() {
		LotDriver driver = LotDriver.open(TERMS.withMaxExtensions(0));
		driver.bid("A bid 1.00", END.minus(Duration.ofSeconds(1)));
		assertThat(driver.lot.getEndsAt()).isEqualTo(END);
	}

	@Test
	void theEndNeverMovesPastTheHardStop() {
		Instant hardStop = END.plus(Duration.ofMinutes(3));
		LotDriver driver = LotDriver.open(TERMS.withHardStop(hardStop));

		driver.bid("A bid 1.00", END.minus(Duration.ofSeconds(30)));
		assertThat(driver.lot.getEndsAt()).isEqualTo(hardStop);
		assertThat(driver.lot.getExtensions()).isEqualTo(1);

		driver.lot.drainEvents();
		driver.bid("B bid 1.25", hardStop.minus(Duration.ofSeconds(1)));
		assertThat(driver.lot.getEndsAt()).isEqualTo(hardStop);
		assertThat(driver.lot.getExtensions()).isEqualTo(1);
		assertThat(driver.lot.drainEvents()).extracting(LotEventRecord::type).containsExactly(LotEventType.BID);

		assertThat(driver.bid("A bid 1.50", hardStop).rejected()).isEqualTo(RejectReason.LOT_CLOSED);
	}

	@Test
	void aHardStopAtTheEndMeansNoExtension() {
		LotDriver driver = LotDriver.open(TERMS.withHardStop(END));
		driver.bid("A bid 1.00", END.minus(Duration.ofSeconds(1)));
		assertThat(driver.lot.getEndsAt()).isEqualTo(END);
	}

	@ParameterizedTest(name = "a bid {0} after the end is refused")
	@CsvSource({ "PT0S", "PT0.000000001S", "PT1H" })
	void bidsAtOrAfterTheEndAreRefused(Duration afterEnd) {
		LotDriver driver = LotDriver.open(TERMS);
		Lot.BidDecision decision = driver.bid("A bid 1.00", END.plus(afterEnd));
		assertThat(decision.rejected()).isEqualTo(RejectReason.LOT_CLOSED);
		assertThat(driver.lot.getBidCount()).isZero();
	}

	@Test
	void theLastNanosecondBeforeTheEndStillCounts() {
		LotDriver driver = LotDriver.open(TERMS);
		assertThat(driver.bid("A bid 1.00", END.minusNanos(1)).accepted()).isTrue();
	}

}
