package com.gavel.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.gavel.account.GavelUser;
import com.gavel.admin.LotPhotos;
import com.gavel.admin.LotPhotos.Picture;
import com.gavel.auction.Money;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleDetails.SaleLot;
import com.gavel.auction.SaleKind;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A live sale's room: the lot the auctioneer calls now, its fair warning, one button to bid the
 * ask, and the lots to come. The page carries what does not change during the sale (each lot's
 * number, estimate and photo); {@code sale-room.js} asks {@code GET /api/sales/{id}/live} which
 * lot is up and follows the lots over the socket.
 */
@Controller
class SaleRoomController {

	private final SaleCatalog sales;

	private final LotPhotos photos;

	private final PageText text;

	private final PageJson json;

	private final Clock clock;

	SaleRoomController(SaleCatalog sales, LotPhotos photos, PageText text, PageJson json, Clock clock) {
		this.sales = sales;
		this.photos = photos;
		this.text = text;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/sales/{id}/live")
	String room(@PathVariable long id, @AuthenticationPrincipal GavelUser user, Locale locale, Model model) {
		// Drafts are not public, and a timed sale has no auctioneer: neither has a room.
		SaleDetails sale = this.sales.sale(id)
			.filter((s) -> SaleKind.LIVE.code().equals(s.kind()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such live sale"));
		Viewer viewer = Viewer.of(user);
		model.addAttribute("sale", sale);
		model.addAttribute("viewer", viewer);
		model.addAttribute("roomJson", this.json.write(room(sale, viewer, locale)));
		return "sales/live";
	}

	private Map<String, Object> room(SaleDetails sale, Viewer viewer, Locale locale) {
		Map<Long, Picture> covers = this.photos.covers(sale.lots().stream().map((l) -> l.lot().id()).toList());
		List<Map<String, Object>> lots = new ArrayList<>();
		for (SaleLot l : sale.lots()) {
			Map<String, Object> lot = new LinkedHashMap<>();
			lot.put("id", l.lot().id());
			lot.put("lotNumber", l.lotNumber());
			lot.put("title", l.lot().title());
			lot.put("estimate", l.estimate());
			lot.put("photo", photo(covers.get(l.lot().id()), l.lot().title()));
			lots.add(lot);
		}
		Map<String, Object> room = new LinkedHashMap<>();
		room.put("saleId", sale.id());
		room.put("currency", sale.currency());
		room.put("scale", Money.scale(sale.currency()));
		room.put("signedIn", viewer.signedIn());
		room.put("canBid", viewer.canBid());
		room.put("suspended", viewer.suspended());
		room.put("serverNow", this.clock.millis());
		room.put("lots", lots);
		room.put("texts", this.text.forScripts(locale));
		return room;
	}

	/** The lot's cover as the room shows it, or {@code null} for a lot without a photo. */
	private static Map<String, Object> photo(Picture cover, String title) {
		if (cover == null) {
			return null;
		}
		Map<String, Object> photo = new LinkedHashMap<>();
		photo.put("src", cover.display().url());
		photo.put("width", cover.display().width());
		photo.put("height", cover.display().height());
		photo.put("alt", cover.alt() != null ? cover.alt() : title);
		return photo;
	}

}
