package com.gavel.auction;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.gavel.support.ApiClient;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public sales API on the real server: the list of public sales, and one sale with its terms
 * and its lots in lot-number order, each with its number, estimate and state.
 */
@GavelSpringBootTest
class SaleApiControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private Sales sales;

	@Autowired
	private MutableClock clock;

	private ApiClient api;

	private Instant start;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.start = this.clock.advanceToWholeSecond().plus(Duration.ofHours(1));
	}

	@Test
	void aSaleComesWithItsTermsAndItsLotsInLotNumberOrder() {
		String title = "Spring sale " + UUID.randomUUID();
		long sale = this.sales.create(spec(title, true), (id) -> {
		});
		List<LotView> lots = this.sales.createLots(sale,
				List.of(new SaleLotSpec("Clock", "", 4000, 6000L, null, 10, 10_000L, 15_000L),
						new SaleLotSpec("Lamp", "", 1500, null, null, 2, null, null),
						new SaleLotSpec("Print", "", 2000, null, null, 7, 3_000L, 5_000L)),
				(view, spec) -> {
				});
		this.sales.schedule(sale, () -> {
		});

		HttpResponse<String> response = this.api.get("/api/sales/" + sale, ApiClient.ANONYMOUS);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("id").asLong()).isEqualTo(sale);
		assertThat(body.get("title").asString()).isEqualTo(title);
		assertThat(body.get("kind").asString()).isEqualTo("timed");
		assertThat(body.get("status").asString()).isEqualTo("scheduled");
		assertThat(body.get("currency").asString()).isEqualTo("EUR");
		assertThat(Instant.parse(body.get("startsAt").asString())).isEqualTo(this.start);
		assertThat(body.get("intervalSeconds").asLong()).isEqualTo(60);
		assertThat(body.get("groupSoftClose").asBoolean()).isTrue();
		JsonNode terms = body.get("terms");
		assertThat(terms.get("buyersPremium").asString()).isEqualTo("22.5");
		assertThat(terms.get("tax").asString()).isEqualTo("20");
		assertThat(terms.get("houseIncrements").asBoolean()).isTrue();
		assertThat(terms.get("increments").get(0).get("from").asString()).isEqualTo("0");
		assertThat(terms.get("increments").get(0).get("increment").asString()).isEqualTo("0.05");
		assertThat(terms.get("payment").asString()).isEqualTo("Bank transfer within 5 days.");
		assertThat(terms.get("collection").asString()).isEqualTo("From the saleroom, weekdays.");

		List<Integer> numbers = new ArrayList<>();
		body.get("lots").forEach((lot) -> numbers.add(lot.get("lotNumber").asInt()));
		assertThat(numbers).containsExactly(2, 7, 10);
		JsonNode lamp = body.get("lots").get(0);
		assertThat(lamp.get("estimate").isNull()).isTrue();
		assertThat(lamp.get("lot").get("id").asLong()).isEqualTo(lots.get(1).id());
		assertThat(lamp.get("lot").get("title").asString()).isEqualTo("Lamp");
		assertThat(lamp.get("lot").get("status").asString()).isEqualTo("scheduled");
		assertThat(lamp.get("lot").get("ask").asString()).isEqualTo("15.00");
		assertThat(Instant.parse(lamp.get("lot").get("endsAt").asString())).isEqualTo(this.start.plus(Duration.ofDays(1)));
		JsonNode clock = body.get("lots").get(2);
		assertThat(clock.get("estimate").get("low").asString()).isEqualTo("100.00");
		assertThat(clock.get("estimate").get("high").asString()).isEqualTo("150.00");
		assertThat(clock.get("lot").get("reserve").asString()).isEqualTo("not-met");
		assertThat(clock.get("lot").has("reservePrice")).isFalse();
		assertThat(Instant.parse(clock.get("lot").get("endsAt").asString()))
			.isEqualTo(this.start.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(2)));

		JsonNode listed = find(this.api.get("/api/sales", ApiClient.ANONYMOUS), sale);
		assertThat(listed).isNotNull();
		assertThat(listed.get("status").asString()).isEqualTo("scheduled");
		assertThat(listed.get("lots").asInt()).isEqualTo(3);
		assertThat(Instant.parse(listed.get("lastLotEndsAt").asString()))
			.isEqualTo(this.start.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(2)));
		assertThat(listed.has("terms")).isFalse();
		assertThat(find(this.api.get("/api/sales?status=scheduled", ApiClient.ANONYMOUS), sale)).isNotNull();
		assertThat(find(this.api.get("/api/sales?status=open,closed", ApiClient.ANONYMOUS), sale)).isNull();
	}

	@Test
	void draftSalesAndDraftLotsAreNotPublic() {
		long draft = this.sales.create(spec("Draft sale " + UUID.randomUUID(), false), (id) -> {
		});
		this.sales.createLots(draft, List.of(new SaleLotSpec("Hidden", "", 1000, null, null, 1, null, null)),
				(view, spec) -> {
				});

		HttpResponse<String> missing = this.api.get("/api/sales/" + draft, ApiClient.ANONYMOUS);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(missing.body()).get("reason").asString()).isEqualTo("sale-not-found");
		assertThat(find(this.api.get("/api/sales", ApiClient.ANONYMOUS), draft)).isNull();

		HttpResponse<String> badStatus = this.api.get("/api/sales?status=draft", ApiClient.ANONYMOUS);
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(badStatus.body()).get("reason").asString()).isEqualTo("invalid-request");
	}

	private JsonNode find(HttpResponse<String> list, long saleId) {
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		for (JsonNode sale : this.json.readTree(list.body())) {
			if (sale.get("id").asLong() == saleId) {
				return sale;
			}
		}
		return null;
	}

	private SaleSpec spec(String title, boolean group) {
		return new SaleSpec(title, "Clocks, lamps and prints.", "EUR", SaleKind.TIMED, this.start,
				this.start.plus(Duration.ofDays(1)), Duration.ofMinutes(1), group, new BigDecimal("22.5"),
				new BigDecimal("20"), null, "Bank transfer within 5 days.", "From the saleroom, weekdays.");
	}

}
