package com.gavel.mail;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import com.gavel.watchlist.WatchlistService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The mails a bidder gets, as an SMTP server (GreenMail, on loopback) receives them from the whole
 * application: who gets which, who gets none, how often, in which language, and what they say.
 * Outbid mails wait a minute on the application's clock ({@code gavel.mail.outbid-delay}), which
 * the tests move on once the mail is in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms", "spring.mail.host=127.0.0.1", "gavel.mail.poll=200ms",
				"gavel.mail.ending-soon-check=200ms", "gavel.mail.outbid-delay=1m",
				"gavel.mail.from=Gavel <auctions@example.test>", "gavel.house.base-url=https://auctions.example.test/",
				"gavel.house.after-win=" + MailTests.AFTER_WIN })
@Import(GavelTestConfiguration.class)
@DirtiesContext
class MailTests {

	static final String AFTER_WIN = "Pay within three days and collect your lot at the front desk.";

	private static final TestSmtp smtp = TestSmtp.onFreePort().start();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", smtp::port);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private AccountService accounts;

	@Autowired
	private WatchlistService watchlist;

	@Autowired
	private BidderMailSettings settings;

	@Autowired
	private MailWriter writer;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@Test
	void theBidderWhoLostTheLeadToAnAutomaticBidIsToldAndTheNewLeaderIsNot() throws Exception {
		LotView lot = openLot("Brass carriage clock");
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		BidResult adas = bid(ada, lot, "10.00", null);
		BidResult bens = bid(ben, lot, null, "30.00");
		assertThat(bens.leading()).isTrue();
		awaitOutbox(MailKind.OUTBID, ada, lot, adas.sequence());
		this.clock.advance(Duration.ofSeconds(61));

		MimeMessage mail = smtp.awaitTo(ada.email(), 1).get(0);
		assertThat(TestSmtp.subject(mail)).isEqualTo("You were outbid on “Brass carriage clock”");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Gavel <auctions@example.test>");
		assertThat(TestSmtp.body(mail)).startsWith("Hello " + ada.username() + ",")
			.contains("Another bidder outbid you on “Brass carriage clock”, taking the price to €10.50.")
			.contains("https://auctions.example.test/lots/" + lot.id())
			.contains("https://auctions.example.test/my/notifications")
			.doesNotContain("??");
		assertThat(outbox(ben, lot)).isEmpty();
		assertThat(smtp.to(ben.email())).isEmpty();
	}

	@Test
	void aRefusedBidSendsNoMail() {
		LotView lot = openLot("Celadon vase");
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Account cara = bidder("cara");
		BidResult adas = bid(ada, lot, "10.00", null);
		assertThat(place(ben, lot, "5.00", null).accepted()).as("below the ask").isFalse();
		assertThat(place(ada, lot, "12.00", null).accepted()).as("ada already leads").isFalse();
		bid(cara, lot, "11.00", null);
		awaitOutbox(MailKind.OUTBID, ada, lot, adas.sequence());
		this.clock.advance(Duration.ofSeconds(61));

		List<MimeMessage> adasMail = smtp.awaitTo(ada.email(), 1);
		assertThat(TestSmtp.body(adasMail.get(0))).contains("taking the price to €11.00");
		awaitNothingPending(lot);
		assertThat(smtp.to(ada.email())).hasSize(1);
		assertThat(smtp.to(ben.email())).isEmpty();
		assertThat(smtp.to(cara.email())).isEmpty();
		assertThat(outboxOfLot(lot)).hasSize(1);
	}

	@Test
	void aBiddingWarEndsWithOneMailToTheBidderWhoStoppedAndNoneToTheOneWhoWon() {
		LotView lot = openLot("Oak rocking chair");
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		BidResult last = null;
		String[] amounts = { "10.00", "10.50", "11.00", "11.50", "12.00", "12.50", "13.00", "13.50" };
		for (int i = 0; i < amounts.length; i++) {
			last = bid((i % 2 == 0) ? ada : ben, lot, amounts[i], null);
		}
		long adasLastBid = this.catalog.lastBidBefore(lot.id(), ada.id(), last.sequence());
		awaitOutbox(MailKind.OUTBID, ada, lot, adasLastBid);
		this.clock.advance(Duration.ofSeconds(61));

		List<MimeMessage> adas = smtp.awaitTo(ada.email(), 1);
		assertThat(TestSmtp.body(adas.get(0))).contains("taking the price to €13.50");
		awaitNothingPending(lot);
		assertThat(smtp.to(ada.email())).hasSize(1);
		assertThat(smtp.to(ben.email())).isEmpty();
		// One mail per round of each bidder's bidding was written; all but ada's last were not needed.
		assertThat(outbox(ada, lot)).containsExactly("SKIPPED", "SKIPPED", "SKIPPED", "SENT");
		assertThat(outbox(ben, lot)).containsExactly("SKIPPED", "SKIPPED", "SKIPPED");
	}

