package com.gavel.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.gavel.GavelApplication;
import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.gavel.web.Browsers.awaitLive;
import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.script;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server goes away under an open lot page and comes back on the same port: the page says it is
 * reconnecting, then shows the bids made while it was away, without a reload.
 * <p>
 * The application runs in a context of its own on a fixed port. "Restart" is the context's
 * lifecycle stop and start: the web server and the live channel stop (every socket hears 1001)
 * and start again, while the engine and the database stay, so bids can be made while no socket
 * can connect.
 */
class ServerRestartBrowserTests {

	private ConfigurableApplicationContext app;

	private Browsers browsers;

	private int port;

	@BeforeEach
	void setUp() {
		Browsers.requireBrowser();
		this.port = freePort();
		this.app = new SpringApplicationBuilder(GavelApplication.class)
			.properties("server.port=" + this.port, "gavel.demo.enabled=false",
					"gavel.admin.password=" + WebFixtures.ADMIN_PASSWORD, "gavel.auction.tick=100ms",
					"spring.lifecycle.timeout-per-shutdown-phase=5s",
					"spring.datasource.url=jdbc:h2:mem:web-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.run();
		this.browsers = new Browsers();
	}

	@AfterEach
	void tearDown() {
		try {
			if (this.browsers != null) {
				this.browsers.close();
			}
		}
		finally {
			if (this.app != null) {
				this.app.close();
			}
		}
	}

	@Test
	void theOpenPageCatchesUpAfterARestartWithoutAReload() {
		AuctionEngine engine = this.app.getBean(AuctionEngine.class);
		AccountService accounts = this.app.getBean(AccountService.class);
		LotView lot = WebFixtures.openLot(engine, "Restart-proof regulator clock", Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofMinutes(2));
		Account ada = WebFixtures.bidder(accounts, "ada");
		Account ben = WebFixtures.bidder(accounts, "ben");
		WebFixtures.bid(engine, lot.id(), ada, "40.00", null);

		WebDriver page = this.browsers.open();
		page.get("http://localhost:" + this.port + "/lots/" + lot.id());
		awaitLive(page);
		waiting(page).until((d) -> text(d, "price").equals("€40.00"));
		script(page, "window.__sameDocument = 'yes';");

		this.app.stop();
		waiting(page).until((d) -> "reconnecting".equals(d.findElement(role("connection")).getAttribute("data-state")));
		assertThat(text(page, "connection")).isEqualTo("Reconnecting…");

		// Bids made while the page cannot reach the server.
		WebFixtures.bid(engine, lot.id(), ben, "45.00", null);
		WebFixtures.bid(engine, lot.id(), ada, null, "60.00");
		assertThat(text(page, "price")).isEqualTo("€40.00");

		this.app.start();
		waiting(page, Duration.ofSeconds(45)).until((d) -> "live".equals(d.findElement(role("connection")).getAttribute("data-state")));
		waiting(page).until((d) -> text(d, "price").equals("€46.00"));
		assertThat(text(page, "leader")).isEqualTo("Bidder 1 leads");
		waiting(page).until((d) -> d.findElements(By.cssSelector("[data-role=history] tr")).size() == 3);
		assertThat(script(page, "return window.__sameDocument;")).isEqualTo("yes");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
