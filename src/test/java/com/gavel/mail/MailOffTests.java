package com.gavel.mail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import com.gavel.watchlist.WatchlistService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A house that names no SMTP server sends no mail and says so: in the startup report, to admins
 * and on the bidders' notifications page; and nothing piles up in the outbox meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailOffTests {

	@Test
	void withoutAnSmtpServerMailIsOffAndNothingIsWritten(CapturedOutput output) {
		try (GavelNode node = GavelNode.start(Map.of("spring.datasource.url",
				"jdbc:h2:mem:mail-off-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "gavel.demo.enabled", "false",
				"gavel.admin.password", TestAccounts.ADMIN_PASSWORD, "gavel.mail.ending-soon-check", "100ms",
				"gavel.mail.poll", "100ms"), GavelTestConfiguration.class)) {
			assertThat(output.getOut())
				.contains("; mail off (no SMTP server: set spring.mail.host to send bidders e-mail)");
			assertThat(node.bean(OutboxSender.class).on()).isFalse();

			MutableClock clock = node.bean(MutableClock.class);
			AuctionEngine engine = node.bean(AuctionEngine.class);
			Instant now = clock.instant();
			LotView lot = engine.openNow(engine.createLot(new LotSpec("Desk lamp", "Nobody is mailed", "EUR", 1000,
					null, null, now.minusSeconds(60), now.plus(Duration.ofMinutes(30)), null, Duration.ofMinutes(2),
					Duration.ofMinutes(2), null)).id());
			Account ada = TestAccounts.newBidder(node.bean(AccountService.class), "ada");
			Account ben = TestAccounts.newBidder(node.bean(AccountService.class), "ben");
			node.bean(WatchlistService.class).watch(ada.id(), lot.id());
			bid(engine, ada, lot, "10.00");
			bid(engine, ben, lot, "10.50");
			clock.advance(Duration.ofMinutes(25));
			engine.closeNow(lot.id());
			// An outbid, a watched lot ending within minutes and a win: with mail on, each is a mail.
			// The ending-soon check would run every 100 ms: half a second gives it a few turns.
			TestSmtp.pause(500);
			assertThat(node.bean(JdbcTemplate.class).queryForObject("select count(*) from mail_outbox", Integer.class))
				.isZero();

			ApiClient api = new ApiClient(node.port());
			assertThat(api.get("/admin/mail", ApiClient.Login.admin()).body()).contains("Mail is off");
			assertThat(api.get("/my/notifications", ApiClient.Login.of(ada)).body())
				.contains("The auction house sends no e-mail at the moment");
		}
	}

	private static void bid(AuctionEngine engine, Account bidder, LotView lot, String amount) {
		assertThat(engine
			.placeBid(BidRequest.of(lot.id(), bidder.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null))
			.accepted()).isTrue();
	}

}