	@Test
	void aBidderIsToldOnceUntilTheyBidAgainWhoeverTakesTheLead() {
		LotView lot = openLot("Mantel clock");
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Account cara = bidder("cara");
		Account admin = TestAccounts.newAdmin(this.accounts, "admin");
		BidResult adas = bid(ada, lot, "10.00", null);
		BidResult bens = bid(ben, lot, "10.50", null);
		awaitOutbox(MailKind.OUTBID, ada, lot, adas.sequence());
		// Ben's bid is voided: ada leads again without bidding, then loses the lead to cara.
		this.engine.voidBid(bens.bidId(), "Bid by mistake", admin.id());
		BidResult caras = bid(cara, lot, "11.00", null);
		BidResult dans = bid(bidder("dan"), lot, "11.50", null);
		awaitOutbox(MailKind.OUTBID, cara, lot, caras.sequence());
		assertThat(dans.leading()).isTrue();
		this.clock.advance(Duration.ofSeconds(61));

		smtp.awaitTo(cara.email(), 1);
		awaitNothingPending(lot);
		assertThat(smtp.to(ada.email())).hasSize(1);
		assertThat(outbox(ada, lot)).containsExactly("SENT");
	}

	@Test
	void watchersAreToldOnceThatALotEndsInTenMinutes() {
		Instant end = this.clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
		LotView lot = openLot("Botanical print", end);
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Account cara = bidder("cara");
		Account dan = bidder("dan");
		this.watchlist.watch(ada.id(), lot.id());
		this.watchlist.watch(ben.id(), lot.id());
		this.watchlist.watch(dan.id(), lot.id());
		this.settings.choose(dan.id(), true, false, true, Locale.ENGLISH);
		bid(cara, lot, "12.00", null);
		this.clock.moveTo(end.minus(Duration.ofMinutes(20)));
		TestSmtp.pause(600);
		assertThat(outboxOfLot(lot)).as("20 minutes before the end").isEmpty();

		this.clock.moveTo(end.minus(Duration.ofMinutes(10)).plusSeconds(1));
		MimeMessage adas = smtp.awaitTo(ada.email(), 1).get(0);
		smtp.awaitTo(ben.email(), 1);
		assertThat(TestSmtp.subject(adas)).isEqualTo("“Botanical print” ends soon");
		assertThat(TestSmtp.body(adas)).contains("“Botanical print”, on your watchlist, ends at")
			.contains("UTC: in 10 minutes.")
			.contains("The price is €12.00; the next bid is €12.50 or more.")
			.contains("https://auctions.example.test/lots/" + lot.id());
		this.clock.advance(Duration.ofMinutes(1));
		TestSmtp.pause(600);
		assertThat(smtp.to(ada.email())).hasSize(1);
		assertThat(smtp.to(ben.email())).hasSize(1);
		assertThat(smtp.to(cara.email())).as("not watching").isEmpty();
		assertThat(smtp.to(dan.email())).as("turned it off").isEmpty();
	}

	@Test
	void theWinnerIsToldThePriceAndWhatHappensNextAndNobodyElseIs() {
		LotView unsold = openLot("Pocket watch", null, 50_000L);
		Account eve = bidder("eve");
		bid(eve, unsold, "10.00", null);
		this.engine.closeNow(unsold.id());
		LotView lot = openLot("Wave print");
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		bid(ada, lot, "10.00", null);
		bid(ben, lot, null, "30.00");
		this.engine.closeNow(lot.id());

		MimeMessage bens = smtp.awaitTo(ben.email(), 1).get(0);
		assertThat(TestSmtp.subject(bens)).isEqualTo("You won “Wave print”");
		assertThat(TestSmtp.body(bens)).contains("Congratulations: you won “Wave print” for €10.50.")
			.contains("What happens next:\n" + AFTER_WIN)
			.contains("https://auctions.example.test/lots/" + lot.id());
		assertThat(outbox(ada, lot)).as("ada's outbid mail, and no other").hasSize(1);
		assertThat(outboxOfLot(unsold)).as("below its reserve: nobody won").isEmpty();
		assertThat(smtp.to(eve.email())).isEmpty();
	}

