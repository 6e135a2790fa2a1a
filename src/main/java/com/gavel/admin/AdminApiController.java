package com.gavel.admin;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.gavel.account.Account;
import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionProperties;
import com.gavel.auction.ChainVerdict;
import com.gavel.auction.ChainVerifier;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running the house over JSON: create and edit lots, move them through their lifecycle, void bids,
 * ban users. Every action goes into the audit log, like the same action on the admin pages.
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminApiController {

	private final AdminActions actions;

	private final AuctionCatalog catalog;

	private final AuctionProperties properties;

	private final ChainVerifier verifier;

	AdminApiController(AdminActions actions, AuctionCatalog catalog, AuctionProperties properties,
			ChainVerifier verifier) {
		this.actions = actions;
		this.verifier = verifier;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/lots")
	List<LotView> lots() {
		return this.catalog.allLots();
	}

	/** One lot's hash chain recomputed from its stored events, drafts included (docs/ledger.md). */
	@GetMapping("/lots/{id}/verify")
	ChainVerdict verify(@PathVariable long id) {
		return this.verifier.verify(id);
	}

	/** Every lot's hash chain recomputed from its stored events, oldest lot first. */
	@GetMapping("/ledger/verify")
	List<ChainVerdict> verifyAll() {
		return this.verifier.verifyAll();
	}

	/** Creates a lot; {@code ?schedule=true} also schedules it so it opens at its start. */
	@PostMapping(path = "/lots", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	LotView create(@Valid @RequestBody LotRequest request, @RequestParam(defaultValue = "false") boolean schedule,
			@AuthenticationPrincipal GavelUser admin) {
		return this.actions.create(admin, Via.API, spec(request), schedule);
	}

	/**
	 * Replaces a lot's terms. Before it opens anything may change; once it is open or paused only
	 * the title and description (anything else answers 409).
	 */
	@PutMapping(path = "/lots/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	LotView update(@PathVariable long id, @Valid @RequestBody LotRequest request,
			@AuthenticationPrincipal GavelUser admin) {
		this.catalog.adminLot(id).orElseThrow(() -> new LotNotFoundException("no such lot"));
		return this.actions.amend(admin, Via.API, id, spec(request));
	}

	private LotSpec spec(LotRequest request) {
		return request.toSpec(this.properties.softCloseWindow(), this.properties.softCloseExtension());
	}

	@PostMapping("/lots/{id}/schedule")
	LotView schedule(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		return this.actions.schedule(admin, Via.API, id);
	}

	@PostMapping("/lots/{id}/open")
	LotView open(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		return this.actions.open(admin, Via.API, id);
	}

	@PostMapping("/lots/{id}/pause")
	LotView pause(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		return this.actions.pause(admin, Via.API, id);
	}

	@PostMapping("/lots/{id}/resume")
	LotView resume(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		return this.actions.resume(admin, Via.API, id);
	}

	@PostMapping("/lots/{id}/close")
	LotView close(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		return this.actions.close(admin, Via.API, id);
	}

	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping(path = "/lots/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	LotView cancel(@PathVariable long id, @Valid @RequestBody Reason body, @AuthenticationPrincipal GavelUser admin) {
		return this.actions.cancel(admin, Via.API, id, body.reason().trim());
	}

	@PostMapping(path = "/bids/{bidId}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
	LotView voidBid(@PathVariable long bidId, @Valid @RequestBody Reason body,
			@AuthenticationPrincipal GavelUser admin) {
		return this.actions.voidBid(admin, Via.API, bidId, body.reason().trim());
	}

	/** @param reason why (an outage, say); optional here, kept in the audit log */
	record Extension(@Min(1) @Max(1440) int minutes, @Size(max = 500) String reason) {
	}

	@PostMapping(path = "/lots/extend-all", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Integer> extendAll(@Valid @RequestBody Extension body, @AuthenticationPrincipal GavelUser admin) {
		String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
		return Map.of("extended", this.actions.extendAll(admin, Via.API, body.minutes(), reason));
	}

	record BanState(long id, String username, boolean banned) {

		static BanState of(Account account) {
			return new BanState(account.id(), account.username(), account.banned());
		}

	}

	@PostMapping(path = "/users/{id}/ban", consumes = MediaType.APPLICATION_JSON_VALUE)
	BanState ban(@PathVariable long id, @Valid @RequestBody Reason body, @AuthenticationPrincipal GavelUser admin) {
		return BanState.of(this.actions.setBanned(admin, Via.API, id, true, body.reason().trim()));
	}

	@PostMapping("/users/{id}/unban")
	BanState unban(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		return BanState.of(this.actions.setBanned(admin, Via.API, id, false, null));
	}

}
