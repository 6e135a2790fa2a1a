package com.gavel.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StripeTests {

	private final Stripe stripe = new Stripe(2, (task) -> {
		Thread t = new Thread(task, "stripe-test");
		t.setDaemon(true);
		return t;
	});

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.stripe.shutdown();
	}

	@Test
	void aFullQueueRefusesAtOnceInsteadOfWaiting() throws InterruptedException {
		block();
		assertThat(this.stripe.offer(() -> {
		})).isTrue();
		assertThat(this.stripe.offer(() -> {
		})).isTrue();
		assertThat(this.stripe.offer(() -> {
		})).isFalse();
		assertThat(this.stripe.queued()).isEqualTo(2);
	}

	@Test
	void workLeftForSoonRunsOncePerKeyRightAfterTheTaskInProgressAheadOfTheQueue() throws InterruptedException {
		List<String> ran = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		block();
		this.stripe.offer(() -> ran.add("queued"));
		this.stripe.offer(() -> {
			ran.add("last");
			done.countDown();
		});
		this.stripe.soon(7, () -> ran.add("lot 7, first ask"));
		this.stripe.soon(7, () -> ran.add("lot 7"));
		this.stripe.soon(8, () -> ran.add("lot 8"));
		this.release.countDown();
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ran).containsExactlyInAnyOrder("lot 7", "lot 8", "queued", "last");
		assertThat(ran.subList(0, 2)).containsExactlyInAnyOrder("lot 7", "lot 8");
	}

	@Test
	void workLeftForSoonRunsOnAnIdleThreadToo() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		this.stripe.soon(1, ran::countDown);
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
	}

	private void block() throws InterruptedException {
		CountDownLatch blocked = new CountDownLatch(1);
		assertThat(this.stripe.offer(() -> {
			blocked.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		})).isTrue();
		assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
	}

}
