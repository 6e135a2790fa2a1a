package com.gavel.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.gavel.auction.LotView;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small pure functions of the page scripts (money parsing, backoff, the standing rules), run as
 * the ES modules the browser loads from the jar.
 */
@WebSpringBootTest
class PageScriptTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	WebDriver browser;

	@BeforeEach
	void setUp() {
		this.browser = this.browsers.open();
		this.browser.get("http://localhost:" + this.port + "/login");
	}

	@Test
	void amountsAreReadAsExactDecimalsInTheCurrencysScale() {
		@SuppressWarnings("unchecked")
		Map<String, Object> parsed = (Map<String, Object>) run("""
				const m = await import('/js/money.js');
				const cases = ['62', '62.5', ' 1,250.50 ', '62,50', '€ 70', '0.1', '12.345', 'abc', '', '1,234', '-5', '1e3'];
				const out = {};
				for (const c of cases) out[c] = String(m.parseAmount(c, 2));
				out['jpy'] = String(m.parseAmount('1500', 0));
				out['jpy-decimals'] = String(m.parseAmount('1500.5', 0));
				out['minor'] = String(m.toMinor('1250.50', 2));
				out['far'] = String(m.toMinor('4000.00', 2) > 5n * m.toMinor('40.00', 2));
				out['format'] = m.formatMoney('1250.50', 'EUR') + ' ' + m.formatMoney('200.00', 'USD');
				return out;""");
		assertThat(parsed).containsEntry("62", "62.00")
			.containsEntry("62.5", "62.50")
			.containsEntry(" 1,250.50 ", "1250.50")
			.containsEntry("62,50", "62.50")
			.containsEntry("€ 70", "70.00")
			.containsEntry("0.1", "0.10")
			.containsEntry("12.345", "null")
			.containsEntry("abc", "null")
			.containsEntry("", "null")
			.containsEntry("1,234", "1234.00")
			.containsEntry("-5", "null")
			.containsEntry("1e3", "null")
			.containsEntry("jpy", "1500")
			.containsEntry("jpy-decimals", "null")
			.containsEntry("minor", "125050")
			.containsEntry("far", "true")
			.containsEntry("format", "€1,250.50 $200.00");
	}

	@Test
	void reconnectDelaysAreJitteredAndCapped() {
		@SuppressWarnings("unchecked")
		List<Object> delays = (List<Object>) run("""
				const live = await import('/js/live.js');
				return [live.backoff(0, () => 0), live.backoff(0, () => 1), live.backoff(3, () => 1),
				        live.backoff(10, () => 1), live.backoff(10, () => 0), live.requestId()];""");
		assertThat(delays.subList(0, 5)).containsExactly(250L, 500L, 4000L, 30000L, 15000L);
		assertThat((String) delays.get(5)).matches("[0-9a-f-]{36}");
	}

	@Test
	void theStandingRulesOfTheScriptsAreTheServers() {
		// status, outcome, leader, the viewer's alias, suspended, voided -> standing
		String[][] cases = { { "open", "", "Bidder 1", "", "false", "false", "not-bidding" },
				{ "open", "", "Bidder 1", "Bidder 1", "false", "false", "leading" },
				{ "open", "", "Bidder 2", "Bidder 1", "false", "false", "outbid" },
				{ "open", "", "Bidder 2", "Bidder 1", "false", "true", "voided" },
				{ "open", "", "Bidder 1", "Bidder 1", "false", "true", "leading" },
				{ "open", "", "", "Bidder 1", "false", "false", "outbid" },
				{ "paused", "", "Bidder 1", "Bidder 1", "true", "false", "suspended" },
				{ "scheduled", "", "", "", "true", "false", "suspended" },
				{ "closed", "sold", "Bidder 1", "Bidder 1", "false", "false", "won" },
				{ "closed", "sold", "Bidder 1", "Bidder 1", "true", "false", "won" },
				{ "closed", "sold", "Bidder 2", "Bidder 1", "false", "false", "lost" },
				{ "closed", "unsold", "Bidder 1", "Bidder 1", "false", "false", "lost" },
				{ "closed", "sold", "Bidder 2", "", "false", "false", "not-bidding" },
				{ "cancelled", "", "Bidder 1", "Bidder 1", "false", "false", "withdrawn" },
				{ "cancelled", "", "", "", "true", "false", "not-bidding" } };
		@SuppressWarnings("unchecked")
		List<Object> scripted = (List<Object>) run("""
				const m = await import('/js/lot-state.js');
				const cases = %s;
				return cases.map(([status, outcome, leader, alias, suspended, voided]) => m.standing(
				  { status, outcome: outcome || null, leader: leader || null },
				  { alias: alias || null, suspended: suspended === 'true', voided: voided === 'true' ? { reason: 'r' } : null }));"""
			.formatted(toJson(cases)));
		for (int i = 0; i < cases.length; i++) {
			String[] c = cases[i];
			LotView lot = new LotView(1, "Lot", c[0], "EUR", "10.00", null, c[2].isEmpty() ? null : c[2], 1, "none",
					null, null, null, null, 0, c[1].isEmpty() ? null : c[1], 1, null, null, null, false, null, null);
			String alias = c[3].isEmpty() ? null : c[3];
			String server = BidderStanding.of(lot, alias, alias != null && alias.equals(lot.leader()),
					Boolean.parseBoolean(c[4]), Boolean.parseBoolean(c[5]));
			assertThat(List.of(server, scripted.get(i))).as(String.join(", ", c)).containsOnly(c[6]);
		}
	}

	private static String toJson(String[][] rows) {
		StringBuilder json = new StringBuilder("[");
		for (String[] row : rows) {
			json.append(json.length() > 1 ? "," : "").append("[");
			for (int i = 0; i < row.length; i++) {
				json.append(i > 0 ? "," : "").append('"').append(row[i]).append('"');
			}
			json.append("]");
		}
		return json.append("]").toString();
	}

	private Object run(String body) {
		return ((JavascriptExecutor) this.browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				(async () => { %s })().then(done, (e) => done('failed: ' + e));""".formatted(body));
	}

}
