package com.gavel.live;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** One client cannot take a node's sockets: caps per signed-in user and per client address. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-caps;DB_CLOSE_DELAY=-1", "gavel.live.max-connections=20",
				"gavel.live.max-sockets-per-user=2", "gavel.live.max-sockets-per-address=4" })
class LiveSocketCapsTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	SessionRegistry registry;

	@BeforeEach
	void noSocketsLeftFromOtherTests() throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.registry.count() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.registry.count()).isZero();
	}

	@Test
	void aUserPastTheirCapIsClosedWith1013AndMayConnectAgainOnceOneIsGone() throws InterruptedException {
		Account ada = bidder("ada");
		try (LiveTestClient first = connect(ada); LiveTestClient second = connect(ada);
				LiveTestClient third = LiveTestClient.connect(this.port, ada.username(), PASSWORD)) {
			assertThat(third.awaitClose(WAIT)).isEqualTo(1013);
			assertThat(third.closeReason()).isEqualTo("too many sockets for this user");
			assertThat(first.isClosed()).isFalse();
			assertThat(second.isClosed()).isFalse();

			// Another user from the same address is not affected.
			try (LiveTestClient ben = connect(bidder("ben"))) {
				assertThat(ben.isClosed()).isFalse();
			}

			first.close();
			awaitSessions(1);
			try (LiveTestClient again = connect(ada)) {
				again.send(Map.of("type", "ping", "t", 1));
				assertThat(again.await("pong").path("t").asLong()).isEqualTo(1);
			}
		}
	}

	@Test
	void anAddressPastItsCapIsClosedWith1013WhateverForwardedHeaderItSends() {
		// Without a forward-headers strategy the server trusts no proxy header: every socket here
		// comes from loopback, whatever X-Forwarded-For claims.
		try (LiveTestClient a = anonymousFrom("198.51.100.1"); LiveTestClient b = anonymousFrom("198.51.100.2");
				LiveTestClient c = anonymousFrom("198.51.100.3"); LiveTestClient d = anonymousFrom("198.51.100.4");
				LiveTestClient e = LiveTestClient.connect(this.port, null, null,
						Map.of("X-Forwarded-For", "198.51.100.5"))) {
			assertThat(e.awaitClose(WAIT)).isEqualTo(1013);
			assertThat(e.closeReason()).isEqualTo("too many sockets from this address");
			for (LiveTestClient held : new LiveTestClient[] { a, b, c, d }) {
				assertThat(held.isClosed()).isFalse();
			}
		}
	}

	private LiveTestClient anonymousFrom(String claimedAddress) {
		LiveTestClient client = LiveTestClient.connect(this.port, null, null,
				Map.of("X-Forwarded-For", claimedAddress));
		client.await("hello");
		return client;
	}

	private void awaitSessions(int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.registry.count() != count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.registry.count()).isEqualTo(count);
	}

}
