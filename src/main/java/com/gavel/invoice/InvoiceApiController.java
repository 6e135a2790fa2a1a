package com.gavel.invoice;

import java.time.Instant;
import java.util.List;

import com.gavel.account.GavelUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in bidder's invoices as JSON, amounts as decimal text in the sale's currency like
 * every amount of the API. Another buyer's invoice is not found, as one that does not exist.
 */
@RestController
@RequestMapping(path = "/api/my/invoices", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class InvoiceApiController {

	private final Invoices invoices;

	InvoiceApiController(Invoices invoices) {
		this.invoices = invoices;
	}

	/** An invoice on the wire. */
	record InvoiceJson(String number, String house, long saleId, String saleTitle, String currency, long buyerId,
			String buyer, String status, Instant date, String buyersPremium, String tax, List<LineJson> lines,
			AmountsJson totals, String payment, String collection) {

		static InvoiceJson of(Invoice i) {
			Invoice.Amounts t = i.totals();
			return new InvoiceJson(i.number(), i.house(), i.saleId(), i.saleTitle(), i.currency(), i.buyerId(),
					i.buyerName(), i.status(), i.date(), i.premiumPercent(), i.taxPercent(),
					i.lines()
						.stream()
						.map((l) -> new LineJson(l.lotId(), l.lotNumber(), l.title(), i.money(l.hammer()),
								i.money(l.premium()), i.money(l.tax()), i.money(l.total())))
						.toList(),
					new AmountsJson(i.money(t.hammer()), i.money(t.premium()), i.money(t.tax()), i.money(t.total())),
					i.payment(), i.collection());
		}

	}

	record LineJson(long lotId, int lotNumber, String title, String hammer, String premium, String tax,
			String total) {
	}

	record AmountsJson(String hammer, String premium, String tax, String total) {
	}

	@GetMapping
	List<InvoiceJson> mine(@AuthenticationPrincipal GavelUser user) {
		return this.invoices.of(signedIn(user).id()).stream().map(InvoiceJson::of).toList();
	}

	@GetMapping("/{saleId}")
	ResponseEntity<?> one(@PathVariable long saleId, @AuthenticationPrincipal GavelUser user) {
		return this.invoices.of(saleId, signedIn(user).id())
			.<ResponseEntity<?>>map((invoice) -> ResponseEntity.ok(InvoiceJson.of(invoice)))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"You have no invoice for that sale.");
				problem.setProperty("reason", "invoice-not-found");
				return ResponseEntity.status(HttpStatus.NOT_FOUND)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			});
	}

	/** Reading the API is open to all, so the security rules let anonymous requests through to here. */
	private static GavelUser signedIn(GavelUser user) {
		if (user == null) {
			throw new AuthenticationCredentialsNotFoundException("sign in to see your invoices");
		}
		return user;
	}

}
