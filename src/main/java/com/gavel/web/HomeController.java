package com.gavel.web;

import java.util.EnumSet;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final AuctionCatalog catalog;

	HomeController(AuctionCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("live", this.catalog.lots(EnumSet.of(LotStatus.OPEN, LotStatus.PAUSED)));
		model.addAttribute("soon", this.catalog.lots(EnumSet.of(LotStatus.SCHEDULED)));
		model.addAttribute("ended", this.catalog.lots(EnumSet.of(LotStatus.CLOSED)));
		return "index";
	}

}
