package com.gavel.web;

import java.util.Collection;
import java.util.List;

import com.gavel.admin.LotCategories;
import com.gavel.admin.LotPhotos;
import com.gavel.auction.LotView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a lot card shows besides the lot's state: its cover photo and its category, looked up for
 * all the cards of a page at once (a few queries, however many cards).
 */
@Component
class LotCards {

	private final LotPhotos photos;

	private final LotCategories categories;

	LotCards(LotPhotos photos, LotCategories categories) {
		this.photos = photos;
		this.categories = categories;
	}

	/** Adds {@code covers} and {@code categories} (maps by lot id) for {@code fragments/lots :: card}. */
	void addTo(Model model, Collection<LotView> lots) {
		List<Long> ids = lots.stream().map(LotView::id).toList();
		model.addAttribute("covers", this.photos.covers(ids));
		model.addAttribute("categories", this.categories.of(ids));
	}

}
