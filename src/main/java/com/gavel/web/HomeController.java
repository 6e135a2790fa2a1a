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

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue: live now, starting soon and ended lots, optionally narrowed by a title search
 * and to one category.
 */
@Controller
class HomeController {

	private static final int MAX_QUERY = 100;

	private final AuctionCatalog catalog;

	private final PageText text;

	private final PageJson json;

	private final LotCategories categories;

	private final LotCards cards;

	HomeController(AuctionCatalog catalog, PageText text, PageJson json, LotCategories categories, LotCards cards) {
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
		List<LotView> live = matching(this.catalog.lots(EnumSet.of(LotStatus.OPEN, LotStatus.PAUSED)), q);
		List<LotView> soon = matching(this.catalog.lots(EnumSet.of(LotStatus.SCHEDULED)), q);
		List<LotView> ended = new ArrayList<>(matching(this.catalog.lots(EnumSet.of(LotStatus.CLOSED)), q));
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
