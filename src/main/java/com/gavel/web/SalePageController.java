package com.gavel.web;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.gavel.admin.LotCategories;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleDetails.SaleLot;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A sale's page: its terms and its lots, in lot-number order or sorted otherwise, narrowed to
 * the lots open, coming or ended and to one category. It renders on the server, so it works
 * without scripts; {@code catalogue.js} then keeps the cards live.
 */
@Controller
class SalePageController {

	/** What the status filter offers: all, the lots open now, those still to open, those over. */
	static final List<String> SHOWS = List.of("all", "open", "upcoming", "ended");

	static final List<String> SORTS = List.of("number", "ending", "price-low", "price-high");

	private final SaleCatalog sales;

	private final LotCategories categories;

	private final LotCards cards;

	private final PageText text;

	private final PageJson json;

	SalePageController(SaleCatalog sales, LotCategories categories, LotCards cards, PageText text, PageJson json) {
		this.sales = sales;
		this.categories = categories;
		this.cards = cards;
		this.text = text;
		this.json = json;
	}

	@GetMapping("/sales/{id}")
	String sale(@PathVariable long id, @RequestParam(name = "show", required = false) String show,
			@RequestParam(name = "category", required = false) String category,
			@RequestParam(name = "sort", required = false) String sort, Locale locale, Model model) {
		SaleDetails sale = this.sales.sale(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such sale"));
		String shown = show != null && SHOWS.contains(show) ? show : "all";
		String order = sort != null && SORTS.contains(sort) ? sort : "number";
		Map<Long, String> categoryOf = this.categories.of(sale.lots().stream().map((l) -> l.lot().id()).toList());
		Set<String> names = new TreeSet<>(categoryOf.values());
		String chosen = names.stream().filter((c) -> c.equalsIgnoreCase(category == null ? "" : category.strip()))
			.findFirst()
			.orElse(null);
		List<SaleLot> lots = sale.lots()
			.stream()
			.filter((l) -> shows(shown, l.lot()))
			.filter((l) -> chosen == null || chosen.equals(categoryOf.get(l.lot().id())))
			.sorted(order(order))
			.toList();
		model.addAttribute("sale", sale);
		model.addAttribute("lots", lots);
		model.addAttribute("show", shown);
		model.addAttribute("shows", SHOWS);
		model.addAttribute("sort", order);
		model.addAttribute("sorts", SORTS);
		model.addAttribute("category", chosen);
		model.addAttribute("categoryNames", names);
		model.addAttribute("textsJson", this.json.write(this.text.forScripts(locale)));
		this.cards.addTo(model, lots.stream().map(SaleLot::lot).toList());
		return "sales/sale";
	}

	private static boolean shows(String show, LotView lot) {
		return switch (show) {
			case "open" -> "open".equals(lot.status()) || "paused".equals(lot.status());
			case "upcoming" -> "scheduled".equals(lot.status());
			case "ended" -> "closed".equals(lot.status()) || "cancelled".equals(lot.status());
			default -> true;
		};
	}

	private static Comparator<SaleLot> order(String sort) {
		Comparator<SaleLot> byNumber = Comparator.comparingInt(SaleLot::lotNumber);
		return switch (sort) {
			case "ending" -> Comparator.comparing((SaleLot l) -> l.lot().endsAt()).thenComparing(byNumber);
			case "price-low" -> Comparator.comparing(SalePageController::price).thenComparing(byNumber);
			case "price-high" -> Comparator.comparing(SalePageController::price).reversed().thenComparing(byNumber);
			default -> byNumber;
		};
	}

	/** What a bidder would pay now: the price, or before any bid the ask (the start price). */
	private static BigDecimal price(SaleLot lot) {
		String amount = lot.lot().price() != null ? lot.lot().price() : lot.lot().ask();
		return amount == null ? BigDecimal.ZERO : new BigDecimal(amount);
	}

}
