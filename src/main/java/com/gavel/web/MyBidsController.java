package com.gavel.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.gavel.account.GavelUser;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionCatalog.BidderPosition;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A bidder's lots, grouped by how they stand: leading, outbid, voided, won, lost, withdrawn
 * ({@link BidderStanding}, the lot page's rules). The page's script keeps them live and moves a
 * lot to its new group when the standing changes.
 */
@Controller
class MyBidsController {

	static final List<String> GROUPS = List.of("leading", "outbid", "voided", "won", "lost", "withdrawn");

	private final AuctionCatalog catalog;

	private final PageText text;

	private final PageJson json;

	MyBidsController(AuctionCatalog catalog, PageText text, PageJson json) {
		this.catalog = catalog;
		this.text = text;
		this.json = json;
	}

	@GetMapping("/my/bids")
	String myBids(@AuthenticationPrincipal GavelUser user, Locale locale, Model model) {
		model.addAttribute("textsJson", this.json.write(this.text.forScripts(locale)));
		List<BidderPosition> positions = this.catalog.positionsOf(user.id());
		Map<String, List<BidderPosition>> grouped = positions.stream()
			.collect(Collectors.groupingBy(MyBidsController::standing, LinkedHashMap::new, Collectors.toList()));
		Map<String, List<BidderPosition>> ordered = new LinkedHashMap<>();
		for (String group : GROUPS) {
			ordered.put(group, grouped.getOrDefault(group, List.of()));
		}
		model.addAttribute("groups", ordered);
		model.addAttribute("total", positions.size());
		return "my/bids";
	}

	/**
	 * One lot of the page, as the page shows it: what the page's script adds when the bidder bids
	 * on a lot the page does not show yet (elsewhere: another tab, the phone, the API).
	 */
	@GetMapping("/my/bids/lots/{lotId}")
	String position(@PathVariable long lotId, @AuthenticationPrincipal GavelUser user, Model model) {
		BidderPosition position = this.catalog.positionOf(lotId, user.id())
			.orElseThrow(LotPageController::notFound);
		model.addAttribute("position", position);
		model.addAttribute("group", standing(position));
		return "my/cards :: position(p=${position},key=${group})";
	}

	/** Which group a lot is in: a suspended bidder's lots are grouped as anyone's (the banner says the rest). */
	static String standing(BidderPosition position) {
		return BidderStanding.of(position.lot(), position.alias(), position.leading(), false,
				position.voidReason() != null);
	}

}
