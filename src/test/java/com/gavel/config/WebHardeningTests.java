package com.gavel.config;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.support.FormSignIn;
import com.gavel.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile page or a curious stranger meets, through the real server: a cross-site request
 * cannot change anything through the JSON API even with a signed-in admin's cookie, every page
 * carries the security headers, the session cookie cannot be read by scripts or sent cross-site,
 * and the public info endpoint tells nothing about the runtime.
 * <p>
 * The server honours forwarded headers here ({@code server.forward-headers-strategy=native}), as
 * docs/operations.md tells operators behind a TLS-terminating proxy to set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hardening-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms", "server.forward-headers-strategy=native" })
class WebHardeningTests {

	static final String EVIL = "http://evil.example";

	@LocalServerPort
	int port;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	AccountService accounts;

	final JsonMapper json = JsonMapper.builder().build();

	/** A browser's cookie jar with a signed-in admin's session. */
	HttpClient admin;

	@BeforeEach
	void signInAdmin() {
		this.admin = FormSignIn.signIn(base(), TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
	}

	@Test
	void aCrossSiteFormCannotPauseALotWithAnAdminsSession() {
		LotView lot = openLot("Cross-site target");
		// Exactly what evil.example's auto-submitting form sends along with the admin's cookie.
		HttpResponse<String> response = send(this.admin, request("/api/admin/lots/" + lot.id() + "/pause")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", EVIL)
			.POST(HttpRequest.BodyPublishers.ofString("")));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(415);
		assertThat(problem.path("reason").asString()).isEqualTo("json-required");
		assertThat(problem.path("detail").asString()).contains("application/json");
		assertThat(status(lot)).isEqualTo("open");
	}

	@Test
	void noBodylessAdminActionTakesAFormOrPlainText() {
		LotView open = openLot("Stays open");
		LotView paused = this.engine.pause(openLot("Stays paused").id());
		LotView draft = this.engine.createLot(spec("Stays a draft"));
		Account banned = this.accounts.setBanned(TestAccounts.newBidder(this.accounts, "stays-banned").id(), true);
		Map<String, String> forms = Map.of("/api/admin/lots/" + open.id() + "/pause", "open",
				"/api/admin/lots/" + open.id() + "/close", "open", "/api/admin/lots/" + paused.id() + "/resume",
				"paused", "/api/admin/lots/" + draft.id() + "/schedule", "draft",
				"/api/admin/lots/" + draft.id() + "/open", "draft");
		for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
				"text/plain")) {
			for (String path : forms.keySet()) {
				HttpResponse<String> response = send(this.admin, request(path).header("Content-Type", type)
					.header("Origin", EVIL)
					.POST(HttpRequest.BodyPublishers.ofString("")));
				assertThat(response.statusCode()).as(type + " " + path).isEqualTo(415);
			}
			HttpResponse<String> unban = send(this.admin,
					request("/api/admin/users/" + banned.id() + "/unban").header("Content-Type", type)
						.header("Origin", EVIL)
						.POST(HttpRequest.BodyPublishers.ofString("")));
			assertThat(unban.statusCode()).as(type + " unban").isEqualTo(415);
		}
		assertThat(status(open)).isEqualTo("open");
		assertThat(status(paused)).isEqualTo("paused");
		assertThat(this.catalog.adminLot(draft.id()).orElseThrow().lot().status()).isEqualTo("draft");
		assertThat(this.accounts.find(banned.id()).orElseThrow().banned()).isTrue();
	}

	@Test
	void aJsonPostFromTheSameOriginStillWorks() {
		LotView lot = openLot("Paused from its own page");
		HttpResponse<String> response = send(this.admin, request("/api/admin/lots/" + lot.id() + "/pause")
			.header("Content-Type", "application/json")
			.header("Origin", base())
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).path("status").asString()).isEqualTo("paused");
		assertThat(status(lot)).isEqualTo("paused");
	}

	@Test
	void aBrowserThatSaysTheRequestIsCrossSiteIsRefusedEvenWithJson() {
		LotView lot = openLot("Cross-site JSON target");
		for (String site : List.of("cross-site", "same-site")) {
			HttpResponse<String> response = send(this.admin, request("/api/admin/lots/" + lot.id() + "/pause")
				.header("Content-Type", "application/json")
				.header("Origin", EVIL)
				.header("Sec-Fetch-Site", site)
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(site).isEqualTo(403);
			assertThat(this.json.readTree(response.body()).path("reason").asString()).isEqualTo("cross-site");
		}
		assertThat(status(lot)).isEqualTo("open");
	}

	@Test
	void apiClientsSendJsonOnEveryWriteButNotOnReads() {
		LotView lot = openLot("Basic-auth client's lot");
		ApiClient api = new ApiClient(this.port);
		HttpResponse<String> untyped = send(HttpClient.newHttpClient(),
				request("/api/admin/lots/" + lot.id() + "/pause").header("Authorization", basicAdmin())
					.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(untyped.statusCode()).isEqualTo(415);
		assertThat(status(lot)).isEqualTo("open");
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			HttpResponse<String> response = send(HttpClient.newHttpClient(),
					request("/api/admin/lots/" + lot.id()).header("Authorization", basicAdmin())
						.header("Content-Type", "text/plain")
						.method(method, HttpRequest.BodyPublishers.ofString("{}")));
			assertThat(response.statusCode()).as(method).isEqualTo(415);
		}
		// A charset parameter is fine; reads need no content type at all.
		HttpResponse<String> typed = api.post("/api/admin/lots/" + lot.id() + "/pause", ApiClient.Login.admin(),
				"application/json; charset=utf-8", "");
		assertThat(typed.statusCode()).isEqualTo(200);
		assertThat(api.get("/api/lots/" + lot.id(), ApiClient.ANONYMOUS).statusCode()).isEqualTo(200);
	}

	@Test
	void everyPageCarriesThePolicyAndTheOtherSecurityHeaders() {
		LotView lot = openLot("Headed lot");
		HttpClient stranger = HttpClient.newHttpClient();
		List<HttpResponse<String>> pages = List.of(page(stranger, "/"), page(stranger, "/lots/" + lot.id()),
				page(stranger, "/login"), page(stranger, "/lots/987654321"), page(this.admin, "/admin/lots"));
		for (HttpResponse<String> page : pages) {
			String what = page.uri().getPath() + " (" + page.statusCode() + ")";
			assertThat(page.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
			String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy.split(";\\s*")).as(what)
				.containsExactlyInAnyOrder("default-src 'self'", "script-src 'self'", "style-src 'self'",
						"img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
						"base-uri 'self'", "form-action 'self'");
			assertThat(page.headers().firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(page.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
		}
		assertThat(pages.get(3).statusCode()).isEqualTo(404);
		HttpResponse<String> script = send(stranger, request("/js/lot.js").GET());
		assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyOverHttps() {
		String plain = sessionCookie(send(HttpClient.newHttpClient(), request("/login").GET()));
		assertThat(attributes(plain)).contains("httponly", "samesite=lax").doesNotContain("secure");

		// Through a TLS-terminating proxy on this host, which says so in X-Forwarded-Proto.
		String proxied = sessionCookie(
				send(HttpClient.newHttpClient(), request("/login").header("X-Forwarded-Proto", "https").GET()));
		assertThat(attributes(proxied)).contains("httponly", "samesite=lax", "secure");
	}

	@Test
	void theInfoEndpointShowsStrangersNoRuntimeDetails() {
		HttpResponse<String> info = send(HttpClient.newHttpClient(), request("/actuator/info").GET());
		assertThat(info.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(info.body());
		assertThat(body.has("java")).isFalse();
		assertThat(body.has("os")).isFalse();
		assertThat(body.has("process")).isFalse();
		assertThat(info.body()).doesNotContain(System.getProperty("java.version"))
			.doesNotContain(System.getProperty("os.name"));

		// Admins still find the runtime among the metrics.
		HttpResponse<String> jvm = send(HttpClient.newHttpClient(),
				request("/actuator/metrics/jvm.info").header("Authorization", basicAdmin()).GET());
		assertThat(jvm.statusCode()).isEqualTo(200);
		assertThat(jvm.body()).contains(System.getProperty("java.version"));
	}

	// ---- helpers ----------------------------------------------------------------------------

	private LotView openLot(String title) {
		return this.engine.openNow(this.engine.createLot(spec(title)).id());
	}

	private static LotSpec spec(String title) {
		Instant now = Instant.now();
		return new LotSpec(title + " " + System.nanoTime(), "About it.", "EUR", 4000, null, null, now.minusSeconds(60),
				now.plus(Duration.ofHours(1)), null, Duration.ofMinutes(2), Duration.ofMinutes(2), null);
	}

	private String status(LotView lot) {
		return this.catalog.lot(lot.id()).orElseThrow().status();
	}

	private HttpResponse<String> page(HttpClient client, String path) {
		return send(client, request(path).header("Accept", "text/html").GET());
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	/** The cookie's attributes after its value, lower case, without spaces. */
	private static List<String> attributes(String setCookie) {
		String[] parts = setCookie.split(";");
		return Arrays.stream(parts, 1, parts.length).map((p) -> p.trim().toLowerCase()).toList();
	}

	private static String basicAdmin() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((TestAccounts.ADMIN_USERNAME + ":" + TestAccounts.ADMIN_PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		return ApiClient.send(client, request);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
