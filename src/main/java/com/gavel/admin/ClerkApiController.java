package com.gavel.admin;

import java.math.BigDecimal;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;
import com.gavel.auction.BidAnswers;
import com.gavel.auction.BidResult;
import com.gavel.auction.Catalogue;
import com.gavel.auction.LiveSales;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clerk's console over JSON: bring a lot of a live sale up, enter floor bids by paddle, call
 * fair warning, hammer or pass. Every call answers with the console's state as it is after it,
 * or a 409 problem whose {@code reason} says why it was refused; every one is in the audit log.
 */
@RestController
@RequestMapping(path = "/api/admin/sales/{id}/live",
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class ClerkApiController {

	private final LiveSales live;

	private final AuditLog audit;

	ClerkApiController(LiveSales live, AuditLog audit) {
		this.live = live;
		this.audit = audit;
	}

	@GetMapping
	LiveSales.Console console(@PathVariable long id) {
		return this.live.console(id);
	}

	record Up(@NotNull @Min(1) @Max(Catalogue.MAX_LOT_NUMBER) Integer lotNumber) {
	}

	@PostMapping(path = "/up", consumes = MediaType.APPLICATION_JSON_VALUE)
	LiveSales.Console bringUp(@PathVariable long id, @Valid @RequestBody Up body,
			@AuthenticationPrincipal GavelUser clerk) {
		this.live.bringUp(id, body.lotNumber(), logged(clerk, AuditAction.LOT_UP, id));
		return this.live.console(id);
	}

	@PostMapping("/fair-warning")
	LiveSales.Console fairWarning(@PathVariable long id, @AuthenticationPrincipal GavelUser clerk) {
		this.live.callFairWarning(id, logged(clerk, AuditAction.FAIR_WARNING, id));
		return this.live.console(id);
	}

	@PostMapping("/hammer")
	LiveSales.Console hammer(@PathVariable long id, @AuthenticationPrincipal GavelUser clerk) {
		this.live.hammer(id, logged(clerk, AuditAction.LOT_HAMMERED, id));
		return this.live.console(id);
	}

	@PostMapping("/pass")
	LiveSales.Console pass(@PathVariable long id, @AuthenticationPrincipal GavelUser clerk) {
		this.live.pass(id, logged(clerk, AuditAction.LOT_PASSED, id));
		return this.live.console(id);
	}

	/** @param amount decimal text in the sale's currency; the ask when absent */
	record FloorBid(@NotNull @Min(1) @Max(99_999) Integer paddle, @Size(max = 20) String amount,
			@NotBlank @Size(max = 64) String requestId) {
	}

	/** A bid from the room, answered as any bid over the API is: the result, or a problem saying why not. */
	@PostMapping(path = "/floor-bids", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> floorBid(@PathVariable long id, @Valid @RequestBody FloorBid body,
			@AuthenticationPrincipal GavelUser clerk) {
		BigDecimal amount = body.amount() == null || body.amount().isBlank() ? null : Money.parse(body.amount());
		BidResult result = this.live.floorBid(id, body.paddle(), amount, body.requestId());
		// The bid's own row says what it did; this says which clerk entered it.
		this.audit.record(clerk, Via.API, AuditAction.FLOOR_BID, Subject.lot(result.lotId()),
				AdminSaleActions.sale(id) + ": paddle " + body.paddle() + " at "
						+ (body.amount() == null ? "the ask" : body.amount()) + ", "
						+ (result.accepted() ? "accepted" : "refused (" + result.reason().code() + ")"),
				null);
		return BidAnswers.of(result);
	}

	private Consumer<LotView> logged(GavelUser clerk, AuditAction action, long saleId) {
		return (lot) -> this.audit.record(clerk, Via.API, action, Subject.lot(lot.id()),
				AdminSaleActions.sale(saleId) + ", lot " + lot.lotNumber() + (lot.price() == null ? ""
						: " at " + lot.price() + " " + lot.currency()),
				null);
	}

}
