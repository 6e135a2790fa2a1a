package com.gavel.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotStatus;
import com.gavel.auction.LotView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue: live now, starting soon and ended lots, optionally narrowed by a title search. */
@Controller
class HomeController {

	private static final int MAX_QUERY = 100;

	private final AuctionCatalog catalog;

	private final PageText text;

	private final PageJson json;

	HomeController(AuctionCatalog catalog, PageText text, PageJson json) {
		this.catalog = catalog;
		this.text = text;
		this.json = json;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "q", required = false) String query, Locale locale, Model model) {
		String q = query == null ? "" : query.strip();
		if (q.length() > MAX_QUERY) {
			q = q.substring(0, MAX_QUERY);
		}
		List<LotView> live = matching(this.catalog.lots(EnumSet.of(LotStatus.OPEN, LotStatus.PAUSED)), q);
		List<LotView> soon = matching(this.catalog.lots(EnumSet.of(LotStatus.SCHEDULED)), q);
		List<LotView> ended = new ArrayList<>(matching(this.catalog.lots(EnumSet.of(LotStatus.CLOSED)), q));
		Collections.reverse(ended);
		model.addAttribute("q", q);
		model.addAttribute("live", live);
		model.addAttribute("soon", soon);
		model.addAttribute("ended", ended);
		model.addAttribute("textsJson", this.json.write(this.text.forScripts(locale)));
		model.addAttribute("found", live.size() + soon.size() + ended.size());
		return "index";
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
