package com.gavel.invoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.SalePurchases;
import com.gavel.auction.SalePurchases.Purchase;
import com.gavel.auction.SalePurchases.SoldInSale;
import com.gavel.auction.SaleStatus;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Buyers' invoices, one per buyer per sale, worked out whenever asked from the lots sold in the
 * sale and the sale's terms (no table of their own): an invoice exists once the buyer bought a lot
 * in the sale, is provisional while the sale runs and final once it closed. It shows the lots as
 * they stand, so a bid the house voids after the close changes it.
 */
@Service
public class Invoices {

	private final SalePurchases purchases;

	private final AccountService accounts;

	private final MessageSource messages;

	Invoices(SalePurchases purchases, AccountService accounts, MessageSource messages) {
		this.purchases = purchases;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The buyer's invoices, the latest first. */
	public List<Invoice> of(long buyerId) {
		String name = name(buyerId);
		return this.purchases.boughtBy(buyerId)
			.stream()
			.map((sold) -> invoice(sold, buyerId, name, sold.purchases()))
			.sorted(Comparator.comparing(Invoice::date).reversed().thenComparing(Invoice::saleId))
			.toList();
	}

	/** The buyer's invoice for the sale, if they bought anything in it. */
	public Optional<Invoice> of(long saleId, long buyerId) {
		return this.purchases.sold(saleId).flatMap((sold) -> {
			List<Purchase> theirs = sold.purchases().stream().filter((p) -> p.buyerId() == buyerId).toList();
			return theirs.isEmpty() ? Optional.empty()
					: Optional.of(invoice(sold, buyerId, name(buyerId), theirs));
		});
	}

	/**
	 * Every invoice of the sale, by invoice number (that is, by buyer), none when nothing sold;
	 * empty when there is no such sale.
	 */
	public Optional<List<Invoice>> ofSale(long saleId) {
		return this.purchases.sold(saleId).map((sold) -> {
			Map<Long, List<Purchase>> byBuyer = new LinkedHashMap<>();
			sold.purchases()
				.stream()
				.sorted(Comparator.comparingLong(Purchase::buyerId))
				.forEach((p) -> byBuyer.computeIfAbsent(p.buyerId(), (b) -> new ArrayList<>()).add(p));
			return byBuyer.entrySet()
				.stream()
				.map((e) -> invoice(sold, e.getKey(), name(e.getKey()), e.getValue()))
				.toList();
		});
	}

	private Invoice invoice(SoldInSale sold, long buyerId, String buyerName, List<Purchase> bought) {
		SalePurchases.SaleTerms sale = sold.sale();
		List<Invoice.Line> lines = bought.stream()
			.sorted(Comparator.comparingInt(Purchase::lotNumber))
			.map((p) -> InvoiceArithmetic.line(p.lotId(), p.lotNumber(), p.title(), p.hammer(), sale.buyersPremium(),
					sale.taxRate()))
			.toList();
		Instant date = bought.stream().map(Purchase::closedAt).max(Comparator.naturalOrder()).orElseThrow();
		return new Invoice(Invoice.number(sale.id(), buyerId), house(), sale.id(), sale.title(), sale.currency(),
				buyerId, buyerName, sale.status() != SaleStatus.CLOSED, date, sale.buyersPremium(), sale.taxRate(),
				lines, InvoiceArithmetic.totals(lines), sale.payment(), sale.collection());
	}

	private String name(long buyerId) {
		return this.accounts.find(buyerId).map(Account::username).orElse("#" + buyerId);
	}

	/** The house's name, as its pages show it (the same in every language). */
	private String house() {
		return this.messages.getMessage("app.name", null, "Gavel", Locale.ENGLISH);
	}

}
