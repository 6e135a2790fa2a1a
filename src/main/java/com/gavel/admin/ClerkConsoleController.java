package com.gavel.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.gavel.auction.Money;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleKind;
import com.gavel.web.PageJson;
import com.gavel.web.PageText;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The clerk's console of a live sale (admins only, as everything under {@code /admin}). The page
 * lists the sale's lots; {@code clerk.js} runs the sale through the clerk's API
 * ({@code /api/admin/sales/{id}/live/...}), which decides and refuses everything itself.
 */
@Controller
class ClerkConsoleController {

	private final SaleCatalog sales;

	private final PageText text;

	private final PageJson json;

	private final Clock clock;

	ClerkConsoleController(SaleCatalog sales, PageText text, PageJson json, Clock clock) {
		this.sales = sales;
		this.text = text;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/admin/sales/{id}/clerk")
	String console(@PathVariable long id, Locale locale, Model model) {
		// A timed sale closes lot by lot on its own: it has nothing for a clerk to call.
		SaleDetails sale = this.sales.adminSale(id)
			.filter((s) -> SaleKind.LIVE.code().equals(s.kind()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such live sale"));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("saleId", sale.id());
		state.put("currency", sale.currency());
		state.put("scale", Money.scale(sale.currency()));
		state.put("serverNow", this.clock.millis());
		state.put("texts", this.text.forScripts(locale));
		model.addAttribute("sale", sale);
		model.addAttribute("consoleJson", this.json.write(state));
		return "admin/clerk";
	}

}