	@Test
	void aBidderWhoTurnsOutbidMailOffGetsNoneAndOthersStillDo() {
		Account ada = bidder("ada");
		HttpClient browser = signedIn(ada, null);
		String page = get(browser, "/my/notifications").body();
		assertThat(page).contains(ada.email()).contains("E-mail notifications");
		assertThat(checked(page, "outbid")).isTrue();
		assertThat(checked(page, "endingSoon")).isTrue();
		assertThat(checked(page, "won")).isTrue();
		HttpResponse<String> saved = post(browser, "/my/notifications",
				"endingSoon=true&won=true&_csrf=" + FormSignIn.enc(FormSignIn.csrfToken(page)));
		assertThat(saved.statusCode()).isEqualTo(302);
		String after = get(browser, "/my/notifications").body();
		assertThat(after).contains("Your choices are saved.");
		assertThat(checked(after, "outbid")).isFalse();
		assertThat(checked(after, "won")).isTrue();

		LotView lot = openLot("Side table");
		Account ben = bidder("ben");
		bid(ada, lot, "10.00", null);
		BidResult bens = bid(ben, lot, "10.50", null);
		bid(bidder("cara"), lot, "11.00", null);
		awaitOutbox(MailKind.OUTBID, ben, lot, bens.sequence());
		assertThat(outbox(ada, lot)).isEmpty();
		this.clock.advance(Duration.ofSeconds(61));
		smtp.awaitTo(ben.email(), 1);
		assertThat(smtp.to(ada.email())).isEmpty();
	}

	@Test
	void aBidderWhoReadsThePagesInPortugueseGetsMailInPortuguese() {
		Account ada = bidder("ada");
		HttpClient browser = signedIn(ada, "pt-BR");
		String page = get(browser, "/my/notifications").body();
		assertThat(page).contains("Notificações por e-mail").contains("Os e-mails são escritos em Português");

		LotView lot = openLot("Lâmpada de mesa");
		BidResult adas = bid(ada, lot, "10.00", null);
		bid(bidder("ben"), lot, "1250.00", null);
		awaitOutbox(MailKind.OUTBID, ada, lot, adas.sequence());
		this.clock.advance(Duration.ofSeconds(61));

		MimeMessage mail = smtp.awaitTo(ada.email(), 1).get(0);
		assertThat(TestSmtp.subject(mail)).isEqualTo("Seu lance foi superado em “Lâmpada de mesa”");
		assertThat(TestSmtp.body(mail)).startsWith("Olá, " + ada.username() + ",")
			.contains("Outro licitante superou seu lance em “Lâmpada de mesa”, "
					+ "levando o preço a €\u00a01.250,00.")
			.contains("Para dar outro lance, abra o lote:");
	}

