package com.gavel.live;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.gavel.account.Account;
import com.gavel.auction.LotView;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelSpringBootTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sockets that learnt their bidder from the session cookie at the handshake, and signing out: the
 * sockets opened with that session close with 1008, those of the bidder's other sessions stay.
 */
@GavelSpringBootTest
class LiveSignOutTests extends LiveTestSupport {

	static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void aSocketOpenedWithTheSessionCookieBidsAsItsBidder() {
		Account ada = bidder("cookie");
		LotView lot = openLot();
		HttpClient browser = FormSignIn.signIn(base(), ada.username(), PASSWORD);
		try (LiveTestClient socket = connectWith(browser)) {
			assertThat(socket.await("hello").path("user").asString()).isEqualTo(ada.username());
			socket.send(bid(lot.id(), "cookie-1", "10.00"));
			JsonNode result = socket.await("bid-result", (m) -> m.path("requestId").asString().equals("cookie-1"),
					WAIT);
			assertThat(result.path("accepted").asBoolean()).as(result.toString()).isTrue();
		}
	}

	@Test
	void signingOutClosesTheSocketsOfThatSessionOnly() throws Exception {
		Account ben = bidder("signout");
		HttpClient signingOut = FormSignIn.signIn(base(), ben.username(), PASSWORD);
		HttpClient otherDevice = FormSignIn.signIn(base(), ben.username(), PASSWORD);
		try (LiveTestClient first = connectWith(signingOut); LiveTestClient second = connectWith(signingOut);
				LiveTestClient other = connectWith(otherDevice)) {
			for (LiveTestClient socket : new LiveTestClient[] { first, second, other }) {
				assertThat(socket.await("hello").path("user").asString()).isEqualTo(ben.username());
			}

			signOut(signingOut);

			assertThat(first.awaitClose(WAIT)).isEqualTo(1008);
			assertThat(second.awaitClose(WAIT)).isEqualTo(1008);
			roundTrip(other);
			assertThat(other.isClosed()).isFalse();
		}
	}

	private LiveTestClient connectWith(HttpClient browser) {
		return LiveTestClient.connect(this.port, null, null, Map.of("Cookie", FormSignIn.sessionCookie(browser)));
	}

	private void signOut(HttpClient browser) {
		FormSignIn.signOut(base(), browser);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
