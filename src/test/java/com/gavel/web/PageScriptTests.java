package com.gavel.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small pure functions of the page scripts (money parsing, backoff), run as the ES modules the
 * browser loads from the jar.
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

	private Object run(String body) {
		return ((JavascriptExecutor) this.browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				(async () => { %s })().then(done, (e) => done('failed: ' + e));""".formatted(body));
	}

}
