package com.gavel.auction;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BidThrottleTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final BidThrottle throttle = new BidThrottle(5, 10, this.nanos::get);

	@Test
	void aBidderMaySendABurstThenFiveASecond() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.throttle.tryAcquire(1)).as("bid %d of the burst", i).isTrue();
		}
		assertThat(this.throttle.tryAcquire(1)).isFalse();
		this.nanos.addAndGet(199_000_000L);
		assertThat(this.throttle.tryAcquire(1)).as("a fifth of a second has not quite passed").isFalse();
		this.nanos.addAndGet(1_000_000L);
		assertThat(this.throttle.tryAcquire(1)).isTrue();
		assertThat(this.throttle.tryAcquire(1)).isFalse();
	}

	@Test
	void oneBiddersFloodLeavesAnotherBiddersAllowanceAlone() {
		for (int i = 0; i < 50; i++) {
			this.throttle.tryAcquire(1);
		}
		assertThat(this.throttle.tryAcquire(2)).isTrue();
	}

	@Test
	void quietBiddersAreForgottenOnceManyAreTracked() {
		for (long bidder = 0; bidder < 10_001; bidder++) {
			this.throttle.tryAcquire(bidder);
		}
		assertThat(this.throttle.tracked()).isEqualTo(10_001);
		this.nanos.addAndGet(3_000_000_000L);
		this.throttle.tryAcquire(99_999);
		assertThat(this.throttle.tracked()).isEqualTo(1);
	}

}
