package com.gavel.auction;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Which increment table a lot bids in. A lot outside any sale uses the house table
 * ({@code gavel.auction.increments}), exactly as before sales existed. A lot in a sale uses the
 * sale's own table, or else the house's table for the sale's currency ({@code gavel.sales.increments},
 * then the built-in one for that currency, then the house table), so a yen sale does not rise in
 * steps made for euros.
 * <p>
 * A sale's table is read in the caller's transaction. Once a sale is open its terms never change
 * again, so its table is then kept in memory and a bid costs no extra query.
 */
@Component
public class IncrementTables {

	/**
	 * Gavel's own tables for currencies whose units the default table does not fit, in major
	 * units. Yen: the steps of the big Japanese auction sites, ¥10 up to ¥1,000 and ¥1,000 from ¥50,000.
	 */
	static final Map<String, List<IncrementTable.Step>> BUILT_IN = Map.of("JPY",
			List.of(step("0", "10"), step("1000", "100"), step("5000", "250"), step("10000", "500"),
					step("50000", "1000")));

	/** Sales whose tables are kept, at most; more is unlikely, and forgetting only costs a query. */
	private static final int REMEMBERED_SALES = 10_000;

	private final IncrementTable house;

	private final Map<String, IncrementTable> byCurrency = new HashMap<>();

	private final SaleRepository sales;

	private final Map<Long, IncrementTable> openSales = new ConcurrentHashMap<>();

	IncrementTables(AuctionProperties auction, SaleProperties properties, SaleRepository sales) {
		this.house = auction.incrementTable();
		this.sales = sales;
		BUILT_IN.forEach((currency, steps) -> this.byCurrency.put(currency, new IncrementTable(steps)));
		properties.increments()
			.forEach((currency, steps) -> this.byCurrency.put(currency.toUpperCase(Locale.ROOT), new IncrementTable(steps)));
	}

	/** The table of lots outside sales. */
	public IncrementTable house() {
		return this.house;
	}

	/** The house's table for a sale in this currency that has none of its own. */
	public IncrementTable houseFor(String currency) {
		return this.byCurrency.getOrDefault(currency, this.house);
	}

	/** The table a sale's lots bid in. */
	public IncrementTable of(Sale sale) {
		List<IncrementTable.Step> own = sale.ownIncrements();
		return own != null ? new IncrementTable(own) : houseFor(sale.getCurrency());
	}

	/** The table the lot bids in. */
	IncrementTable of(Lot lot) {
		Long saleId = lot.getSaleId();
		if (saleId == null) {
			return this.house;
		}
		IncrementTable known = this.openSales.get(saleId);
		if (known != null) {
			return known;
		}
		Sale sale = this.sales.findById(saleId).orElse(null);
		if (sale == null) {
			return this.house;
		}
		IncrementTable table = of(sale);
		if (!sale.termsOpen()) {
			if (this.openSales.size() >= REMEMBERED_SALES) {
				this.openSales.clear();
			}
			this.openSales.put(saleId, table);
		}
		return table;
	}

	private static IncrementTable.Step step(String from, String increment) {
		return new IncrementTable.Step(new BigDecimal(from), new BigDecimal(increment));
	}

}
