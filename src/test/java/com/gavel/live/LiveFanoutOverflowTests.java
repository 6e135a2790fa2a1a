package com.gavel.live;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A fan-out thread that falls far behind has a bounded queue: bids never wait for it, and its
 * lots' watchers get the newest state as a snapshot instead of the events that did not fit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-fanout-overflow;DB_CLOSE_DELAY=-1",
				"gavel.live.fanout-threads=1", "gavel.live.fanout-queue=2" })
class LiveFanoutOverflowTests extends LiveTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void aFullFanoutQueueNeitherHoldsUpBidsNorLosesTheNewestState() throws InterruptedException {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		double refusedBefore = this.meters.counter("gavel.live.fanout.refused").count();
		try (LiveTestClient watcher = connectAnonymous()) {
			watcher.send(subscribe(lot.id()));
			watcher.await("snapshot");

			CountDownLatch blocked = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			assertThat(this.executors.stripe(lot.id()).offer(() -> {
				blocked.countDown();
				try {
					release.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			})).isTrue();
			assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
			BidResult last;
			try {
				last = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
					String ask = lot.ask();
					BidResult result = null;
					for (int i = 0; i < 8; i++) {
						result = restBid(i % 2 == 0 ? ada : ben, lot.id(), ask);
						assertThat(result.accepted()).isTrue();
						ask = result.lot().ask();
					}
					return result;
				}, "bids waited for the stuck fan-out thread");
			}
			finally {
				release.countDown();
			}
			assertThat(this.meters.counter("gavel.live.fanout.refused").count()).isGreaterThan(refusedBefore);

			long newest = last.sequence();
			JsonNode snapshot = watcher.await("snapshot", (s) -> s.path("lot").path("sequence").asLong() == newest,
					Duration.ofSeconds(5));
			assertThat(snapshot.path("lot").path("price").asString()).isEqualTo(last.price());
		}
	}

}
