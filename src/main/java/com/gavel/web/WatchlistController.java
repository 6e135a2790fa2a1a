package com.gavel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.gavel.account.GavelUser;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionCatalog.BidderPosition;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotView;
import com.gavel.watchlist.WatchlistService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The lots a bidder follows, as live cards that also say where the bidder stands on each. */
@Controller
class WatchlistController {

	private final WatchlistService watchlist;

	private final AuctionCatalog catalog;

	private final PageText text;

	private final PageJson json;

	private final LotCards cards;

	WatchlistController(WatchlistService watchlist, AuctionCatalog catalog, PageText text, PageJson json,
			LotCards cards) {
		this.watchlist = watchlist;
		this.catalog = catalog;
		this.cards = cards;
		this.text = text;
		this.json = json;
	}

	@GetMapping("/my/watchlist")
	String watchlist(@AuthenticationPrincipal GavelUser user, Locale locale, Model model) {
		model.addAttribute("textsJson", this.json.write(this.text.forScripts(locale)));
		List<LotView> lots = this.watchlist.watched(user.id());
		model.addAttribute("lots", lots);
		this.cards.addTo(model, lots);
		// Where the bidder stands on each watched lot they bid on, by the rules My bids groups by.
		Map<Long, BidderPosition> positions = new HashMap<>();
		Map<Long, String> standings = new HashMap<>();
		for (BidderPosition position : this.catalog.positionsOf(user.id())) {
			positions.put(position.lot().id(), position);
			standings.put(position.lot().id(), MyBidsController.standing(position));
		}
		model.addAttribute("positions", positions);
		model.addAttribute("standings", standings);
		return "my/watchlist";
	}

	/**
	 * One card of the page, as the page shows it: what the page's script adds when the bidder
	 * watches a lot elsewhere (another tab, the lot page).
	 */
	@GetMapping("/my/watchlist/lots/{lotId}")
	String card(@PathVariable long lotId, @AuthenticationPrincipal GavelUser user, Model model) {
		if (!this.watchlist.isWatching(user.id(), lotId)) {
			throw LotPageController.notFound();
		}
		LotView lot = this.catalog.lot(lotId).orElseThrow(LotPageController::notFound);
		BidderPosition position = this.catalog.positionOf(lotId, user.id()).orElse(null);
		model.addAttribute("lot", lot);
		model.addAttribute("position", position);
		model.addAttribute("standings",
				(position != null) ? Map.of(lotId, MyBidsController.standing(position)) : Map.of());
		this.cards.addTo(model, List.of(lot));
		return "my/cards :: watched(lot=${lot},position=${position})";
	}

	@PostMapping("/my/watchlist/{lotId}")
	String watch(@PathVariable long lotId, @AuthenticationPrincipal GavelUser user,
			@RequestParam(name = "from", required = false) String from) {
		try {
			this.watchlist.watch(user.id(), lotId);
		}
		catch (LotNotFoundException ex) {
			throw LotPageController.notFound();
		}
		return back(from, lotId);
	}

	@PostMapping("/my/watchlist/{lotId}/remove")
	String unwatch(@PathVariable long lotId, @AuthenticationPrincipal GavelUser user,
			@RequestParam(name = "from", required = false) String from) {
		this.watchlist.unwatch(user.id(), lotId);
		return back(from, lotId);
	}

	/** Back to the watchlist or the lot page, never to a URL the request names (no open redirect). */
	private static String back(String from, long lotId) {
		return "watchlist".equals(from) ? "redirect:/my/watchlist" : "redirect:/lots/" + lotId;
	}

}
