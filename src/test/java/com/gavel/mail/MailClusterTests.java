package com.gavel.mail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.GavelNode;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.Postgres;
import com.gavel.support.TestAccounts;
import com.gavel.watchlist.WatchlistService;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database are one house: both hear every lot event and both look for
 * lots that end soon, yet each mail reaches its bidder once.
 */
class MailClusterTests {

	@RegisterExtension
	static final Postgres postgres = new Postgres();

	private static final TestSmtp smtp = TestSmtp.onFreePort();

	private static GavelNode a;

	private static GavelNode b;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		smtp.start();
		Map<String, String> settings = new HashMap<>(Map.of("gavel.admin.password", TestAccounts.ADMIN_PASSWORD,
				"gavel.demo.enabled", "false", "gavel.cluster.repair-interval", "1s", "spring.mail.host", "127.0.0.1",
				"spring.mail.port", Integer.toString(smtp.port()), "gavel.mail.poll", "100ms",
				"gavel.mail.ending-soon-check", "100ms", "gavel.mail.outbid-delay", "0s"));
		CompletableFuture<GavelNode> first = CompletableFuture
			.supplyAsync(() -> postgres.start(settings, GavelTestConfiguration.class));
		CompletableFuture<GavelNode> second = CompletableFuture
			.supplyAsync(() -> postgres.start(settings, GavelTestConfiguration.class));
		a = first.get(2, TimeUnit.MINUTES);
		b = second.get(2, TimeUnit.MINUTES);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void eachMailIsSentOnceByTheHouse() {
		Instant now = a.bean(MutableClock.class).instant();
		// Ends within ten minutes on both nodes' clocks, so both find its watchers at once.
		LotView lot = a.bean(AuctionEngine.class)
			.createLot(new LotSpec("Cluster teapot", "Mailed about from two nodes", "EUR", 1000, null, null,
					now.minusSeconds(60), now.plus(Duration.ofMinutes(5)), null, Duration.ofMinutes(2),
					Duration.ofMinutes(2), null));
		a.bean(AuctionEngine.class).openNow(lot.id());
		Account ada = TestAccounts.newBidder(a.bean(AccountService.class), "ada");
		Account ben = TestAccounts.newBidder(a.bean(AccountService.class), "ben");
		Account cara = TestAccounts.newBidder(a.bean(AccountService.class), "cara");
		b.bean(WatchlistService.class).watch(cara.id(), lot.id());

		bid(a, ada, lot, "10.00");
		bid(b, ben, lot, "10.50");
		// While it runs: an "ends soon" mail for a lot that has ended is dropped, not sent.
		assertThat(TestSmtp.subject(smtp.awaitTo(cara.email(), 1).get(0))).endsWith("ends soon");
		b.bean(AuctionEngine.class).closeNow(lot.id());

		assertThat(TestSmtp.subject(smtp.awaitTo(ada.email(), 1).get(0))).startsWith("You were outbid");
		assertThat(TestSmtp.subject(smtp.awaitTo(ben.email(), 1).get(0))).startsWith("You won");
		// Both nodes poll and check every 100 ms: two seconds give a second copy every chance.
		TestSmtp.pause(2000);
		assertThat(smtp.to(ada.email())).hasSize(1);
		assertThat(smtp.to(ben.email())).hasSize(1);
		assertThat(smtp.to(cara.email())).hasSize(1);
		assertThat(a.bean(JdbcTemplate.class)
			.queryForList("select kind from mail_outbox where lot_id = ? order by kind", String.class, lot.id()))
			.containsExactly("ENDING_SOON", "OUTBID", "WON");
	}

	private static void bid(GavelNode node, Account bidder, LotView lot, String amount) {
		assertThat(node.bean(AuctionEngine.class)
			.placeBid(BidRequest.of(lot.id(), bidder.id(), UUID.randomUUID().toString(), new BigDecimal(amount), null))
			.accepted()).isTrue();
	}

}
