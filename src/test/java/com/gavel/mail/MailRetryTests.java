package com.gavel.mail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * When the house's SMTP server is down, a mail is tried again with growing waits (on the
 * application's clock, which the tests move on), logged, and delivered once the server is back;
 * after its last try it is marked failed, for admins to see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms", "spring.mail.host=127.0.0.1", "gavel.mail.poll=100ms",
				"gavel.mail.attempts=4", "gavel.mail.retry-after=300ms", "gavel.mail.retry-at-most=600ms" })
@Import(GavelTestConfiguration.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class MailRetryTests {

	/** Not started: the server is down until a test starts it. */
	private static final TestSmtp smtp = TestSmtp.onFreePort();

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
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@Test
	void aMailThatCannotBeSentIsTriedAgainAndDeliveredOnceTheServerIsBack(CapturedOutput output) {
		smtp.stop();
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		LotView lot = wonBy(ada, "Oil lamp");
		Map<String, Object> row = awaitRow(ada, "PENDING", 2);
		assertThat((String) row.get("last_error")).contains("MailSendException");
		assertThat(output.getOut()).contains("Could not send mail " + row.get("id") + " (WON to user " + ada.id()
				+ " about lot " + lot.id() + "), try 1 of 4");

		try {
			smtp.start();
			Map<String, Object> sent = awaitRow(ada, "SENT", 3);
			assertThat(sent.get("id")).isEqualTo(row.get("id"));
			assertThat(TestSmtp.subject(smtp.awaitTo(ada.email(), 1).get(0))).isEqualTo("You won “Oil lamp”");
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aMailIsMarkedFailedAfterItsLastTryAndAdminsSeeIt(CapturedOutput output) {
		smtp.stop();
		Account ben = TestAccounts.newBidder(this.accounts, "ben");
		LotView lot = wonBy(ben, "River landscape");
		Map<String, Object> failed = awaitRow(ben, "FAILED", 4);
		assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(4);
		assertThat(output.getOut()).contains("Gave up on mail " + failed.get("id") + " (WON to user " + ben.id()
				+ " about lot " + lot.id() + ") after 4 tries");

		String page = new ApiClient(this.port).get("/admin/mail", ApiClient.Login.admin()).body();
		assertThat(page).contains("Mail is on").contains("data-mail-id=\"" + failed.get("id") + "\"")
			.contains(ben.email())
			.contains("MailSendException");
		TestSmtp.pause(1000);
		assertThat(awaitRow(ben, "FAILED", 4).get("attempts")).as("no try after the last").isEqualTo(4);
	}

	private LotView wonBy(Account bidder, String title) {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(new LotSpec(title, "A lot for the retry tests", "EUR", 1000, null, null,
				now.minusSeconds(60), now.plus(Duration.ofHours(6)), null, Duration.ofMinutes(2), Duration.ofMinutes(2),
				null));
		this.engine.openNow(lot.id());
		assertThat(this.engine
			.placeBid(BidRequest.of(lot.id(), bidder.id(), UUID.randomUUID().toString(), new BigDecimal("10.00"), null))
			.accepted()).isTrue();
		this.engine.closeNow(lot.id());
		return lot;
	}

	/**
	 * Waits until the bidder's mail has the status after at least {@code attempts} tries, moving
	 * the application's clock on meanwhile so that each next try comes due.
	 */
	private Map<String, Object> awaitRow(Account user, String status, int attempts) {
		Instant until = Instant.now().plus(TestSmtp.WAIT);
		while (Instant.now().isBefore(until)) {
			var rows = this.jdbc.queryForList(
					"select id, status, attempts, last_error from mail_outbox where user_id = ?", user.id());
			if (rows.size() == 1 && status.equals(rows.get(0).get("status"))
					&& ((Number) rows.get(0).get("attempts")).intValue() >= attempts) {
				return rows.get(0);
			}
			this.clock.advance(Duration.ofMillis(100));
			TestSmtp.pause(20);
		}
		fail("%s's mail did not reach %s after %d tries: %s", user.username(), status, attempts,
				this.jdbc.queryForList("select status, attempts from mail_outbox where user_id = ?", user.id()));
		return Map.of();
	}

}
