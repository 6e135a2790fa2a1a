package com.gavel.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-limits;DB_CLOSE_DELAY=-1", "gavel.live.max-connections=3",
				"gavel.live.idle-timeout=1500ms", "gavel.live.housekeeping-interval=200ms" })
class LiveLimitsTests extends LiveTestSupport {

	@Test
	void aConnectionOverTheLimitIsClosedWith1013() {
		try (LiveTestClient a = connectAnonymous(); LiveTestClient b = connectAnonymous();
				LiveTestClient c = connectAnonymous();
				LiveTestClient d = LiveTestClient.connect(this.port, null, null)) {
			assertThat(d.awaitClose(Duration.ofSeconds(5))).isEqualTo(1013);
			assertThat(a.isClosed()).isFalse();
		}
	}

	@Test
	void aSocketThatNeverPingsIsClosedButOneThatPingsStays() throws InterruptedException {
		try (LiveTestClient quiet = connectAnonymous(); LiveTestClient pinging = connectAnonymous()) {
			long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			while (System.nanoTime() < deadline && !quiet.isClosed()) {
				pinging.send(java.util.Map.of("type", "ping", "t", 1));
				Thread.sleep(300);
			}
			assertThat(quiet.awaitClose(Duration.ofSeconds(3))).isEqualTo(1000);
			assertThat(pinging.isClosed()).isFalse();
		}
	}

}