	@Test
	void everyMailReadsInEveryLanguage() {
		Account ada = bidder("ada");
		LotView lot = openLot("Teapot");
		bid(ada, lot, "10.00", null);
		LotView now = this.catalog.lot(lot.id()).orElseThrow();
		for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"))) {
			this.settings.choose(ada.id(), true, true, true, language);
			// The invoice mail is about a sale, not a lot: InvoiceMailTests reads it in every language.
			for (MailKind kind : List.of(MailKind.OUTBID, MailKind.ENDING_SOON, MailKind.WON)) {
				Mail mail = this.writer.write(kind, ada.id(), now, 1, this.clock.instant()).orElseThrow();
				assertThat(mail.language()).isEqualTo(language.toLanguageTag());
				assertThat(mail.subject()).as("%s in %s", kind, language).contains("Teapot").doesNotContain("??");
				assertThat(mail.body()).as("%s in %s", kind, language)
					.contains("Teapot", "/lots/" + lot.id(), "/my/notifications")
					.doesNotContain("??", "[(", "null");
			}
		}
	}

	// ---- helpers -------------------------------------------------------------------------

	private LotView openLot(String title) {
		return openLot(title, null, null);
	}

	private LotView openLot(String title, Instant end) {
		return openLot(title, end, null);
	}

	private LotView openLot(String title, Instant end, Long reserve) {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(new LotSpec(title, "A lot for the mail tests", "EUR", 1000, reserve, null,
				now.minusSeconds(60), end != null ? end : now.plus(Duration.ofHours(6)), null, Duration.ofMinutes(2),
				Duration.ofMinutes(2), null));
		return this.engine.openNow(lot.id());
	}

	private Account bidder(String name) {
		return TestAccounts.newBidder(this.accounts, name);
	}

	private BidResult bid(Account bidder, LotView lot, String amount, String maximum) {
		BidResult result = place(bidder, lot, amount, maximum);
		if (!result.accepted()) {
			fail("%s's bid of %s/%s was refused: %s", bidder.username(), amount, maximum, result.reason());
		}
		return result;
	}

	private BidResult place(Account bidder, LotView lot, String amount, String maximum) {
		return this.engine.placeBid(BidRequest.of(lot.id(), bidder.id(), UUID.randomUUID().toString(),
				amount == null ? null : new BigDecimal(amount), maximum == null ? null : new BigDecimal(maximum)));
	}

	/** Waits until the mail is in the outbox, so that moving the clock on makes it due. */
	private void awaitOutbox(MailKind kind, Account user, LotView lot, long occasion) {
		Instant until = Instant.now().plus(TestSmtp.WAIT);
		while (Instant.now().isBefore(until)) {
			Integer rows = this.jdbc.queryForObject("select count(*) from mail_outbox where kind = ? and user_id = ? "
					+ "and lot_id = ? and occasion = ?", Integer.class, kind.name(), user.id(), lot.id(), occasion);
			if (rows != null && rows > 0) {
				return;
			}
			TestSmtp.pause(20);
		}
		fail("no %s mail for %s about lot %d (occasion %d) in the outbox", kind, user.username(), lot.id(), occasion);
	}

	/** Waits until every mail about the lot was sent, skipped or failed. */
	private void awaitNothingPending(LotView lot) {
		Instant until = Instant.now().plus(TestSmtp.WAIT);
		while (Instant.now().isBefore(until)) {
			Integer pending = this.jdbc.queryForObject(
					"select count(*) from mail_outbox where lot_id = ? and status = 'PENDING'", Integer.class,
					lot.id());
			if (pending != null && pending == 0) {
				return;
			}
			TestSmtp.pause(20);
		}
		fail("mails about lot %d are still pending", lot.id());
	}

	/** The statuses of the user's mails about the lot, oldest first. */
	private List<String> outbox(Account user, LotView lot) {
		return this.jdbc.queryForList("select status from mail_outbox where user_id = ? and lot_id = ? order by id",
				String.class, user.id(), lot.id());
	}

	private List<String> outboxOfLot(LotView lot) {
		return this.jdbc.queryForList("select kind from mail_outbox where lot_id = ? order by id", String.class,
				lot.id());
	}

	/** A browser's session: in {@code language} (the header's choice) when given, then signed in. */
	private HttpClient signedIn(Account account, String language) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		if (language != null) {
			assertThat(get(browser, "/?lang=" + language).statusCode()).isEqualTo(200);
		}
		String form = get(browser, "/login").body();
		HttpResponse<String> signedIn = post(browser, "/login",
				"username=" + FormSignIn.enc(account.username()) + "&password="
						+ FormSignIn.enc(TestAccounts.PASSWORD) + "&_csrf=" + FormSignIn.enc(FormSignIn.csrfToken(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	private HttpResponse<String> get(HttpClient browser, String path) {
		return ApiClient.send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html"));
	}

	private HttpResponse<String> post(HttpClient browser, String path, String form) {
		return ApiClient.send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Whether the page's checkbox of that name is ticked. */
	private static boolean checked(String page, String name) {
		Matcher input = Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*>")
			.matcher(page);
		if (!input.find()) {
			fail("no checkbox %s on the page", name);
		}
		return input.group().contains("checked");
	}

}
