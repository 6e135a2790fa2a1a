package com.gavel.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.ChainVerdict;
import com.gavel.auction.ChainVerifier;
import com.gavel.auction.LedgerHeads;
import com.gavel.auction.LotAdminView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The house's ledger: every lot's hash chain recomputed from its stored events, whenever the page
 * is asked for, broken chains first; and the head of the house to publish (docs/ledger.md).
 */
@Controller
@RequestMapping("/admin")
class AdminLedgerController {

	private final ChainVerifier verifier;

	private final LedgerHeads heads;

	private final AuctionCatalog catalog;

	AdminLedgerController(ChainVerifier verifier, LedgerHeads heads, AuctionCatalog catalog) {
		this.verifier = verifier;
		this.heads = heads;
		this.catalog = catalog;
	}

	/** One lot and what recomputing its chain found. */
	record LedgerRow(LotAdminView lot, ChainVerdict chain) {
	}

	@GetMapping("/ledger")
	String ledger(Model model) {
		List<ChainVerdict> verdicts = this.verifier.verifyAll();
		Map<Long, LotAdminView> lots = this.catalog.adminLots()
			.stream()
			.collect(Collectors.toMap(LotAdminView::id, Function.identity()));
		List<LedgerRow> rows = verdicts.stream()
			.filter((verdict) -> lots.containsKey(verdict.lotId()))
			.map((verdict) -> new LedgerRow(lots.get(verdict.lotId()), verdict))
			.sorted(Comparator.comparing((LedgerRow row) -> row.chain().valid())
				.thenComparing((row) -> row.lot().id(), Comparator.reverseOrder()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("broken", rows.stream().filter((row) -> !row.chain().valid()).count());
		model.addAttribute("head", this.heads.head());
		return "admin/ledger";
	}

}
