package com.gavel.auction;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.gavel.account.GavelUser;
import com.gavel.account.Role;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * The public JSON API: lots, their bid history and event log with its hash chain, and bidding
 * with its receipts.
 */
@RestController
// Refusals are RFC 9457 problem details; without their media type here they would go out as
// plain application/json.
@RequestMapping(path = "/api/lots", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class LotApiController {

	private static final int MAX_REPLAY = 1000;

	private final AuctionCatalog catalog;

	private final BidIntake intake;

	private final ChainVerifier verifier;

	private final Receipts receipts;

	LotApiController(AuctionCatalog catalog, BidIntake intake, ChainVerifier verifier, Receipts receipts) {
		this.catalog = catalog;
		this.intake = intake;
		this.verifier = verifier;
		this.receipts = receipts;
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

	/**
	 * The stored events after {@code after}, as raw JSON objects with their links in the lot's hash
	 * chain, for clients that resync and for anyone who verifies the chain. Without {@code limit}
	 * all of them (refused when there are more than a thousand: a client that far behind fetches
	 * the lot); with it, the next {@code limit} at most, so a whole log can be read page by page.
	 */
	@GetMapping("/{id}/events")
	ResponseEntity<String> events(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(required = false) Integer limit) {
		this.catalog.lot(id).orElseThrow(() -> new LotNotFoundException("no such lot"));
		List<String> events;
		if (limit != null) {
			if (limit < 1 || limit > MAX_REPLAY || after < 0) {
				throw new InvalidBidException("limit must be 1 to " + MAX_REPLAY + " and after at least 0");
			}
			events = this.catalog.chainedEvents(id, after, limit);
		}
		else {
			events = this.catalog.chainedEventsAfter(id, after, MAX_REPLAY)
				.orElseThrow(() -> new InvalidBidException(
						"more than " + MAX_REPLAY + " events since " + after + "; fetch the lot instead"));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("[" + String.join(",", events) + "]");
	}

	/** The lot's hash chain recomputed from its stored events (docs/ledger.md). */
	@GetMapping("/{id}/verify")
	ChainVerdict verify(@PathVariable long id) {
		return this.verifier.verifyPublic(id);
	}

	/**
	 * The receipt of the accepted bid that caused event {@code sequence}, as a document to keep:
	 * only for the bidder who made it, or an admin. Anyone else is told there is no such receipt,
	 * as they would be for a sequence that was no bid.
	 */
	@GetMapping("/{id}/receipts/{sequence}")
	ResponseEntity<?> receipt(@PathVariable long id, @PathVariable long sequence,
			@AuthenticationPrincipal GavelUser user) {
		if (user == null) {
			throw new AuthenticationCredentialsNotFoundException("sign in to see your receipts");
		}
		return this.receipts.document(id, sequence, user.id(), user.role() == Role.ADMIN)
			.<ResponseEntity<?>>map((document) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"gavel-receipt-lot-" + id + "-" + sequence + ".json\"")
				.body(document))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"You have no receipt for that event of that lot.");
				problem.setProperty("reason", "receipt-not-found");
				return ResponseEntity.status(HttpStatus.NOT_FOUND)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			});
	}

	/**
	 * A bid as JSON. Amounts are read as text (a JSON string such as {@code "12.50"}, or a plain
	 * JSON number) and checked by the {@link BidIntake}, in bounded time whatever they hold.
	 */
	record BidBody(String requestId, String amount, String maximum) {
	}

	record BuyNowBody(String requestId) {
	}

	@PostMapping(path = "/{id}/bids", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> bid(@PathVariable long id, @RequestBody BidBody body, @AuthenticationPrincipal GavelUser user) {
		requireSignedIn(user);
		return respond(
				this.intake.submit(user.id(), new BidSubmission(id, body.requestId(), false, body.amount(), body.maximum())));
	}

	@PostMapping(path = "/{id}/buy-now", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> buyNow(@PathVariable long id, @RequestBody BuyNowBody body,
			@AuthenticationPrincipal GavelUser user) {
		requireSignedIn(user);
		return respond(this.intake.submit(user.id(), new BidSubmission(id, body.requestId(), true, null, null)));
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
		return BidAnswers.of(result);
	}

}
