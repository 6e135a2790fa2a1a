package com.gavel.live;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.watchlist.WatchlistService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's own sockets hear of lots that just became theirs: {@code your-bid} when a bid of
 * theirs was accepted however it was made, {@code watchlist} when they watch or unwatch a lot.
 * Nobody else hears of it, and a refused bid tells nobody anything.
 * <p>
 * Where a test shows that a message did not come, it waits for a later one that the same notice
 * thread sends after it: had the first been sent, it would have arrived before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-your-bid;DB_CLOSE_DELAY=-1" })
class LiveYourBidTests extends LiveTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	WatchlistService watchlist;

	@Test
	void everySocketOfTheBidderHearsOfTheirBidAcceptedOverRestAndNobodyElse() {
		LotView lot = openLot();
		LotView other = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		try (LiveTestClient adaTab = connect(ada); LiveTestClient adaPhone = connect(ada);
				LiveTestClient benSocket = connect(ben); LiveTestClient anonymous = connectAnonymous()) {
			JsonNode result = apiBid(ada, lot.id(), "10.00");
			long seq = result.path("sequence").asLong();

			String expected = "{\"type\":\"your-bid\",\"lot\":" + lot.id() + ",\"seq\":" + seq + "}";
			assertThat(adaTab.await("your-bid").toString()).isEqualTo(expected);
			assertThat(adaPhone.await("your-bid").toString()).isEqualTo(expected);

			// Ben's own bid comes after Ada's on the notice thread: it is the first he hears of.
			JsonNode bens = apiBid(ben, other.id(), "10.00");
			JsonNode heard = benSocket.await("your-bid");
			assertThat(heard.path("lot").asLong()).isEqualTo(other.id());
			assertThat(heard.path("seq").asLong()).isEqualTo(bens.path("sequence").asLong());
			assertThat(yourBids(benSocket)).isEmpty();
			roundTrip(anonymous);
			assertThat(yourBids(anonymous)).isEmpty();
			// ...and not Ada's business.
			roundTrip(adaTab);
			assertThat(yourBids(adaTab)).isEmpty();
		}
	}

	@Test
	void aRefusedBidTellsNobodyAnything() {
		LotView lot = openLot();
		LotView other = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient adaSocket = connect(ada)) {
			HttpResponse<String> refused = post(ada, lot.id(), "1.00");
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
			assertThat(refused.body()).contains("below-minimum");

			JsonNode accepted = apiBid(ada, other.id(), "10.00");
			JsonNode heard = adaSocket.await("your-bid");
			assertThat(heard.path("lot").asLong()).isEqualTo(other.id());
			assertThat(heard.path("seq").asLong()).isEqualTo(accepted.path("sequence").asLong());
			assertThat(yourBids(adaSocket)).isEmpty();
		}
	}

	@Test
	void aBidOverOneSocketIsHeardOnTheBiddersOtherSockets() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		try (LiveTestClient adaTab = connect(ada); LiveTestClient adaPhone = connect(ada)) {
			String requestId = newId();
			adaTab.send(bid(lot.id(), requestId, "10.00"));
			JsonNode result = adaTab.await("bid-result", (r) -> requestId.equals(r.path("requestId").asString()), WAIT);
			assertThat(result.path("accepted").asBoolean()).isTrue();

			JsonNode heard = adaPhone.await("your-bid");
			assertThat(heard.path("lot").asLong()).isEqualTo(lot.id());
			assertThat(heard.path("seq").asLong()).isEqualTo(result.path("sequence").asLong());
		}
	}

	@Test
	void watchingAndUnwatchingIsHeardOnTheUsersSocketsOnlyWhenItChangesSomething() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		try (LiveTestClient adaSocket = connect(ada); LiveTestClient benSocket = connect(ben)) {
			this.watchlist.watch(ada.id(), lot.id());
			assertThat(adaSocket.await("watchlist").toString())
				.isEqualTo("{\"type\":\"watchlist\",\"lot\":" + lot.id() + ",\"watching\":true}");

			// Watching it again changes nothing, so the next word Ada hears is the unwatching.
			this.watchlist.watch(ada.id(), lot.id());
			this.watchlist.unwatch(ada.id(), lot.id());
			JsonNode next = adaSocket.await("watchlist");
			assertThat(next.path("watching").asBoolean()).isFalse();
			this.watchlist.unwatch(ada.id(), lot.id());
			this.watchlist.watch(ada.id(), lot.id());
			assertThat(adaSocket.await("watchlist").path("watching").asBoolean()).isTrue();

			// Ben hears of his own watching first: nothing of Ada's came before it.
			this.watchlist.watch(ben.id(), lot.id());
			JsonNode bens = benSocket.await("watchlist");
			assertThat(bens.path("lot").asLong()).isEqualTo(lot.id());
			assertThat(bens.path("watching").asBoolean()).isTrue();
			roundTrip(benSocket);
			roundTrip(adaSocket);
			assertThat(messages(benSocket, "watchlist")).isEmpty();
			assertThat(messages(adaSocket, "watchlist")).isEmpty();
		}
	}

	private JsonNode apiBid(Account account, long lotId, String amount) {
		HttpResponse<String> answer = post(account, lotId, amount);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode result = LiveTestClient.JSON.readTree(answer.body());
		assertThat(result.path("accepted").asBoolean()).isTrue();
		return result;
	}

	private HttpResponse<String> post(Account account, long lotId, String amount) {
		return new ApiClient(this.port).post("/api/lots/" + lotId + "/bids",
				new ApiClient.Login(account.username(), PASSWORD),
				"{\"requestId\":\"" + newId() + "\",\"amount\":\"" + amount + "\"}");
	}

	private static List<JsonNode> yourBids(LiveTestClient client) {
		return messages(client, "your-bid");
	}

	private static List<JsonNode> messages(LiveTestClient client, String type) {
		return client.unmatched().stream().filter((m) -> type.equals(m.path("type").asString())).toList();
	}

}
