package com.gavel.auction;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API of sales: the list, one sale with its lots in lot-number order, a live sale's room. */
@RestController
@RequestMapping(path = "/api/sales", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class SaleApiController {

	private final SaleCatalog catalog;

	private final LiveSales live;

	SaleApiController(SaleCatalog catalog, LiveSales live) {
		this.catalog = catalog;
		this.live = live;
	}

	/** @param status comma-separated statuses, e.g. {@code open,scheduled}; all public sales if absent */
	@GetMapping
	List<SaleSummary> sales(@RequestParam(required = false) List<String> status) {
		Set<SaleStatus> statuses = EnumSet.noneOf(SaleStatus.class);
		if (status != null) {
			for (String s : status) {
				try {
					SaleStatus parsed = SaleStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
					if (!parsed.isPublic()) {
						throw new IllegalArgumentException();
					}
					statuses.add(parsed);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("unknown status '" + s + "'");
				}
			}
		}
		return this.catalog.sales(statuses);
	}

	@GetMapping("/{id}")
	SaleDetails sale(@PathVariable long id) {
		return this.catalog.sale(id).orElseThrow(() -> new SaleNotFoundException("no such sale"));
	}

	/** A live sale's room: the lot up now, the next ones, and every lot with where it stands. */
	@GetMapping("/{id}/live")
	LiveSales.Room live(@PathVariable long id) {
		return this.live.room(id);
	}

}
