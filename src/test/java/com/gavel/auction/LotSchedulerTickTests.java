package com.gavel.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** One lot that cannot be opened or closed does not keep the scheduler from the others. */
class LotSchedulerTickTests {

	private final LotRepository lots = mock(LotRepository.class);

	private final AuctionEngine engine = mock(AuctionEngine.class);

	private final LotScheduler scheduler = new LotScheduler(this.lots, this.engine,
			Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC), new SettleWindow(Duration.ZERO));

	@Test
	void aFailingLotDoesNotStopTheTickForTheOthers() {
		when(this.lots.findDueToOpen(any())).thenReturn(List.of(1L, 2L, 3L));
		when(this.lots.findDueToClose(any())).thenReturn(List.of(4L, 5L, 6L));
		doThrow(new DataAccessResourceFailureException("broken row")).when(this.engine).openIfDue(1L);
		doThrow(new IllegalStateException("surprise")).when(this.engine).closeIfDue(5L);

		this.scheduler.tick();

		verify(this.engine).openIfDue(2L);
		verify(this.engine).openIfDue(3L);
		verify(this.engine).closeIfDue(4L);
		verify(this.engine).closeIfDue(6L);
	}

	@Test
	void aFailedLookupIsTriedAgainOnTheNextTick() {
		when(this.lots.findDueToOpen(any())).thenThrow(new DataAccessResourceFailureException("database down"))
			.thenReturn(List.of(7L));
		when(this.lots.findDueToClose(any())).thenReturn(List.of());

		this.scheduler.tick();
		this.scheduler.tick();

		verify(this.engine).openIfDue(7L);
	}

}
