package com.gavel.auction;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.gavel.account.GavelUser;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API: lots, their bid history and event log, and bidding. */
@RestController
// Refusals are RFC 9457 problem details; without their media type here they would go out as
// plain application/json.
@RequestMapping(path = "/api/lots", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class LotApiController {

	private static final int MAX_REPLAY = 1000;

	private final AuctionCatalog catalog;

	private final AuctionEngine engine;

	LotApiController(AuctionCatalog catalog, AuctionEngine engine) {
		this.catalog = catalog;
		this.engine = engine;
	}

	/** @param status comma-separated statuses, e.g. {@code open,scheduled}; all public lots if absent */
	@GetMapping
	List<LotView> lots(@RequestParam(required = false) List<String> status) {
		Set<LotStatus> statuses = EnumSet.noneOf(LotStatus.class);
		if (status != null) {
			for (String s : status) {
				try {
					statuses.add(LotStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidBidException("unknown status '" + s + "'");
				}
			}
		}
		return this.catalog.lots(statuses);
	}

	@GetMapping("/{id}")
	LotDetails lot(@PathVariable long id) {
		return this.catalog.details(id).orElseThrow(() -> new LotNotFoundException("no such lot"));
	}

	@GetMapping("/{id}/bids")
	List<BidHistoryEntry> bids(@PathVariable long id) {
		return this.catalog.history(id);
	}

	/** The stored events after {@code after}, as raw JSON objects, for clients that resync. */
	@GetMapping("/{id}/events")
	ResponseEntity<String> events(@PathVariable long id, @RequestParam(defaultValue = "0") long after) {
		this.catalog.lot(id).orElseThrow(() -> new LotNotFoundException("no such lot"));
		List<String> events = this.catalog.eventsAfter(id, after, MAX_REPLAY)
			.orElseThrow(() -> new InvalidBidException(
					"more than " + MAX_REPLAY + " events since " + after + "; fetch the lot instead"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("[" + String.join(",", events) + "]");
	}

	record BidBody(@NotBlank @Size(max = 64) String requestId, BigDecimal amount, BigDecimal maximum) {
	}

	record BuyNowBody(@NotBlank @Size(max = 64) String requestId) {
	}

	@PostMapping(path = "/{id}/bids", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> bid(@PathVariable long id, @Valid @RequestBody BidBody body,
			@AuthenticationPrincipal GavelUser user) {
		requireSignedIn(user);
		if (body.amount() == null && body.maximum() == null) {
			throw new InvalidBidException("give an amount, a maximum, or both");
		}
		return respond(this.engine.placeBid(BidRequest.of(id, user.id(), body.requestId(), body.amount(), body.maximum())));
	}

	@PostMapping(path = "/{id}/buy-now", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> buyNow(@PathVariable long id, @Valid @RequestBody BuyNowBody body,
			@AuthenticationPrincipal GavelUser user) {
		requireSignedIn(user);
		return respond(this.engine.placeBid(BidRequest.buyNow(id, user.id(), body.requestId())));
	}

	/**
	 * Reading is open to all, so the security rules let anonymous requests through to here;
	 * bidding is not. Spring Security turns this into its 401 for the API.
	 */
	private static void requireSignedIn(GavelUser user) {
		if (user == null) {
			throw new AuthenticationCredentialsNotFoundException("sign in to bid");
		}
	}

	private static ResponseEntity<?> respond(BidResult result) {
		if (result.accepted()) {
			return ResponseEntity.ok(result);
		}
		RejectReason reason = result.reason();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.status(), reason.message());
		problem.setTitle("Bid not accepted");
		problem.setProperty("reason", reason.code());
		problem.setProperty("requestId", result.requestId());
		if (result.lot() != null) {
			problem.setProperty("lot", result.lot());
		}
		return ResponseEntity.status(reason.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
