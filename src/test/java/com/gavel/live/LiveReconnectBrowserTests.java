package com.gavel.live;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.gavel.account.Account;
import com.gavel.auction.LotView;
import com.gavel.web.Browsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.gavel.web.Browsers.role;
import static com.gavel.web.Browsers.text;
import static com.gavel.web.Browsers.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lot page in real headless Chromium: when the server drops its socket as too slow (1013),
 * the page is not treated as banned. It reconnects on its own, asks for what it missed and shows
 * the bids made meanwhile, without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-reconnect-browser;DB_CLOSE_DELAY=-1" })
class LiveReconnectBrowserTests extends LiveTestSupport {

	/** Notes the page's socket and what it sends from now on. */
	private static final String OBSERVE = """
			const socket = window.gavelLot.client.socket;
			socket.__first = true;
			socket.addEventListener('close', (e) => { window.__closeCode = e.code; });
			window.__sent = [];
			const send = WebSocket.prototype.send;
			WebSocket.prototype.send = function (data) { window.__sent.push(String(data)); return send.call(this, data); };
			window.__sameDocument = 'yes';""";

	@Autowired
	SessionRegistry registry;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@Test
	void aPageDroppedAsTooSlowReconnectsAndCatchesUpWithoutAReload() {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		long first = restBid(ada, lot.id(), "10.00").sequence();

		Set<LiveSession> before = Set.copyOf(this.registry.all());
		WebDriver page = this.browsers.open(1280, 900);
		page.get("http://localhost:" + this.port + "/lots/" + lot.id());
		awaitConnection(page, "live");
		waiting(page, Duration.ofSeconds(10)).until((d) -> text(d, "price").equals("€10.00"));
		script(page, OBSERVE);
		awaitTrue("the page's socket is registered", () -> this.registry.all().size() > before.size());
		LiveSession pageSocket = this.registry.all()
			.stream()
			.filter((s) -> !before.contains(s))
			.findFirst()
			.orElseThrow();

		// What the outbox does with a socket that cannot keep up with its messages.
		pageSocket.failed("not reading its messages");
		waiting(page, Duration.ofSeconds(10)).until((d) -> script(d, "return window.__closeCode;") != null);
		assertThat(((Number) script(page, "return window.__closeCode;")).intValue()).isEqualTo(1013);
		restBid(ben, lot.id(), "11.00");

		waiting(page, Duration.ofSeconds(20)).until((d) -> Boolean.TRUE.equals(script(d,
				"const s = window.gavelLot.client.socket; return !!s && !s.__first && window.gavelLot.client.isLive();")));
		awaitConnection(page, "live");
		waiting(page, Duration.ofSeconds(10)).until((d) -> text(d, "price").equals("€11.00"));
		assertThat(script(page, "return window.__sameDocument;")).isEqualTo("yes");
		@SuppressWarnings("unchecked")
		List<String> sent = (List<String>) script(page, "return window.__sent;");
		assertThat(sent).as("the page resubscribed with the last sequence it had")
			.anyMatch((frame) -> frame.contains("\"type\":\"subscribe\"")
					&& frame.contains("{\"id\":" + lot.id() + ",\"after\":" + first + "}"));
	}

	private static void awaitConnection(WebDriver page, String state) {
		waiting(page, Duration.ofSeconds(20))
			.until((d) -> state.equals(d.findElement(role("connection")).getAttribute("data-state")));
	}

	private static Object script(WebDriver driver, String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

}
