package com.gavel.live;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.support.GavelNode;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same house on PostgreSQL and on H2, driven the same way through the real server: the JSON
 * API, the live socket and the admin's downloads. Each test plays its part on H2 first, then on
 * PostgreSQL, checking on both what a bidder or an admin must see, and noting every answer they
 * got; the notes from PostgreSQL must equal H2's, field for field (ids, prices, aliases, times,
 * sequence numbers, CSV rows). Both houses run on a clock the tests move, so their times agree.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class PostgresParityTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static House onH2;

	private static House onPostgres;

	private static CapturedOutput log;

	@BeforeAll
	static void start(CapturedOutput output) {
		log = output;
		// The demo house is laid out, but its bidders and rotation, which move at random, wait an hour
		// between looks: the two houses must stay alike bid for bid.
		Map<String, String> settings = Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick", "100ms", "gavel.demo.enabled", "true", "gavel.demo.tick", "1h");
		// In memory, gone with the node's last pooled connection.
		Map<String, String> h2 = new HashMap<>(settings);
		h2.put("spring.datasource.url", "jdbc:h2:mem:parity-" + UUID.randomUUID());
		onH2 = new House(GavelNode.start(h2, GavelTestConfiguration.class));
		onPostgres = new House(postgres.start(settings, GavelTestConfiguration.class));
	}

	@AfterAll
	static void stop() {
		if (onH2 != null) {
			onH2.node.close();
		}
	}

	private static void sameOnBoth(Function<House, List<String>> part) {
		List<String> h2 = part.apply(onH2);
		List<String> pg = part.apply(onPostgres);
		assertThat(pg).as("what clients saw on PostgreSQL, against H2").containsExactlyElementsOf(h2);
	}

	@Test
	void theStartupReportSaysTheDataIsInPostgres() {
		assertThat(log.getOut()).contains("data in " + postgres.url() + "; sign in at " + onPostgres.node.url());
	}

	@Test
	void flywayBuildsTheSameSchemaFromTheSameMigrations() {
		sameOnBoth((house) -> {
			List<String> notes = new ArrayList<>();
			// Only the migrations: Flyway also notes there when it created the schema itself.
			List<Map<String, Object>> history = house.jdbc.queryForList("select \"version\", \"script\", \"checksum\", "
					+ "\"success\" from \"flyway_schema_history\" where \"type\" = 'SQL' order by \"installed_rank\"");
			assertThat(history).extracting((row) -> row.get("version")).containsExactly("1", "2", "10", "11", "12", "13",
					"14", "15", "15.2", "16", "17", "18", "19");
			assertThat(history).allSatisfy((row) -> assertThat(row.get("success")).isEqualTo(true));
			history.forEach((row) -> notes.add("migration " + row));
			for (Map<String, Object> column : house.jdbc.queryForList("""
					select lower(table_name) as t, lower(column_name) as c, lower(data_type) as type,
					       character_maximum_length as length, is_nullable as nullable
					from information_schema.columns
					where lower(table_schema) = 'public' and lower(table_name) <> 'flyway_schema_history'
					order by 1, 2""")) {
				// H2 calls BYTEA by its standard name, BINARY VARYING, and shows its 1 GB bound as a length.
				Object type = "binary varying".equals(column.get("type")) ? "bytea" : column.get("type");
				Object length = "bytea".equals(type) ? null : column.get("length");
				notes.add("column %s.%s %s(%s) nullable=%s".formatted(column.get("t"), column.get("c"), type, length,
						column.get("nullable")));
			}
			return notes;
		});
	}

	@Test
	@Order(1) // before any test moves the clock: the demo lots stand as laid
	void theDemoHouseIsLaidOnAnEmptyDatabase() {
		sameOnBoth((house) -> {
			JsonNode lots = house.json(house.get("/api/lots"));
			assertThat(lots.valueStream().map((l) -> l.path("title").asString())).containsExactlyInAnyOrder(
					"Silver pocket watch, 1890s", "Brass desk lamp, green glass shade",
					"Woodblock print of a great wave (later edition)", "Oak rocking chair",
					"French mantel clock, black marble case", "Blue-and-white porcelain teapot",
					"Hand-coloured botanical print, tulips", "Walnut side table with turned legs",
					"Brass carriage clock with key", "Victorian oil lamp, milk-glass shade",
					"Oil on board, river landscape", "Studio pottery vase, celadon glaze",
					// and the six of the demo's timed sale
					"Silver pocket watch, 1890s", "French mantel clock, black marble case",
					"Brass carriage clock with key", "Brass desk lamp, green glass shade",
					"Victorian oil lamp, milk-glass shade", "Hand-coloured botanical print, tulips",
					// and the five of its live sale
					"Blue-and-white porcelain teapot", "Oak rocking chair", "Studio pottery vase, celadon glaze",
					"Walnut side table with turned legs", "Oil on board, river landscape");
			JsonNode watch = lots.valueStream()
				.filter((l) -> l.path("title").asString().startsWith("Silver"))
				.findFirst()
				.orElseThrow();
			assertThat(watch.path("bids").asInt()).isEqualTo(2);
			assertThat(watch.path("price").asString()).isEqualTo("41.00");
			assertThat(watch.path("reserve").asString()).isEqualTo("not-met");
			HttpResponse<String> history = house.get("/api/lots/" + watch.path("id").asLong() + "/bids");
			assertThat(house.json(history)).hasSize(2);
			return List.of(lots.toString(), history.body());
		});
	}

	@Test
	void proxyBiddingGivesTheLeaderTheSecondPricePlusOneIncrement() {
		sameOnBoth((house) -> {
			List<String> notes = new ArrayList<>();
			long lot = house.openLot("Proxy lot", Duration.ofDays(1));
			Account carla = house.bidder("proxy-carla");
			Account dan = house.bidder("proxy-dan");
			try (LiveTestClient carlaSocket = house.socket(carla); LiveTestClient danSocket = house.socket(dan);
					LiveTestClient watcher = house.watcher()) {
				watcher.send(LiveTestSupport.subscribe(lot));
				carlaSocket.send(LiveTestSupport.subscribe(lot));
				long start = watcher.await("snapshot").path("lot").path("sequence").asLong();
				carlaSocket.await("snapshot");

				// Carla's maximum over the API; Dan's bids over the socket.
				HttpResponse<String> first = house.bid(carla, lot, "carla-1", null, "50.00");
				assertThat(first.statusCode()).isEqualTo(200);
				assertThat(house.json(first).path("price").asString()).isEqualTo("10.00");
				notes.add(first.body());

				danSocket.send(LiveTestSupport.bid(lot, "dan-1", "20.00"));
				JsonNode beaten = danSocket.await("bid-result");
				assertThat(beaten.path("accepted").asBoolean()).isTrue();
				assertThat(beaten.path("leading").asBoolean()).isFalse();
				assertThat(beaten.path("price").asString()).isEqualTo("20.50");
				notes.add(beaten.toString());

				danSocket.send(LiveTestSupport.maximum(lot, "dan-2", "60.00"));
				JsonNode leads = danSocket.await("bid-result");
				assertThat(leads.path("leading").asBoolean()).isTrue();
				assertThat(leads.path("price").asString()).isEqualTo("51.00");
				notes.add(leads.toString());

				JsonNode outbid = carlaSocket.await("outbid");
				assertThat(outbid.path("price").asString()).isEqualTo("51.00");
				notes.add(outbid.toString());

				long last = leads.path("sequence").asLong();
				for (long seq = start + 1; seq <= last; seq++) {
					long wanted = seq;
					notes.add(watcher.await("event", (e) -> e.path("seq").asLong() == wanted, WAIT).toString());
				}
			}
			JsonNode state = house.json(house.get("/api/lots/" + lot)).path("lot");
			assertThat(state.path("price").asString()).isEqualTo("51.00");
			assertThat(state.path("ask").asString()).isEqualTo("52.00");
			assertThat(state.path("leader").asString()).isEqualTo("Bidder 2");
			notes.add(state.toString());
			notes.add(house.get("/api/lots/" + lot + "/bids").body());
			return notes;
		});
	}

	@Test
	void aBidInTheLastTwoMinutesExtendsTheEndAndTheSchedulerClosesAtTheNewEnd() {
		sameOnBoth((house) -> {
			List<String> notes = new ArrayList<>();
			long lot = house.openLot("Soft-close lot", Duration.ofMinutes(10));
			Account erin = house.bidder("close-erin");
			Account finn = house.bidder("close-finn");
			try (LiveTestClient erinSocket = house.socket(erin); LiveTestClient watcher = house.watcher()) {
				watcher.send(LiveTestSupport.subscribe(lot));
				JsonNode snapshot = watcher.await("snapshot");
				Instant end = Instant.parse(snapshot.path("lot").path("endsAt").asString());

				house.clock.moveTo(end.minusSeconds(30));
				erinSocket.send(LiveTestSupport.bid(lot, "erin-1", "10.00"));
				JsonNode late = erinSocket.await("bid-result");
				assertThat(late.path("accepted").asBoolean()).isTrue();
				notes.add(late.toString());
				JsonNode extended = watcher.await("event", (e) -> e.path("kind").asString().equals("extended"), WAIT);
				Instant newEnd = Instant.parse(extended.path("lot").path("endsAt").asString());
				assertThat(newEnd).isEqualTo(Instant.parse(late.path("arrivedAt").asString()).plusSeconds(120));
				assertThat(extended.path("lot").path("originalEndsAt").asString()).isEqualTo(end.toString());
				notes.add(extended.toString());

				// Nobody touches the lot now: the scheduler closes it on its own, at the new end.
				house.clock.moveTo(newEnd.plusSeconds(1));
				JsonNode closed = watcher.await("event", (e) -> e.path("kind").asString().equals("closed"), WAIT);
				assertThat(closed.path("lot").path("outcome").asString()).isEqualTo("sold");
				assertThat(closed.path("lot").path("leader").asString()).isEqualTo("Bidder 1");
				notes.add(closed.toString());

				HttpResponse<String> tooLate = house.bid(finn, lot, "finn-1", "20.00", null);
				assertThat(tooLate.statusCode()).isEqualTo(409);
				assertThat(house.json(tooLate).path("reason").asString()).isEqualTo("lot-closed");
				notes.add(tooLate.body());
			}
			return notes;
		});
	}

	@Test
	void refusedBidsSayWhyAndChangeNothing() {
		sameOnBoth((house) -> {
			List<String> notes = new ArrayList<>();
			long lot = house.openLot("Refusals lot", Duration.ofDays(1));
			Account gail = house.bidder("refused-gail");
			Account hugo = house.bidder("refused-hugo");
			notes.add(house.bid(gail, lot, "gail-1", "10.00", null).body());
			String before = house.get("/api/lots/" + lot).body();

			HttpResponse<String> self = house.bid(gail, lot, "gail-2", "12.00", null);
			assertThat(self.statusCode()).isEqualTo(409);
			assertThat(house.json(self).path("reason").asString()).isEqualTo("self-outbid");
			notes.add(self.body());

			try (LiveTestClient hugoSocket = house.socket(hugo)) {
				hugoSocket.send(LiveTestSupport.bid(lot, "hugo-1", "10.25"));
				JsonNode low = hugoSocket.await("bid-result");
				assertThat(low.path("accepted").asBoolean()).isFalse();
				assertThat(low.path("reason").asString()).isEqualTo("below-minimum");
				assertThat(low.path("ask").asString()).isEqualTo("10.50");
				notes.add(low.toString());
			}
			HttpResponse<String> reused = house.bid(hugo, lot, "hugo-1", "11.00", null);
			assertThat(house.json(reused).path("reason").asString()).isEqualTo("request-id-reused");
			notes.add(reused.body());

			assertThat(house.get("/api/lots/" + lot).body()).isEqualTo(before);
			notes.add(house.get("/api/lots/" + lot + "/bids").body());
			return notes;
		});
	}

	@Test
	void theEventLogReplaysWhatAWatcherMissedOverTheApiAndOnResubscribe() {
		sameOnBoth((house) -> {
			List<String> notes = new ArrayList<>();
			long lot = house.openLot("Replay lot", Duration.ofDays(1));
			Account ida = house.bidder("replay-ida");
			Account jon = house.bidder("replay-jon");
			long seen;
			try (LiveTestClient first = house.watcher()) {
				first.send(LiveTestSupport.subscribe(lot));
				seen = first.await("snapshot").path("lot").path("sequence").asLong();
			}
			house.bid(ida, lot, "ida-1", "10.00", null);
			house.bid(jon, lot, "jon-1", null, "15.00");
			house.bid(ida, lot, "ida-2", "12.00", null);

			JsonNode missed = house.json(house.get("/api/lots/" + lot + "/events?after=" + seen));
			assertThat(missed.valueStream().map((e) -> e.path("seq").asLong())).containsExactly(seen + 1, seen + 2,
					seen + 3);
			notes.add(missed.toString());
			try (LiveTestClient again = house.watcher()) {
				again.send(LiveTestSupport.subscribe(lot, seen));
				for (JsonNode stored : missed) {
					JsonNode replayed = again.await("event", (e) -> true, WAIT);
					assertThat(replayed.path("seq")).isEqualTo(stored.path("seq"));
					assertThat(replayed.path("lot")).isEqualTo(stored.path("lot"));
					notes.add(replayed.toString());
				}
				assertThat(again.noMessage("snapshot", Duration.ofMillis(300))).isTrue();
			}
			return notes;
		});
	}

	@Test
	void anAdminClosesALotAndTheExportsShowTheSale() {
		sameOnBoth((house) -> {
			List<String> notes = new ArrayList<>();
			long lot = house.openLot("Closed by the admin", Duration.ofDays(1));
			Account kim = house.bidder("export-kim");
			Account leo = house.bidder("export-leo");
			house.bid(kim, lot, "kim-1", null, "30.00");
			house.bid(leo, lot, "leo-1", "25.00", null);
			try (LiveTestClient watcher = house.watcher()) {
				watcher.send(LiveTestSupport.subscribe(lot));
				watcher.await("snapshot");
				HttpResponse<String> close = house.admin("POST", "/api/admin/lots/" + lot + "/close", "");
				assertThat(close.statusCode()).isEqualTo(200);
				assertThat(house.json(close).path("status").asString()).isEqualTo("closed");
				notes.add(close.body());
				JsonNode closed = watcher.await("event", (e) -> e.path("kind").asString().equals("closed"), WAIT);
				assertThat(closed.path("lot").path("price").asString()).isEqualTo("26.00");
				notes.add(closed.toString());
			}
			HttpResponse<String> ledger = house.admin("GET", "/admin/lots/" + lot + "/bids.csv", null);
			assertThat(ledger.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
			List<String> rows = ledger.body().lines().toList();
			assertThat(rows).hasSize(3);
			assertThat(rows.get(1)).contains("export-kim", "maximum", "30.00");
			notes.add(ledger.body());
			String result = house.admin("GET", "/admin/results.csv", null)
				.body()
				.lines()
				.filter((row) -> row.contains("Closed by the admin"))
				.findFirst()
				.orElseThrow();
			assertThat(result).contains("sold", "26.00", "export-kim");
			notes.add(result);
			return notes;
		});
	}

	@Test
	void aPhotoUploadedByAnAdminIsServedBackByteForByte() {
		byte[] png = png();
		sameOnBoth((house) -> {
			long lot = house.openLot("Photographed lot", Duration.ofDays(1));
			String page = house.admin("GET", "/admin/lots/" + lot, null).body();
			Matcher action = Pattern.compile("action=\"(/admin/lots/" + lot + "/photos\\?_csrf=[^\"]+)\"")
				.matcher(page);
			assertThat(action.find()).isTrue();
			HttpResponse<String> upload = house.upload(action.group(1).replace("&amp;", "&"), png);
			assertThat(upload.statusCode()).isEqualTo(302);
			Matcher photo = Pattern.compile("/lots/" + lot + "/photos/(\\d+)")
				.matcher(house.admin("GET", "/admin/lots/" + lot, null).body());
			assertThat(photo.find()).as("the lot page shows the photo").isTrue();
			HttpResponse<byte[]> served = house.bytes("/lots/" + lot + "/photos/" + photo.group(1));
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(served.body()).isEqualTo(png);
			return List.of(photo.group(), served.headers().firstValue("Content-Type").orElseThrow());
		});
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x8a2d1f));
		g.fillRect(0, 0, 16, 12);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** One running house and the ways a test reaches it. */
	private static final class House {

		final GavelNode node;

		final MutableClock clock;

		final JdbcTemplate jdbc;

		final AccountService accounts;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		/** The admin's browser, signed in once through the form; its session holds the photo form's CSRF token. */
		private final HttpClient adminHttp;

		House(GavelNode node) {
			this.node = node;
			this.clock = node.bean(MutableClock.class);
			this.jdbc = node.bean(JdbcTemplate.class);
			this.accounts = node.bean(AccountService.class);
			this.adminHttp = FormSignIn.signIn(node.url(), TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
		}

		Account bidder(String name) {
			return this.accounts.register(name, name + "@example.test", TestAccounts.PASSWORD, Role.BIDDER);
		}

		/** A lot an admin created and opened through the API, starting at 10.00 EUR. */
		long openLot(String title, Duration endsIn) {
			Instant now = this.clock.instant();
			HttpResponse<String> created = admin("POST", "/api/admin/lots",
					"{\"title\":\"" + title + "\",\"description\":\"A lot for tests.\",\"currency\":\"EUR\","
							+ "\"startPrice\":\"10.00\",\"startsAt\":\"" + now.minusSeconds(60) + "\",\"endsAt\":\""
							+ now.plus(endsIn) + "\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			long id = json(created).path("id").asLong();
			assertThat(admin("POST", "/api/admin/lots/" + id + "/open", "").statusCode()).isEqualTo(200);
			return id;
		}

		HttpResponse<String> bid(Account bidder, long lot, String requestId, String amount, String maximum) {
			StringBuilder body = new StringBuilder("{\"requestId\":\"" + requestId + "\"");
			if (amount != null) {
				body.append(",\"amount\":\"").append(amount).append('"');
			}
			if (maximum != null) {
				body.append(",\"maximum\":\"").append(maximum).append('"');
			}
			body.append('}');
			return send(request("/api/lots/" + lot + "/bids", bidder.username(), TestAccounts.PASSWORD)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.node.url() + path)).GET(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<byte[]> bytes(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.node.url() + path)).GET(),
					HttpResponse.BodyHandlers.ofByteArray());
		}

		/** A request as the first admin; a JSON body for writes. */
		HttpResponse<String> admin(String method, String path, String json) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.node.url() + path));
			if (json == null) {
				request.GET();
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			return send(this.adminHttp, request, HttpResponse.BodyHandlers.ofString());
		}

		/** Posts a photo as the lot page's form does (its CSRF token is in {@code path}). */
		HttpResponse<String> upload(String path, byte[] image) {
			String boundary = "gavel-parity-boundary";
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"lot.png\""
					+ "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
			return send(this.adminHttp, HttpRequest.newBuilder(URI.create(this.node.url() + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, image, tail))),
					HttpResponse.BodyHandlers.ofString());
		}

		LiveTestClient socket(Account account) {
			LiveTestClient client = LiveTestClient.connect(this.node.port(), account.username(),
					TestAccounts.PASSWORD);
			client.await("hello");
			return client;
		}

		LiveTestClient watcher() {
			LiveTestClient client = LiveTestClient.connect(this.node.port(), null, null);
			client.await("hello");
			return client;
		}

		JsonNode json(HttpResponse<String> response) {
			return LiveTestClient.JSON.readTree(response.body());
		}

		private HttpRequest.Builder request(String path, String username, String password) {
			return HttpRequest.newBuilder(URI.create(this.node.url() + path))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}

		private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
			return send(this.http, request, body);
		}

		private static <T> HttpResponse<T> send(HttpClient http, HttpRequest.Builder request,
				HttpResponse.BodyHandler<T> body) {
			try {
				return http.send(request.timeout(Duration.ofSeconds(30)).build(), body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
