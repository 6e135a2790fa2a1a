package com.gavel.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.gavel.account.GavelUser;
import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionCatalog.BidderPosition;
import com.gavel.auction.AuctionCatalog.SequencedBid;
import com.gavel.auction.BidHistoryEntry;
import com.gavel.auction.LotDetails;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;
import com.gavel.auction.SaleCatalog;
import com.gavel.watchlist.WatchlistService;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lot page. It renders the whole current state on the server, so it is right before (and
 * without) the live socket; {@code lot.js} then keeps it live.
 */
@Controller
@EnableConfigurationProperties(HouseProperties.class)
class LotPageController {

	private final AuctionCatalog catalog;

	private final WatchlistService watchlist;

	private final PageText text;

	private final PageJson json;

	private final MessageSource messages;

	private final Formats fmt;

	private final HouseProperties house;

	private final Clock clock;

	private final LotPhotos photos;

	private final LotCategories categories;

	private final SaleCatalog sales;

	LotPageController(AuctionCatalog catalog, WatchlistService watchlist, PageText text, PageJson json,
			MessageSource messages, Formats fmt, HouseProperties house, Clock clock, LotPhotos photos,
			LotCategories categories, SaleCatalog sales) {
		this.sales = sales;
		this.photos = photos;
		this.categories = categories;
		this.catalog = catalog;
		this.watchlist = watchlist;
		this.text = text;
		this.json = json;
		this.messages = messages;
		this.fmt = fmt;
		this.house = house;
		this.clock = clock;
	}

	@GetMapping("/lots/{id}")
	String lot(@PathVariable long id, @AuthenticationPrincipal GavelUser user, Locale locale, Model model) {
		Viewer viewer = Viewer.of(user);
		LotDetails details = this.catalog.details(id).orElseThrow(LotPageController::notFound);
		List<SequencedBid> history = this.catalog.sequencedHistory(id);
		Optional<BidderPosition> position = viewer.signedIn() ? this.catalog.positionOf(id, viewer.userId())
				: Optional.empty();
		LotView lot = details.lot();
		String alias = viewer.signedIn() ? this.catalog.aliasOf(id, viewer.userId()).orElse(null) : null;
		boolean leading = position.map(BidderPosition::leading).orElse(false);
		String voidReason = voidedReason(history, alias);
		String standing = BidderStanding.of(lot, alias, leading, viewer.suspended(), voidReason != null);
		boolean biddingOpen = viewer.canBid() && "open".equals(lot.status())
				&& this.clock.instant().isBefore(lot.endsAt());
		String afterWin = afterWin(locale);

		model.addAttribute("details", details);
		model.addAttribute("gallery", this.photos.pictures(id));
		model.addAttribute("category", this.categories.of(id).orElse(null));
		model.addAttribute("placement", this.sales.placement(id).orElse(null));
		model.addAttribute("lot", lot);
		model.addAttribute("history", history);
		model.addAttribute("viewer", viewer);
		model.addAttribute("alias", alias);
		model.addAttribute("maximum", position.map(BidderPosition::maximum).orElse(null));
		model.addAttribute("panel",
				LotPanel.of(lot, alias, standing, voidReason, new LotPanel.Sentences(this.messages, locale, this.fmt)));
		model.addAttribute("afterWin", afterWin);
		model.addAttribute("biddingOpen", biddingOpen);
		model.addAttribute("running", List.of("open", "paused", "scheduled").contains(lot.status()));
		model.addAttribute("watching", viewer.signedIn() && this.watchlist.isWatching(viewer.userId(), id));
		model.addAttribute("stateJson",
				this.json.write(state(details, viewer, alias, leading, position, voidReason, afterWin, locale)));
		return "lots/lot";
	}

	/** The history as the page shows it, each row with its event's sequence number. */
	@GetMapping(path = "/lots/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<SequencedBid> history(@PathVariable long id) {
		try {
			return this.catalog.sequencedHistory(id);
		}
		catch (LotNotFoundException ex) {
			throw notFound();
		}
	}

	/** The house's reason, when the viewer's newest bid on the lot is one the house voided. */
	private static String voidedReason(List<SequencedBid> history, String alias) {
		if (alias == null) {
			return null;
		}
		return history.stream()
			.map(SequencedBid::entry)
			.filter((e) -> alias.equals(e.bidder()) && !e.automatic())
			.findFirst()
			.filter(BidHistoryEntry::voided)
			.map((e) -> e.voidReason() == null ? "" : e.voidReason())
			.orElse(null);
	}

	/** What the winner is told happens next: the house's own words, or the standard sentence. */
	private String afterWin(Locale locale) {
		String configured = this.house.afterWin();
		return configured != null && !configured.isBlank() ? configured.strip()
				: this.messages.getMessage("house.afterWin", null, locale);
	}

	private Map<String, Object> state(LotDetails details, Viewer viewer, String alias, boolean leading,
			Optional<BidderPosition> position, String voidReason, String afterWin, Locale locale) {
		LotView lot = details.lot();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("lot", lot);
		state.put("startPrice", details.startPrice());
		Map<String, Object> you = new LinkedHashMap<>();
		you.put("alias", alias);
		you.put("leading", leading);
		you.put("maximum", position.map(BidderPosition::maximum).orElse(null));
		you.put("suspended", viewer.suspended());
		you.put("voided", voidReason == null ? null : Map.of("reason", voidReason, "seq", lot.sequence()));
		state.put("you", viewer.signedIn() ? you : null);
		state.put("signedIn", viewer.signedIn());
		state.put("canBid", viewer.canBid());
		state.put("afterWin", afterWin);
		state.put("scale", Money.scale(lot.currency()));
		state.put("serverNow", this.clock.millis());
		state.put("texts", this.text.forScripts(locale));
		return state;
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lot");
	}

}
