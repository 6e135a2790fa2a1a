package com.gavel.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.gavel.admin.LotCategories;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotStatus;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue: the sales that are live or coming first, then live now, starting soon and ended
 * lots outside any sale (a sale's lots are on its own page), optionally narrowed by a title search
 * and to one category; a search or a category looks through every lot, those in sales too.
 */
@Controller
class HomeController {

	private static final int MAX_QUERY = 100;

	private final AuctionCatalog catalog;

	private final PageText text;

	private final PageJson json;

	private final LotCategories categories;

	private final LotCards cards;

	private final SaleCatalog sales;

	HomeController(AuctionCatalog catalog, PageText text, PageJson json, LotCategories categories, LotCards cards,
			SaleCatalog sales) {
		this.sales = sales;
		this.catalog = catalog;
		this.categories = categories;
		this.cards = cards;
		this.text = text;
		this.json = json;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "category", required = false) String category, Locale locale, Model model) {
		String q = query == null ? "" : query.strip();
		if (q.length() > MAX_QUERY) {
			q = q.substring(0, MAX_QUERY);
		}
		boolean everywhere = !q.isEmpty() || !strip(category).isEmpty();
		List<LotView> live = matching(lots(EnumSet.of(LotStatus.OPEN, LotStatus.PAUSED), everywhere), q);
		List<LotView> soon = matching(lots(EnumSet.of(LotStatus.SCHEDULED), everywhere), q);
		List<LotView> ended = new ArrayList<>(matching(lots(EnumSet.of(LotStatus.CLOSED), everywhere), q));
		Collections.reverse(ended);
		Map<Long, String> categoryOf = this.categories
			.of(Stream.of(live, soon, ended).flatMap(List::stream).map(LotView::id).toList());
		String chosen = categoryOf.values()
			.stream()
			.filter((c) -> c.equalsIgnoreCase(strip(category)))
			.findFirst()
			.orElse(null);
		if (chosen != null) {
			live = inCategory(live, categoryOf, chosen);
			soon = inCategory(soon, categoryOf, chosen);
			ended = inCategory(ended, categoryOf, chosen);
		}
		model.addAttribute("sales", everywhere ? List.of() : this.sales.sales(EnumSet.of(SaleStatus.OPEN, SaleStatus.SCHEDULED)));
		model.addAttribute("q", q);
		model.addAttribute("category", chosen);
		model.addAttribute("categoryNames", new TreeSet<>(categoryOf.values()));
		model.addAttribute("live", live);
		model.addAttribute("soon", soon);
		model.addAttribute("ended", ended);
		model.addAttribute("textsJson", this.json.write(this.text.forScripts(locale)));
		model.addAttribute("found", live.size() + soon.size() + ended.size());
		this.cards.addTo(model, Stream.of(live, soon, ended).flatMap(List::stream).toList());
		return "index";
	}

	private List<LotView> lots(EnumSet<LotStatus> statuses, boolean everywhere) {
		return everywhere ? this.catalog.lots(statuses) : this.catalog.lotsOutsideSales(statuses);
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

	private static List<LotView> inCategory(List<LotView> lots, Map<Long, String> categoryOf, String category) {
		return lots.stream().filter((lot) -> category.equals(categoryOf.get(lot.id()))).toList();
	}

	/** Lots whose title contains every word of the query, ignoring case. */
	static List<LotView> matching(List<LotView> lots, String query) {
		if (query.isEmpty()) {
			return lots;
		}
		String[] words = query.toLowerCase(Locale.ROOT).split("\\s+");
		return lots.stream().filter((lot) -> {
			String title = lot.title().toLowerCase(Locale.ROOT);
			for (String word : words) {
				if (!title.contains(word)) {
					return false;
				}
			}
			return true;
		}).toList();
	}

}
