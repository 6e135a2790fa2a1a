package com.gavel.admin;

import java.util.Locale;

import com.gavel.account.GavelUser;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotAdminView;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Puts a lot in a category from the admin lot page, while the lot is not over. */
@Controller
class LotCategoryController {

	private final LotCategories categories;

	private final AuctionCatalog catalog;

	private final MessageSource messages;

	LotCategoryController(LotCategories categories, AuctionCatalog catalog, MessageSource messages) {
		this.categories = categories;
		this.catalog = catalog;
		this.messages = messages;
	}

	@PostMapping("/admin/lots/{id}/category")
	String set(@PathVariable long id, @RequestParam(name = "category", required = false) String category,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow(AdminLotController::notFound);
		String error = null;
		if ("closed".equals(lot.status()) || "cancelled".equals(lot.status())) {
			error = "admin.category.error.finished";
		}
		else {
			try {
				this.categories.set(admin, id, category);
			}
			catch (LotCategories.TooLongException ex) {
				error = "admin.category.error.length";
			}
		}
		if (error == null) {
			redirect.addFlashAttribute("notice", this.messages.getMessage("admin.category.saved", null, locale));
		}
		else {
			redirect.addFlashAttribute("categoryError",
					this.messages.getMessage(error, new Object[] { LotCategories.MAX_LENGTH }, locale));
		}
		return "redirect:/admin/lots/" + id + "#showcase";
	}

}
