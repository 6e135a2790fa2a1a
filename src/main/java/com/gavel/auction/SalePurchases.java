package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What buyers bought in sales, for their invoices: a sale's terms with the lots sold in it, each
 * with its buyer and hammer price. A lot counts as bought exactly when {@link Lot#sold()} says so
 * (closed, with a leader, the reserve met), its leader being the buyer and its price the hammer
 * price; nothing here repeats that rule.
 */
@Service
@Transactional(readOnly = true)
public class SalePurchases {

	private final SaleRepository sales;

	private final LotRepository lots;

	private final PurchaseRepository purchases;

	SalePurchases(SaleRepository sales, LotRepository lots, PurchaseRepository purchases) {
		this.sales = sales;
		this.lots = lots;
		this.purchases = purchases;
	}

	/**
	 * A sale's terms as an invoice needs them.
	 * @param buyersPremium percent, exact
	 * @param taxRate percent, exact
	 */
	public record SaleTerms(long id, String title, String currency, SaleStatus status, BigDecimal buyersPremium,
			BigDecimal taxRate, String payment, String collection) {
	}

	/**
	 * A lot sold in a sale.
	 * @param hammer the price it was knocked down at, in minor units of the sale's currency
	 * @param closedAt when it closed
	 */
	public record Purchase(long lotId, int lotNumber, String title, long hammer, long buyerId, Instant closedAt) {
	}

	/** A sale with lots sold in it, in lot-number order. */
	public record SoldInSale(SaleTerms sale, List<Purchase> purchases) {
	}

	/** Every lot sold in the sale so far, to anyone; empty for a sale that does not exist. */
	public Optional<SoldInSale> sold(long saleId) {
		return this.sales.findById(saleId).map((sale) -> new SoldInSale(terms(sale),
				this.lots.findBySaleIdOrderByLotNumberAsc(saleId)
					.stream()
					.filter(Lot::sold)
					.map(SalePurchases::purchase)
					.toList()));
	}

	/** The sales the buyer bought at least one lot in, each with only the buyer's lots. */
	public List<SoldInSale> boughtBy(long buyerId) {
		Map<Long, List<Purchase>> bySale = new LinkedHashMap<>();
		for (Lot lot : this.purchases.findInSalesLedBy(buyerId)) {
			if (lot.sold()) {
				bySale.computeIfAbsent(lot.getSaleId(), (id) -> new ArrayList<>()).add(purchase(lot));
			}
		}
		List<SoldInSale> bought = new ArrayList<>();
		for (Sale sale : this.sales.findAllById(bySale.keySet())) {
			bought.add(new SoldInSale(terms(sale), List.copyOf(bySale.get(sale.getId()))));
		}
		return bought;
	}

	/** Closed sales a lot of which ended at {@code since} or later: those that closed since then. */
	public List<Long> closedSince(Instant since) {
		List<Long> ids = this.purchases.findSalesWithLotsEndedSince(since);
		return this.sales.findAllById(ids)
			.stream()
			.filter((s) -> s.getStatus() == SaleStatus.CLOSED)
			.map(Sale::getId)
			.sorted()
			.toList();
	}

	/** The sale's lot with the lowest id: fixed once the sale opened, as lots then stay in it. */
	public OptionalLong firstLot(long saleId) {
		Long id = this.purchases.findFirstLotId(saleId);
		return id == null ? OptionalLong.empty() : OptionalLong.of(id);
	}

	private static SaleTerms terms(Sale sale) {
		return new SaleTerms(sale.getId(), sale.getTitle(), sale.getCurrency(), sale.getStatus(),
				sale.getBuyersPremium(), sale.getTaxRate(), sale.getPaymentText(), sale.getCollectionText());
	}

	private static Purchase purchase(Lot lot) {
		return new Purchase(lot.getId(), lot.getLotNumber(), lot.getTitle(), lot.getCurrentPrice(), lot.getLeaderId(),
				lot.getClosedAt());
	}

}
