package com.gavel.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.support.ApiClient;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;

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
 * An SMTP server that takes the connection and never answers holds up the mail's own thread only:
 * bids over the API are answered as always meanwhile, and the mails they cause still reach the
 * outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms", "spring.mail.host=127.0.0.1", "gavel.mail.poll=100ms",
				"gavel.mail.outbid-delay=0s", "spring.mail.properties.mail.smtp.connectiontimeout=60000",
				"spring.mail.properties.mail.smtp.timeout=60000" })
@Import(GavelTestConfiguration.class)
@DirtiesContext
class MailWhileSmtpHangsTests {

	private static final SilentServer silent = new SilentServer();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", silent::port);
	}

	@AfterAll
	static void stopSilentServer() {
		silent.close();
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
	void bidsAreAnsweredPromptlyWhileTheMailServerHangs() {
		Instant now = this.clock.instant();
		LotView lot = this.engine.createLot(new LotSpec("Carriage clock", "Bid on while mail hangs", "EUR", 1000, null,
				null, now.minusSeconds(60), now.plus(Duration.ofHours(6)), null, Duration.ofMinutes(2),
				Duration.ofMinutes(2), null));
		this.engine.openNow(lot.id());
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		Account ben = TestAccounts.newBidder(this.accounts, "ben");
		ApiClient api = new ApiClient(this.port);
		bid(api, ada, lot, "10.00");
		bid(api, ben, lot, "10.50");
		silent.awaitConnection();

		String[] amounts = { "11.00", "11.50", "12.00", "12.50" };
		for (int i = 0; i < amounts.length; i++) {
			long started = System.nanoTime();
			bid(api, (i % 2 == 0) ? ada : ben, lot, amounts[i]);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bid %s answered", amounts[i])
				.isLessThan(Duration.ofSeconds(5));
		}
		// The mails those bids caused were written while the first one's sending hung.
		Instant until = Instant.now().plus(TestSmtp.WAIT);
		while (outbidMails(lot) < 5 && Instant.now().isBefore(until)) {
			TestSmtp.pause(20);
		}
		assertThat(outbidMails(lot)).isEqualTo(5);
		assertThat(silent.connections()).as("still only the first mail's connection, hanging").isEqualTo(1);
	}

	private int outbidMails(LotView lot) {
		return this.jdbc.queryForObject("select count(*) from mail_outbox where lot_id = ? and kind = 'OUTBID'",
				Integer.class, lot.id());
	}

	private static void bid(ApiClient api, Account bidder, LotView lot, String amount) {
		HttpResponse<String> answer = api.post("/api/lots/" + lot.id() + "/bids", ApiClient.Login.of(bidder),
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"amount\":\"" + amount + "\"}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("\"accepted\":true");
	}

	/** Accepts connections on a loopback port and never says a word on them. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		SilentServer() {
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(() -> {
				while (!this.server.isClosed()) {
					try {
						this.accepted.add(this.server.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		int connections() {
			return this.accepted.size();
		}

		void awaitConnection() {
			Instant until = Instant.now().plus(TestSmtp.WAIT);
			while (this.accepted.isEmpty() && Instant.now().isBefore(until)) {
				TestSmtp.pause(20);
			}
			if (this.accepted.isEmpty()) {
				fail("the mail sender never connected");
			}
		}

		@Override
		public void close() {
			try {
				this.server.close();
				for (Socket socket : this.accepted) {
					socket.close();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
