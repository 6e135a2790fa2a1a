package com.gavel.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.gavel.GavelApplication;
import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.FormSignIn;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bidder signed in through one node is signed in on every node of the house and after a
 * restart, because the HTTP session lives in the database: the whole application twice, on
 * random ports, on one H2 file database, as two nodes behind a load balancer would be. The
 * session cookie from one node opens a socket on the other, and the socket learns the bidder from
 * it at the handshake and bids as them.
 */
class SessionAcrossNodesTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path dataDir;

	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aBidderSignedInOnOneNodeBidsThroughASocketOnAnother() {
		ConfigurableApplicationContext first = startNode();
		ConfigurableApplicationContext second = startNode();
		Account ada = TestAccounts.newBidder(first.getBean(AccountService.class), "ada");
		LotView lot = openLot(second);

		HttpClient browser = FormSignIn.signIn(base(first), ada.username(), TestAccounts.PASSWORD);
		String cookie = FormSignIn.sessionCookie(browser);

		assertThat(status(browser, base(second) + "/my/bids")).as("signed in on the other node").isEqualTo(200);
		try (LiveTestClient socket = LiveTestClient.connect(port(second), null, null, Map.of("Cookie", cookie))) {
			JsonNode hello = socket.await("hello");
			assertThat(hello.path("user").asString()).isEqualTo(ada.username());
			assertThat(hello.path("canBid").asBoolean()).isTrue();

			socket.send(LiveTestSupport.bid(lot.id(), "across-1", "12.00"));
			JsonNode result = socket.await("bid-result",
					(m) -> m.path("requestId").asString().equals("across-1"), WAIT);
			assertThat(result.path("accepted").asBoolean()).as(result.toString()).isTrue();
		}
		assertThat(first.getBean(AuctionCatalog.class).lot(lot.id()).orElseThrow().price()).isEqualTo("12.00");
		assertThat(first.getBean(JdbcTemplate.class)
			.queryForList("select bidder_id from bid where lot_id = ?", Long.class, lot.id())).containsExactly(ada.id());
	}

	@Test
	void aRestartKeepsBiddersSignedIn() {
		ConfigurableApplicationContext before = startNode();
		Account ben = TestAccounts.newBidder(before.getBean(AccountService.class), "ben");
		HttpClient browser = FormSignIn.signIn(base(before), ben.username(), TestAccounts.PASSWORD);
		String cookie = FormSignIn.sessionCookie(browser);
		assertThat(status(browser, base(before) + "/my/bids")).isEqualTo(200);
		before.close();

		ConfigurableApplicationContext after = startNode();
		LotView lot = openLot(after);
		assertThat(status(browser, base(after) + "/my/bids")).as("still signed in after the restart").isEqualTo(200);
		try (LiveTestClient socket = LiveTestClient.connect(port(after), null, null, Map.of("Cookie", cookie))) {
			assertThat(socket.await("hello").path("user").asString()).isEqualTo(ben.username());
			socket.send(LiveTestSupport.bid(lot.id(), "restarted-1", "11.00"));
			JsonNode result = socket.await("bid-result",
					(m) -> m.path("requestId").asString().equals("restarted-1"), WAIT);
			assertThat(result.path("accepted").asBoolean()).as(result.toString()).isTrue();
		}

		// Without the cookie nobody is signed in: the test above is not passing on a default user.
		HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		assertThat(status(stranger, base(after) + "/my/bids")).isEqualTo(302);
	}

	private ConfigurableApplicationContext startNode() {
		// As command-line arguments: they come before application.properties, default properties after it.
		ConfigurableApplicationContext node = new SpringApplicationBuilder(GavelApplication.class).run(
				"--server.port=0", "--gavel.data-dir=" + this.dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("gavel") + ";WRITE_DELAY=0",
				"--gavel.demo.enabled=false", "--gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"--spring.main.banner-mode=off");
		this.nodes.add(node);
		return node;
	}

	private static LotView openLot(ConfigurableApplicationContext node) {
		AuctionEngine engine = node.getBean(AuctionEngine.class);
		Instant now = Instant.now();
		LotView lot = engine.createLot(new LotSpec("Across nodes " + UUID.randomUUID(), "A lot for tests.", "EUR",
				1000, null, null, now.minusSeconds(60), now.plus(Duration.ofHours(1)), null, Duration.ofMinutes(2),
				Duration.ofMinutes(2), null));
		return engine.openNow(lot.id());
	}

	/** The status of a page as a browser asks for it: 200 signed in, 302 to the sign-in page if not. */
	private static int status(HttpClient client, String url) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).header("Accept", "text/html").GET().build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + port(node);
	}

}
