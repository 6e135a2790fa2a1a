package com.gavel.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.gavel.account.GavelUser;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.AuctionProperties;
import com.gavel.auction.LotView;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Running the house over JSON: create lots, move them through their lifecycle, void bids. */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminApiController {

	private final AuctionEngine engine;

	private final AuctionCatalog catalog;

	private final AuctionProperties properties;

	AdminApiController(AuctionEngine engine, AuctionCatalog catalog, AuctionProperties properties) {
		this.engine = engine;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/lots")
	List<LotView> lots() {
		return this.catalog.allLots();
	}

	/** Creates a lot; {@code ?schedule=true} also schedules it so it opens at its start. */
	@PostMapping(path = "/lots", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	LotView create(@Valid @RequestBody LotRequest request,
			@RequestParam(defaultValue = "false") boolean schedule) {
		LotView lot = this.engine
			.createLot(request.toSpec(this.properties.softCloseWindow(), this.properties.softCloseExtension()));
		return schedule ? this.engine.schedule(lot.id()) : lot;
	}

	@PostMapping("/lots/{id}/schedule")
	LotView schedule(@PathVariable long id) {
		return this.engine.schedule(id);
	}

	@PostMapping("/lots/{id}/open")
	LotView open(@PathVariable long id) {
		return this.engine.openNow(id);
	}

	@PostMapping("/lots/{id}/pause")
	LotView pause(@PathVariable long id) {
		return this.engine.pause(id);
	}

	@PostMapping("/lots/{id}/resume")
	LotView resume(@PathVariable long id) {
		return this.engine.resume(id);
	}

	@PostMapping("/lots/{id}/close")
	LotView close(@PathVariable long id) {
		return this.engine.closeNow(id);
	}

	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping(path = "/lots/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	LotView cancel(@PathVariable long id, @Valid @RequestBody Reason body) {
		return this.engine.cancel(id, body.reason().trim());
	}

	@PostMapping(path = "/bids/{bidId}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
	LotView voidBid(@PathVariable long bidId, @Valid @RequestBody Reason body,
			@AuthenticationPrincipal GavelUser admin) {
		return this.engine.voidBid(bidId, body.reason().trim(), admin.id());
	}

	record Extension(@Min(1) @Max(1440) int minutes) {
	}

	@PostMapping(path = "/lots/extend-all", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Integer> extendAll(@Valid @RequestBody Extension body) {
		return Map.of("extended", this.engine.extendAll(Duration.ofMinutes(body.minutes())));
	}

}
