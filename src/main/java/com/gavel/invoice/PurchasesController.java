package com.gavel.invoice;

import com.gavel.account.GavelUser;
import com.gavel.account.Role;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * My purchases: the signed-in bidder's invoices, and one of them as a page that prints as an
 * invoice. Only its buyer sees an invoice; an admin may open any buyer's with {@code ?buyer=}.
 * Anyone else is told there is no such page, as they would be for a sale they bought nothing in.
 */
@Controller
class PurchasesController {

	private final Invoices invoices;

	PurchasesController(Invoices invoices) {
		this.invoices = invoices;
	}

	@GetMapping("/my/purchases")
	String purchases(@AuthenticationPrincipal GavelUser user, Model model) {
		model.addAttribute("invoices", this.invoices.of(user.id()));
		return "my/purchases";
	}

	@GetMapping("/my/purchases/{saleId}")
	String invoice(@PathVariable long saleId, @RequestParam(name = "buyer", required = false) Long buyer,
			@AuthenticationPrincipal GavelUser user, Model model) {
		long buyerId = buyer == null ? user.id() : buyer;
		if (buyerId != user.id() && user.role() != Role.ADMIN) {
			throw notFound();
		}
		model.addAttribute("invoice", this.invoices.of(saleId, buyerId).orElseThrow(PurchasesController::notFound));
		model.addAttribute("own", buyerId == user.id());
		return "my/invoice";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invoice");
	}

}
