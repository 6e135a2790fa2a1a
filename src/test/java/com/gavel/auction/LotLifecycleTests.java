package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * DRAFT → SCHEDULED → OPEN → CLOSED, plus PAUSED and CANCELLED: what each status allows, what
 * each move records, and that a move the status does not allow fails and changes nothing.
 */
class LotLifecycleTests {

	private static final IncrementTable INCREMENTS = LotTerms.INCREMENTS;

	private static final Instant START = LotTerms.T0;

	private static final Instant END = START.plus(Duration.ofHours(1));

	private static final LotTerms TERMS = LotTerms.of("EUR", "1.00").running(START, END);

	@Test
	void aNewLotIsADraftWithoutEvents() {
		Lot lot = LotDriver.draft(TERMS).lot;
		assertThat(lot.getStatus()).isEqualTo(LotStatus.DRAFT);
		assertThat(lot.getLastSequence()).isZero();
		assertThat(lot.drainEvents()).isEmpty();
		assertThat(lot.getOriginalEndsAt()).isEqualTo(END);
	}

	@Test
	void eachMoveAppendsOneEventWithTheNextSequence() {
		Lot lot = LotDriver.draft(TERMS).lot;
		lot.schedule(START.minusSeconds(60), INCREMENTS);
		lot.open(START, INCREMENTS);
		lot.pause(START.plusSeconds(60), INCREMENTS);
		lot.resume(START.plusSeconds(120), INCREMENTS);
		lot.close(START.plusSeconds(180), INCREMENTS);

		List<LotEventRecord> events = lot.drainEvents();
		assertThat(events).extracting(LotEventRecord::type)
			.containsExactly(LotEventType.SCHEDULED, LotEventType.OPENED, LotEventType.PAUSED, LotEventType.RESUMED,
					LotEventType.CLOSED);
		assertThat(events).extracting(LotEventRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(events).extracting((e) -> e.lot().sequence()).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(events).extracting((e) -> e.lot().status())
			.containsExactly("scheduled", "open", "paused", "open", "closed");
		assertThat(events.get(4).lot()).isEqualTo(lot.view(INCREMENTS));
		assertThat(lot.drainEvents()).as("drained once").isEmpty();
	}

	@Test
	void eventsKeepTheirSequenceAcrossDrains() {
		LotDriver driver = LotDriver.open(TERMS);
		assertThat(driver.lot.drainEvents()).extracting(LotEventRecord::sequence).containsExactly(1L, 2L);
		driver.bid("A bid 1.00");
		driver.bid("B bid 0.50");
		driver.bid("B bid 1.25");
		List<LotEventRecord> events = driver.lot.drainEvents();
		assertThat(events).extracting(LotEventRecord::sequence).containsExactly(3L, 4L);
		assertThat(events).allMatch((e) -> e.type() == LotEventType.BID);
		assertThat(events.get(1).outbidUserId()).isEqualTo(LotDriver.bidderId("A"));
		assertThat(events.get(0).outbidUserId()).isNull();
		assertThat(events.get(1).detail()).containsEntry("bidder", "Bidder 2").containsEntry("amount", "1.25");
		assertThat(driver.lot.getLastSequence()).isEqualTo(4);
	}

	@Test
	void openingEarlyMovesTheStart() {
		Lot lot = LotDriver.draft(TERMS).lot;
		Instant early = START.minus(Duration.ofMinutes(10));
		lot.open(early, INCREMENTS);
		assertThat(lot.getStatus()).isEqualTo(LotStatus.OPEN);
		assertThat(lot.getStartsAt()).isEqualTo(early);
	}

	@Test
	void schedulingALotWhoseEndPassedFails() {
		Lot lot = LotDriver.draft(TERMS).lot;
		assertThatExceptionOfType(LotStateException.class).isThrownBy(() -> lot.schedule(END, INCREMENTS));
		assertThat(lot.getStatus()).isEqualTo(LotStatus.DRAFT);
	}

	static Stream<Arguments> biddingByStatus() {
		return Stream.of(arguments(LotStatus.DRAFT, RejectReason.LOT_NOT_OPEN),
				arguments(LotStatus.SCHEDULED, RejectReason.LOT_NOT_OPEN), arguments(LotStatus.OPEN, null),
				arguments(LotStatus.PAUSED, RejectReason.LOT_PAUSED),
				arguments(LotStatus.CLOSED, RejectReason.LOT_CLOSED),
				arguments(LotStatus.CANCELLED, RejectReason.LOT_CANCELLED));
	}

	@ParameterizedTest(name = "a {0} lot answers a bid with {1}")
	@MethodSource("biddingByStatus")
	void onlyAnOpenLotTakesBids(LotStatus status, RejectReason expected) {
		LotDriver driver = lotIn(status);
		Lot.BidDecision decision = driver.bid("A bid 1.00", START.plusSeconds(1));
		assertThat(decision.rejected()).isEqualTo(expected);
	}

	@Test
	void pauseAndResumeMoveTheEndByThePausedTime() {
		LotDriver driver = LotDriver.open(TERMS);
		Instant pausedAt = START.plus(Duration.ofMinutes(10));
		driver.lot.pause(pausedAt, INCREMENTS);
		Instant resumedAt = pausedAt.plus(Duration.ofMinutes(7)).plusMillis(250);
		driver.lot.resume(resumedAt, INCREMENTS);

		assertThat(driver.lot.getStatus()).isEqualTo(LotStatus.OPEN);
		assertThat(driver.lot.getEndsAt()).isEqualTo(END.plus(Duration.ofMinutes(7)).plusMillis(250));
		assertThat(driver.lot.getOriginalEndsAt()).isEqualTo(END);
		assertThat(driver.bid("A bid 1.00", END.plus(Duration.ofMinutes(7))).accepted()).isTrue();
	}

	@Test
	void resumingNeverMovesTheEndPastTheHardStop() {
		Instant hardStop = END.plus(Duration.ofMinutes(5));
		LotDriver driver = LotDriver.open(TERMS.withHardStop(hardStop));
		driver.lot.pause(START.plus(Duration.ofMinutes(10)), INCREMENTS);
		driver.lot.resume(START.plus(Duration.ofMinutes(40)), INCREMENTS);
		assertThat(driver.lot.getEndsAt()).isEqualTo(hardStop);
	}

	@Test
	void closingDecidesTheOutcome() {
		LotDriver sold = LotDriver.open(TERMS).history("A bid 1.00");
		sold.lot.close(END, INCREMENTS);
		assertThat(sold.view().outcome()).isEqualTo("sold");
		assertThat(sold.view().ask()).isNull();
		assertThat(sold.lot.getClosedAt()).isEqualTo(END);

		LotDriver noBids = LotDriver.open(TERMS);
		noBids.lot.close(END, INCREMENTS);
		assertThat(noBids.view().outcome()).isEqualTo("unsold");

		LotDriver reserveNotMet = LotDriver.open(TERMS.withReserve("50.00")).history("A max 49.99");
		reserveNotMet.lot.close(END, INCREMENTS);
		assertThat(reserveNotMet.lot.sold()).isFalse();
		assertThat(reserveNotMet.view().outcome()).isEqualTo("unsold");
	}

	@Test
	void cancellingKeepsTheReason() {
		LotDriver driver = LotDriver.open(TERMS);
		driver.lot.drainEvents();
		driver.lot.cancel("consignor withdrew it", START.plusSeconds(5), INCREMENTS);
		assertThat(driver.lot.getStatus()).isEqualTo(LotStatus.CANCELLED);
		assertThat(driver.lot.getCancelReason()).isEqualTo("consignor withdrew it");
		assertThat(driver.lot.drainEvents()).singleElement()
			.satisfies((e) -> assertThat(e.detail()).containsEntry("reason", "consignor withdrew it"));
	}

	@Test
	void extendingMovesTheEndAndAHardStopThatWouldBeBeforeIt() {
		LotDriver driver = LotDriver.open(TERMS.withHardStop(END.plus(Duration.ofMinutes(5))));
		driver.lot.extendBy(Duration.ofMinutes(30), START.plusSeconds(5), INCREMENTS);
		assertThat(driver.lot.getEndsAt()).isEqualTo(END.plus(Duration.ofMinutes(30)));
		assertThat(driver.lot.getHardStopAt()).isEqualTo(driver.lot.getEndsAt());
	}

	@Test
	void voidingSetsTheRecomputedStandingAndTellsTheFormerLeader() {
		LotDriver driver = LotDriver.open(TERMS).history("A bid 1.00; B bid 1.25");
		driver.lot.drainEvents();
		Standing recomputed = new Standing(100L, 1L, 1, 100L);
		driver.lot.voided(42, "shill bidding", recomputed, 1, START.plusSeconds(5), INCREMENTS);

		assertThat(driver.lot.standing()).isEqualTo(recomputed);
		assertThat(driver.lot.getBidCount()).isEqualTo(1);
		LotEventRecord event = driver.lot.drainEvents().get(0);
		assertThat(event.type()).isEqualTo(LotEventType.VOIDED);
		assertThat(event.sequence()).isEqualTo(5);
		assertThat(event.detail()).containsEntry("bidId", 42L).containsEntry("reason", "shill bidding");
		assertThat(event.outbidUserId()).isEqualTo(LotDriver.bidderId("B"));
		assertThat(event.lot().price()).isEqualTo("1.00");
	}

	/** Every move that the status does not allow. */
	static Stream<Arguments> forbiddenMoves() {
		Stream.Builder<Arguments> moves = Stream.builder();
		forbid(moves, LotStatus.DRAFT, "pause", "resume", "close");
		forbid(moves, LotStatus.SCHEDULED, "schedule", "pause", "resume", "close");
		forbid(moves, LotStatus.OPEN, "schedule", "open", "resume");
		forbid(moves, LotStatus.PAUSED, "schedule", "open", "pause");
		forbid(moves, LotStatus.CLOSED, "schedule", "open", "pause", "resume", "close", "cancel", "extend");
		forbid(moves, LotStatus.CANCELLED, "schedule", "open", "pause", "resume", "close", "cancel", "extend");
		return moves.build();
	}

	private static void forbid(Stream.Builder<Arguments> moves, LotStatus status, String... actions) {
		for (String action : actions) {
			moves.add(arguments(status, action));
		}
	}

	@ParameterizedTest(name = "a {0} lot cannot {1}")
	@MethodSource("forbiddenMoves")
	void movesTheStatusDoesNotAllowFail(LotStatus status, String action) {
		LotDriver driver = lotIn(status);
		driver.lot.drainEvents();
		LotView before = driver.view();

		assertThatExceptionOfType(LotStateException.class).isThrownBy(() -> move(action).accept(driver.lot));

		assertThat(driver.view()).isEqualTo(before);
		assertThat(driver.lot.drainEvents()).isEmpty();
	}

	private static Consumer<Lot> move(String action) {
		Instant now = START.plusSeconds(30);
		return switch (action) {
			case "schedule" -> (lot) -> lot.schedule(now, INCREMENTS);
			case "open" -> (lot) -> lot.open(now, INCREMENTS);
			case "pause" -> (lot) -> lot.pause(now, INCREMENTS);
			case "resume" -> (lot) -> lot.resume(now, INCREMENTS);
			case "close" -> (lot) -> lot.close(now, INCREMENTS);
			case "cancel" -> (lot) -> lot.cancel("because", now, INCREMENTS);
			case "extend" -> (lot) -> lot.extendBy(Duration.ofMinutes(5), now, INCREMENTS);
			default -> throw new IllegalArgumentException(action);
		};
	}

	private static LotDriver lotIn(LotStatus status) {
		LotDriver driver = LotDriver.draft(TERMS);
		Lot lot = driver.lot;
		switch (status) {
			case DRAFT -> {
			}
			case SCHEDULED -> lot.schedule(START, INCREMENTS);
			case OPEN -> lot.open(START, INCREMENTS);
			case PAUSED -> {
				lot.open(START, INCREMENTS);
				lot.pause(START, INCREMENTS);
			}
			case CLOSED -> {
				lot.open(START, INCREMENTS);
				lot.close(START, INCREMENTS);
			}
			case CANCELLED -> lot.cancel("withdrawn", START, INCREMENTS);
		}
		assertThat(lot.getStatus()).isEqualTo(status);
		return driver;
	}

}
