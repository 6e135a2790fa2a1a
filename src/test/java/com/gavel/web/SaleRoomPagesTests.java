package com.gavel.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open the live sale room and the clerk console, as the server answers before any
 * script runs: the room is public for a live sale that is not a draft and not found otherwise;
 * the console is for admins only, and only for a live sale. A live sale's pages link to both.
 */
@WebSpringBootTest
class SaleRoomPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Sales sales;

	@Autowired
	AccountService accounts;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theRoomIsThereForALiveSaleOnly() throws Exception {
		LiveSaleBrowserTests.LiveSale live = LiveSaleBrowserTests.liveSale(this.sales, "Room sale " + unique());
		long timed = sale(SaleKind.TIMED, true);
		long draft = sale(SaleKind.LIVE, false);

		HttpResponse<String> room = get("/sales/" + live.id() + "/live", null);
		assertThat(room.statusCode()).isEqualTo(200);
		assertThat(room.body()).contains("data-page=\"sale-room\"", "/js/sale-room.js", "Walnut mantel clock",
				"\"lotNumber\":2", "Sign in to bid");
		assertThat(get("/sales/" + live.id(), null).body()).contains("/sales/" + live.id() + "/live",
				"Enter the live sale room");

		assertThat(get("/sales/" + timed + "/live", null).statusCode()).isEqualTo(404);
		assertThat(get("/sales/" + timed, null).body()).doesNotContain("/sales/" + timed + "/live");
		assertThat(get("/sales/" + draft + "/live", null).statusCode()).isEqualTo(404);
		assertThat(get("/sales/987654321/live", null).statusCode()).isEqualTo(404);
	}

	@Test
	void theConsoleIsForAdminsAndLiveSalesOnly() throws Exception {
		LiveSaleBrowserTests.LiveSale live = LiveSaleBrowserTests.liveSale(this.sales, "Console sale " + unique());
		long timed = sale(SaleKind.TIMED, true);
		String admin = "house-" + unique();
		this.accounts.register(admin, admin + "@example.test", WebFixtures.PASSWORD, Role.ADMIN);
		Account bidder = WebFixtures.bidder(this.accounts, "ada");
		String path = "/admin/sales/" + live.id() + "/clerk";

		HttpResponse<String> console = get(path, admin);
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.body()).contains("data-page=\"clerk-console\"", "/js/clerk.js", "Walnut mantel clock",
				"data-role=\"bring-up\"", "data-csrf-token=");
		assertThat(get("/admin/sales/" + live.id(), admin).body()).contains(path, "Clerk console");

		assertThat(get(path, bidder.username()).statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = get(path, null);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(get("/admin/sales/" + timed + "/clerk", admin).statusCode()).isEqualTo(404);
		assertThat(get("/admin/sales/" + timed, admin).body()).doesNotContain("/admin/sales/" + timed + "/clerk");
		assertThat(get("/admin/sales/987654321/clerk", admin).statusCode()).isEqualTo(404);
	}

	/** A sale of the kind, opened (so public) or left a draft. */
	private long sale(SaleKind kind, boolean open) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long id = this.sales.create(new SaleSpec(kind.code() + " sale " + unique(), "", "EUR", kind, now.minusSeconds(60),
				now.plus(Duration.ofHours(1)), Duration.ofMinutes(1), false, BigDecimal.ZERO, BigDecimal.ZERO, null, "", ""),
				(saleId) -> {
				});
		this.sales.createLot(id, new SaleLotSpec("Pewter jug", "", 1000, null, null, 1, null, null), (lot) -> {
		});
		if (open) {
			this.sales.schedule(id, () -> {
			});
			this.sales.openNow(id, () -> {
			});
		}
		return id;
	}

	/** GETs the page, signed in with HTTP Basic as {@code username} (the test password), or anonymously. */
	private HttpResponse<String> get(String path, String username) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html");
		if (username != null) {
			String credentials = username + ":" + WebFixtures.PASSWORD;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
