package com.gavel.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.support.ApiClient;
import com.gavel.support.ApiClient.Login;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running sales over the admin JSON API on the real server: create a sale, put lots in it, number
 * them, schedule, open and close it; and the CSV import, which imports every row or none and
 * reports every row's problems.
 */
@GavelSpringBootTest
class AdminSaleApiTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private AccountService accounts;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private LotPhotos photos;

	@Autowired
	private LotCategories categories;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	private ApiClient api;

	private Instant start;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.start = this.clock.advanceToWholeSecond().plus(Duration.ofHours(2));
	}

	@Test
	void onlyAdminsMayUseIt() {
		Account bidder = TestAccounts.newBidder(this.accounts, "bidder");
		assertThat(this.api.get("/api/admin/sales", Login.of(bidder)).statusCode()).isEqualTo(403);
		assertThat(this.api.post("/api/admin/sales", Login.of(bidder), saleJson("Not yours", "timed")).statusCode())
			.isEqualTo(403);
		assertThat(this.api.get("/api/admin/sales", ApiClient.ANONYMOUS).statusCode()).isEqualTo(401);
		assertThat(this.api.get("/api/admin/sales", Login.admin()).statusCode()).isEqualTo(200);
	}

	@Test
	void anAdminBuildsASaleNumbersItsLotsAndRunsIt() {
		JsonNode sale = body(this.api.post("/api/admin/sales", Login.admin(), saleJson("API sale", "timed")), 201);
		long id = sale.get("id").asLong();
		assertThat(sale.get("status").asString()).isEqualTo("draft");
		assertThat(sale.get("terms").get("buyersPremium").asString()).isEqualTo("25");
		assertThat(sale.get("terms").get("houseIncrements").asBoolean()).isFalse();
		assertThat(sale.get("terms").get("increments").get(1).get("from").asString()).isEqualTo("100");

		body(this.api.post("/api/admin/sales/" + id + "/lots/new", Login.admin(),
				"{\"title\":\"Barometer\",\"lotNumber\":1,\"startPrice\":\"50\",\"estimateLow\":\"80\",\"estimateHigh\":\"120\"}"),
				201);
		body(this.api.post("/api/admin/sales/" + id + "/lots/new", Login.admin(),
				"{\"title\":\"Compass\",\"lotNumber\":2,\"startPrice\":\"20.50\"}"), 201);
		long loose = body(this.api.post("/api/admin/lots", Login.admin(), looseLotJson("Sextant")), 201).get("id").asLong();
		JsonNode added = body(this.api.post("/api/admin/sales/" + id + "/lots", Login.admin(),
				"{\"lotId\":" + loose + ",\"lotNumber\":3}"), 200);
		assertThat(numbers(added)).containsExactly(1, 2, 3);
		long barometer = added.get("lots").get(0).get("lot").get("id").asLong();
		long sextant = added.get("lots").get(2).get("lot").get("id").asLong();
		assertThat(sextant).isEqualTo(loose);

		// The same number twice, or a lot in another sale, is refused and changes nothing.
		HttpResponse<String> clash = this.api.post("/api/admin/sales/" + id + "/lots/new", Login.admin(),
				"{\"title\":\"Clash\",\"lotNumber\":2,\"startPrice\":\"1\"}");
		assertThat(clash.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(clash.body()).get("reason").asString()).isEqualTo("invalid-state");

		// Swap 1 and 3.
		JsonNode swapped = body(this.api.put("/api/admin/sales/" + id + "/numbers", Login.admin(), "[{\"lotId\":"
				+ barometer + ",\"lotNumber\":3,\"estimateLow\":\"90\",\"estimateHigh\":\"130\"},{\"lotId\":" + sextant
				+ ",\"lotNumber\":1}]"), 200);
		assertThat(numbers(swapped)).containsExactly(1, 2, 3);
		assertThat(swapped.get("lots").get(0).get("lot").get("id").asLong()).isEqualTo(sextant);
		assertThat(swapped.get("lots").get(2).get("estimate").get("low").asString()).isEqualTo("90.00");

		JsonNode scheduled = body(this.api.post("/api/admin/sales/" + id + "/schedule", Login.admin(), ""), 200);
		assertThat(scheduled.get("status").asString()).isEqualTo("scheduled");
		Instant firstEnd = this.start.plus(Duration.ofHours(1));
		for (int i = 0; i < 3; i++) {
			JsonNode lot = scheduled.get("lots").get(i).get("lot");
			assertThat(lot.get("status").asString()).isEqualTo("scheduled");
			assertThat(Instant.parse(lot.get("endsAt").asString())).isEqualTo(firstEnd.plus(Duration.ofSeconds(90L * i)));
		}
		assertThat(body(this.api.get("/api/sales/" + id, ApiClient.ANONYMOUS), 200).get("lots").size()).isEqualTo(3);

		JsonNode open = body(this.api.post("/api/admin/sales/" + id + "/open", Login.admin(), ""), 200);
		assertThat(open.get("status").asString()).isEqualTo("open");
		assertThat(open.get("lots").get(0).get("lot").get("status").asString()).isEqualTo("open");
		HttpResponse<String> late = this.api.put("/api/admin/sales/" + id + "/numbers", Login.admin(),
				"[{\"lotId\":" + sextant + ",\"lotNumber\":9}]");
		assertThat(late.statusCode()).isEqualTo(409);

		JsonNode closed = body(this.api.post("/api/admin/sales/" + id + "/close", Login.admin(), ""), 200);
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		closed.get("lots").forEach((l) -> assertThat(l.get("lot").get("status").asString()).isEqualTo("closed"));
		assertThat(this.jdbc.queryForList("select action from audit_entry where detail like ?", String.class,
				"sale " + id + "%")).contains("sale-created", "sale-renumbered", "sale-scheduled", "sale-opened",
						"sale-closed");
	}

	@Test
	void liveSalesAreMadeAndBadTermsAreRefused() {
		JsonNode live = body(this.api.post("/api/admin/sales", Login.admin(), saleJson("Live", "live")), 201);
		assertThat(live.get("kind").asString()).isEqualTo("live");
		HttpResponse<String> premium = this.api.post("/api/admin/sales", Login.admin(),
				saleJson("Greedy", "timed").replace("\"25\"", "\"101\""));
		assertThat(premium.statusCode()).isEqualTo(400);
		HttpResponse<String> yen = this.api.post("/api/admin/sales", Login.admin(),
				saleJson("Yen", "timed").replace("\"EUR\"", "\"JPY\""));
		assertThat(yen.statusCode()).as("a yen table cannot step by 0.50").isEqualTo(400);
	}

	@Test
	void anImportWithAnyWrongRowImportsNothingAndNamesEveryProblem() {
		long id = body(this.api.post("/api/admin/sales", Login.admin(), saleJson("Import sale", "timed")), 201).get("id")
			.asLong();
		body(this.api.post("/api/admin/sales/" + id + "/lots/new", Login.admin(),
				"{\"title\":\"Already here\",\"lotNumber\":5,\"startPrice\":\"10\"}"), 201);
		HttpResponse<String> photo = this.api.post("/api/admin/sales/" + id + "/photos", Login.admin(),
				"{\"name\":\"clock-front.png\",\"data\":\"" + Base64.getEncoder().encodeToString(AdminPhotoTests.png(400, 300))
						+ "\"}");
		assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);
		int lotsBefore = this.catalog.allLots().size();

		String bad = """
				lot_number,title,description,estimate_low,estimate_high,start_price,reserve,photos,category
				1,Mantel clock,"Black marble, strikes the hour",100,150,40,60,clock-front.png,Clocks & watches
				2,,No title here,,,12.50,,,
				3,Desk lamp,,80,,12.5.0,5,lamp.jpg,Lighting
				1,Second number one,,,,10,,,
				5,Taken number,,,,10,,,
				""";
		HttpResponse<String> refused = this.api.post("/api/admin/sales/" + id + "/import", Login.admin(),
				importJson(bad));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("reason").asString()).isEqualTo("import-refused");
		List<String> found = new ArrayList<>();
		problem.get("errors").forEach((e) -> found.add(e.get("row").asInt() + ":" + e.get("column").asString()));
		assertThat(found).containsExactlyInAnyOrder("3:title", "4:start_price", "4:estimate_high", "4:photos",
				"5:lot_number", "6:lot_number");
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("Required.");
		assertThat(this.catalog.allLots()).hasSize(lotsBefore);
		assertThat(this.jdbc.queryForObject("select count(*) from sale_photo where sale_id = ?", Integer.class, id))
			.isEqualTo(1);

		String good = """
				Lot Number;Title;Start Price;Estimate-Low;Estimate High;Photos;Category;Description
				1;Mantel clock;40;100;150;clock-front.png;Clocks & watches;"Black marble; strikes the hour"
				2;Desk lamp;12.50;;;;;
				""";
		JsonNode imported = body(this.api.post("/api/admin/sales/" + id + "/import", Login.admin(), importJson(good)),
				200);
		assertThat(imported.get("imported").asInt()).isEqualTo(2);
		long clock = imported.get("lotIds").get(0).asLong();
		JsonNode sale = body(this.api.get("/api/admin/sales/" + id, Login.admin()), 200);
		assertThat(numbers(sale)).containsExactly(1, 2, 5);
		JsonNode first = sale.get("lots").get(0);
		assertThat(first.get("lot").get("id").asLong()).isEqualTo(clock);
		assertThat(first.get("lot").get("title").asString()).isEqualTo("Mantel clock");
		assertThat(first.get("estimate").get("high").asString()).isEqualTo("150.00");
		assertThat(first.get("lot").get("status").asString()).isEqualTo("draft");
		assertThat(this.catalog.adminLot(clock).orElseThrow().terms().description())
			.isEqualTo("Black marble; strikes the hour");
		assertThat(this.photos.of(clock)).extracting(LotPhotos.Photo::originalName).containsExactly("clock-front.png");
		assertThat(this.categories.of(clock)).hasValue("Clocks & watches");
		assertThat(this.jdbc.queryForObject("select count(*) from sale_photo where sale_id = ?", Integer.class, id))
			.isZero();
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
		long id = body(this.api.post("/api/admin/sales", Login.admin(), saleJson("Header sale", "timed")), 201).get("id")
			.asLong();
		HttpResponse<String> refused = this.api.post("/api/admin/sales/" + id + "/import", Login.admin(),
				importJson("lot_number,name,startprice\n1,Clock,10\n"));
		assertThat(refused.statusCode()).isEqualTo(422);
		List<String> messages = new ArrayList<>();
		this.json.readTree(refused.body()).get("errors").forEach((e) -> messages.add(e.get("message").asString()));
		assertThat(messages).containsExactlyInAnyOrder("“name” is not a column an import knows.",
				"“startprice” is not a column an import knows.", "The header must name the column “title”.",
				"The header must name the column “start_price”.");
	}

	private List<Integer> numbers(JsonNode sale) {
		List<Integer> numbers = new ArrayList<>();
		sale.get("lots").forEach((l) -> numbers.add(l.get("lotNumber").asInt()));
		return numbers;
	}

	private JsonNode body(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	private String importJson(String csv) {
		return this.json.writeValueAsString(java.util.Map.of("csv", csv));
	}

	private String saleJson(String title, String kind) {
		return """
				{"title":"%s","description":"Instruments.","currency":"EUR","kind":"%s","startsAt":"%s",
				 "firstLotEndsAt":"%s","intervalSeconds":90,"groupSoftClose":true,"buyersPremium":"25","tax":"19.6",
				 "increments":[{"from":"0","increment":"0.50"},{"from":"100","increment":"5"}],
				 "paymentText":"Pay by card.","collectionText":"Collect within a week."}"""
			.formatted(title + " " + UUID.randomUUID(), kind, this.start, this.start.plus(Duration.ofHours(1)));
	}

	private String looseLotJson(String title) {
		return """
				{"title":"%s","description":"","currency":"EUR","startPrice":"30","startsAt":"%s","endsAt":"%s"}"""
			.formatted(title, this.start, this.start.plus(Duration.ofDays(2)));
	}

}
