package com.gavel.live;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.gavel.live.MessageLimiter.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLimiterTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void allowsTheBurstThenSaysNoOnceAndThenQuietly() {
		MessageLimiter limiter = new MessageLimiter(1, 3, 0);
		List<Verdict> verdicts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			verdicts.add(limiter.take(0));
		}
		assertThat(verdicts).containsExactly(Verdict.ALLOW, Verdict.ALLOW, Verdict.ALLOW, Verdict.REFUSE,
				Verdict.REFUSE_QUIETLY, Verdict.REFUSE_QUIETLY);
	}

	@Test
	void refillsAtItsRateAndTellsAgainAfterAnAllowedMessage() {
		MessageLimiter limiter = new MessageLimiter(2, 1, 0);
		assertThat(limiter.take(0)).isEqualTo(Verdict.ALLOW);
		assertThat(limiter.take(SECOND / 4)).isEqualTo(Verdict.REFUSE);
		assertThat(limiter.take(SECOND / 2)).isEqualTo(Verdict.ALLOW);
		assertThat(limiter.take(SECOND / 2)).isEqualTo(Verdict.REFUSE);
		// A long pause refills only up to the burst.
		assertThat(limiter.take(100 * SECOND)).isEqualTo(Verdict.ALLOW);
		assertThat(limiter.take(100 * SECOND)).isEqualTo(Verdict.REFUSE);
	}

}
