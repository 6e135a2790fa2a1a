package com.gavel.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.gavel.admin.AdminCsv.ResultRow;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.LotAdminView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** How the finished lots ended: winner, price, reserve met or not; also as CSV. */
@Controller
@RequestMapping("/admin")
class AdminResultsController {

	private final AuctionCatalog catalog;

	private final UserNames names;

	private final Clock clock;

	AdminResultsController(AuctionCatalog catalog, UserNames names, Clock clock) {
		this.catalog = catalog;
		this.names = names;
		this.clock = clock;
	}

	@GetMapping("/results")
	String results(Model model) {
		List<ResultRow> rows = rows();
		model.addAttribute("results", rows);
		model.addAttribute("sold", rows.stream().filter((r) -> r.lot().sold()).count());
		return "admin/results";
	}

	@GetMapping("/results.csv")
	void resultsCsv(HttpServletResponse response) throws IOException {
		List<ResultRow> rows = rows();
		AdminLotController.csv(response, "gavel-results-" + LocalDate.now(this.clock.withZone(ZoneOffset.UTC)) + ".csv");
		AdminCsv.results(rows, response.getWriter());
	}

	/** Closed and cancelled lots, newest first. */
	List<ResultRow> rows() {
		List<LotAdminView> finished = this.catalog.adminLots()
			.stream()
			.filter((l) -> "closed".equals(l.status()) || "cancelled".equals(l.status()))
			.toList();
		Map<Long, String> usernames = this.names.of(finished.stream().map(LotAdminView::leaderId).toList());
		return finished.stream().map((l) -> {
			String high = l.leaderId() == null ? null : usernames.get(l.leaderId());
			return new ResultRow(l, l.sold() ? high : null, high);
		}).toList();
	}

}
