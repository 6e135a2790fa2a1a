package com.gavel.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in sessions as Spring Session JDBC keeps them, through the real server and database: the
 * cookie that signing in sets, the stored row behind it, the idle timeout, signing out, and a ban
 * or role change made while the user is signed in, which counts from their next request although
 * their sign-in is stored in the session.
 */
@GavelSpringBootTest
class StoredSessionTests {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Test
	void signingInSetsANewHttpOnlySameSiteLaxSessionCookieWhoseSessionIsStored() {
		Account ada = TestAccounts.newBidder(this.accounts, "cookie");
		HttpClient browser = browser();
		HttpResponse<String> form = send(browser, request("/login").GET());
		String anonymous = setCookie(form, "SESSION");

		HttpResponse<String> signedIn = send(browser,
				request("/login").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=" + FormSignIn.enc(ada.username())
							+ "&password=" + FormSignIn.enc(TestAccounts.PASSWORD) + "&_csrf="
							+ FormSignIn.enc(FormSignIn.csrfToken(form.body())))));

		assertThat(signedIn.statusCode()).isEqualTo(302);
		String cookie = setCookie(signedIn, "SESSION");
		assertThat(attributes(cookie)).contains("httponly", "samesite=lax", "path=/").doesNotContain("secure");
		assertThat(value(cookie)).as("a new session at sign-in").isNotEqualTo(value(anonymous));
		assertThat(this.jdbc.queryForMap(
				"select principal_name, max_inactive_interval from spring_session where session_id = ?",
				sessionId(cookie)))
			.containsEntry("PRINCIPAL_NAME", ada.username())
			.containsEntry("MAX_INACTIVE_INTERVAL", (int) TIMEOUT.toSeconds());
		assertThat(page(browser, "/my/bids").statusCode()).isEqualTo(200);
	}

	@Test
	void registeringSignsInWithANewStoredSessionAndANewCsrfToken() {
		String name = TestAccounts.uniqueName("joiner");
		HttpClient browser = browser();
		HttpResponse<String> form = send(browser, request("/register?next=/my/watchlist").GET());
		String anonymous = setCookie(form, "SESSION");
		String token = FormSignIn.csrfToken(form.body());

		HttpResponse<String> registered = send(browser,
				request("/register").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&email=" + name
							+ "%40example.test&password=a+good+long+password&next=%2Fmy%2Fwatchlist&_csrf="
							+ FormSignIn.enc(token))));

		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(URI.create(base()).resolve(location).getPath()).isEqualTo("/my/watchlist"));
		String cookie = setCookie(registered, "SESSION");
		assertThat(value(cookie)).as("a new session at sign-in").isNotEqualTo(value(anonymous));
		assertThat(this.jdbc.queryForObject("select principal_name from spring_session where session_id = ?",
				String.class, sessionId(cookie)))
			.isEqualTo(name);
		HttpResponse<String> watchlist = page(browser, "/my/watchlist");
		assertThat(watchlist.statusCode()).isEqualTo(200);
		assertThat(watchlist.body()).contains("Welcome, " + name + ". You’re signed in and can bid.");
		assertThat(FormSignIn.csrfToken(watchlist.body())).as("a new CSRF token with the sign-in").isNotEqualTo(token);
	}

	@Test
	void theStoredSessionHoldsNoPasswordHash() {
		Account gus = TestAccounts.newBidder(this.accounts, "hash");
		String sessionId = sessionIdOf(FormSignIn.signIn(base(), gus.username(), TestAccounts.PASSWORD));
		String hash = this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class,
				gus.id());
		List<byte[]> attributes = this.jdbc.queryForList("select a.attribute_bytes from spring_session_attributes a"
				+ " join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?", byte[].class,
				sessionId);

		String stored = attributes.stream()
			.map((bytes) -> new String(bytes, StandardCharsets.ISO_8859_1))
			.reduce("", String::concat);
		assertThat(stored).as("the signed-in user is stored").contains(gus.username());
		assertThat(stored).doesNotContain(hash);
	}

	@Test
	void aSessionLeftIdleForLongerThanTheTimeoutIsSignedOut() {
		Account ben = TestAccounts.newBidder(this.accounts, "idle");
		HttpClient browser = FormSignIn.signIn(base(), ben.username(), TestAccounts.PASSWORD);
		String sessionId = sessionIdOf(browser);

		idle(sessionId, TIMEOUT.minusMinutes(1));
		assertThat(page(browser, "/my/bids").statusCode()).as("idle 29 minutes").isEqualTo(200);

		idle(sessionId, TIMEOUT.plusMinutes(1));
		HttpResponse<String> expired = page(browser, "/my/bids");
		assertThat(expired.statusCode()).as("idle 31 minutes").isEqualTo(302);
		assertThat(expired.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void expiredSessionsAreDeletedWithTheirAttributes() {
		Account cy = TestAccounts.newBidder(this.accounts, "expired");
		String expired = sessionIdOf(FormSignIn.signIn(base(), cy.username(), TestAccounts.PASSWORD));
		String live = sessionIdOf(FormSignIn.signIn(base(), cy.username(), TestAccounts.PASSWORD));
		String primaryId = this.jdbc.queryForObject("select primary_id from spring_session where session_id = ?",
				String.class, expired);
		assertThat(attributeCount(primaryId)).isPositive();
		idle(expired, TIMEOUT.plusMinutes(1));

		this.sessions.cleanUpExpiredSessions();

		assertThat(sessionCount(expired)).isZero();
		assertThat(attributeCount(primaryId)).isZero();
		assertThat(sessionCount(live)).isOne();
	}

	@Test
	void signingOutEndsTheStoredSession() {
		Account dee = TestAccounts.newBidder(this.accounts, "signout");
		HttpClient browser = FormSignIn.signIn(base(), dee.username(), TestAccounts.PASSWORD);
		String sessionId = sessionIdOf(browser);
		String token = FormSignIn.csrfToken(page(browser, "/my/bids").body());

		HttpResponse<String> out = send(browser, request("/logout").header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + FormSignIn.enc(token))));

		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(sessionCount(sessionId)).isZero();
		assertThat(page(browser, "/my/bids").statusCode()).isEqualTo(302);
	}

	@Test
	void aBanWhileSignedInCountsFromTheNextRequest() {
		Account eve = TestAccounts.newBidder(this.accounts, "banned");
		LotView lot = openLot();
		HttpClient browser = FormSignIn.signIn(base(), eve.username(), TestAccounts.PASSWORD);
		assertThat(page(browser, "/lots/" + lot.id()).body()).contains("data-role=\"bidding\"");

		this.accounts.setBanned(eve.id(), true);
		String banned = page(browser, "/lots/" + lot.id()).body();
		assertThat(banned).doesNotContain("data-role=\"bidding\"")
			.contains("Your account is suspended, so you can’t bid.");
		assertThat(page(browser, "/my/bids").statusCode()).as("still signed in").isEqualTo(200);

		this.accounts.setBanned(eve.id(), false);
		assertThat(page(browser, "/lots/" + lot.id()).body()).contains("data-role=\"bidding\"");
	}

	@Test
	void aRoleChangeWhileSignedInCountsFromTheNextRequest() {
		Account fay = TestAccounts.newBidder(this.accounts, "promoted");
		HttpClient browser = FormSignIn.signIn(base(), fay.username(), TestAccounts.PASSWORD);
		assertThat(page(browser, "/admin/dashboard").statusCode()).isEqualTo(403);

		// Made elsewhere (another node, or an operator in the database): the session is not touched.
		setRole(fay, Role.ADMIN);
		assertThat(page(browser, "/admin/dashboard").statusCode()).isEqualTo(200);

		setRole(fay, Role.BIDDER);
		assertThat(page(browser, "/admin/dashboard").statusCode()).isEqualTo(403);
		assertThat(page(browser, "/my/bids").statusCode()).isEqualTo(200);
	}

	// ---- helpers ----------------------------------------------------------------------------

	private LotView openLot() {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(new LotSpec(TestAccounts.uniqueName("Session lot"), "A lot for tests.",
				"EUR", 1000, null, null, now.minusSeconds(60), now.plus(Duration.ofHours(1)), null,
				Duration.ofMinutes(2), Duration.ofMinutes(2), null));
		return this.engine.openNow(lot.id());
	}

	/** Makes the stored session look as if its last request was {@code ago} ago. */
	private void idle(String sessionId, Duration ago) {
		long lastAccess = System.currentTimeMillis() - ago.toMillis();
		int updated = this.jdbc.update(
				"update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?", lastAccess,
				lastAccess + TIMEOUT.toMillis(), sessionId);
		assertThat(updated).isOne();
	}

	private void setRole(Account account, Role role) {
		assertThat(this.jdbc.update("update app_user set role = ? where id = ?", role.name(), account.id())).isOne();
	}

	private int sessionCount(String sessionId) {
		return this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
				sessionId);
	}

	private int attributeCount(String primaryId) {
		return this.jdbc.queryForObject(
				"select count(*) from spring_session_attributes where session_primary_id = ?", Integer.class,
				primaryId);
	}

	/** The id of the session whose cookie the client holds (the cookie carries it in Base64). */
	private static String sessionIdOf(HttpClient browser) {
		CookieManager jar = (CookieManager) browser.cookieHandler().orElseThrow();
		String value = jar.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
		return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
	}

	private static String sessionId(String setCookie) {
		return new String(Base64.getDecoder().decode(value(setCookie)), StandardCharsets.UTF_8);
	}

	private static String setCookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
	}

	private static String value(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

	/** The cookie's attributes after its value, lower case, without spaces. */
	private static List<String> attributes(String setCookie) {
		String[] parts = setCookie.split(";");
		return Arrays.stream(parts, 1, parts.length).map((p) -> p.trim().toLowerCase()).toList();
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private HttpResponse<String> page(HttpClient browser, String path) {
		return send(browser, request(path).header("Accept", "text/html").GET());
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

}
