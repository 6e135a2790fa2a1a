package com.gavel.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;
import com.gavel.auction.Catalogue;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleNotFoundException;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import org.springframework.stereotype.Service;

/**
 * Every admin action on sales, from the pages and from the JSON API alike: {@link Sales} does it
 * and the audit log gets who, what and why in the same transaction as the sale's own change (its
 * lots' changes go through the engine, each in a transaction of its own, as for any lot).
 */
@Service
class AdminSaleActions {

	private final Sales sales;

	private final SaleCatalog catalog;

	private final AuditLog audit;

	AdminSaleActions(Sales sales, SaleCatalog catalog, AuditLog audit) {
		this.sales = sales;
		this.catalog = catalog;
		this.audit = audit;
	}

	long create(GavelUser admin, Via via, SaleSpec spec) {
		return this.sales.create(spec, (id) -> this.audit.record(admin, via, AuditAction.SALE_CREATED, Subject.none(),
				sale(id) + " \"" + clip(spec.title()) + "\", " + spec.kind().code() + ", " + spec.currency(), null));
	}

	void amend(GavelUser admin, Via via, long saleId, SaleSpec spec) {
		SaleSpec before = this.catalog.spec(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
		List<String> changed = changes(before, spec);
		this.sales.amend(saleId, spec, () -> {
			if (!changed.isEmpty()) {
				this.audit.record(admin, via, AuditAction.SALE_EDITED, Subject.none(),
						sale(saleId) + ": changed " + String.join(", ", changed), null);
			}
		});
	}

	void schedule(GavelUser admin, Via via, long saleId) {
		this.sales.schedule(saleId, () -> this.audit.record(admin, via, AuditAction.SALE_SCHEDULED, Subject.none(),
				sale(saleId), null));
	}

	void openNow(GavelUser admin, Via via, long saleId) {
		this.sales.openNow(saleId,
				() -> this.audit.record(admin, via, AuditAction.SALE_OPENED, Subject.none(), sale(saleId), null));
	}

	void closeNow(GavelUser admin, Via via, long saleId) {
		this.sales.closeNow(saleId,
				() -> this.audit.record(admin, via, AuditAction.SALE_CLOSED, Subject.none(), sale(saleId), null));
	}

	void addLot(GavelUser admin, Via via, long saleId, Catalogue entry) {
		this.sales.addLot(saleId, entry, () -> this.audit.record(admin, via, AuditAction.SALE_LOT_ADDED,
				Subject.lot(entry.lotId()), "into " + sale(saleId) + " as lot " + entry.lotNumber(), null));
	}

	LotView createLot(GavelUser admin, Via via, long saleId, SaleLotSpec spec, String currency) {
		return this.sales.createLot(saleId, spec, (lot) -> this.audit.record(admin, via, AuditAction.LOT_CREATED,
				Subject.lot(lot.id()), describe(saleId, spec, currency), null));
	}

	void removeLot(GavelUser admin, Via via, long saleId, long lotId) {
		this.sales.removeLot(saleId, lotId, () -> this.audit.record(admin, via, AuditAction.SALE_LOT_REMOVED,
				Subject.lot(lotId), "out of " + sale(saleId), null));
	}

	void recatalogue(GavelUser admin, Via via, long saleId, List<Catalogue> entries) {
		List<String> numbers = entries.stream().map((e) -> "lot " + e.lotId() + " → " + e.lotNumber()).toList();
		this.sales.recatalogue(saleId, entries, () -> this.audit.record(admin, via, AuditAction.SALE_RENUMBERED,
				Subject.none(), clip(sale(saleId) + ": " + String.join(", ", numbers)), null));
	}

	/** The audit detail of a lot made in a sale (by hand or by an import). */
	static String describe(long saleId, SaleLotSpec spec, String currency) {
		StringBuilder text = new StringBuilder();
		text.append('"').append(clip(spec.title())).append("\" in ").append(sale(saleId)).append(" as lot ")
			.append(spec.lotNumber()).append(", start ").append(Money.text(spec.startPrice(), currency)).append(' ')
			.append(currency);
		if (spec.reservePrice() != null) {
			text.append(", reserve ").append(Money.text(spec.reservePrice(), currency));
		}
		if (spec.estimateLow() != null) {
			text.append(", estimate ").append(Money.text(spec.estimateLow(), currency)).append('–')
				.append(Money.text(spec.estimateHigh(), currency));
		}
		return text.toString();
	}

	static String sale(long saleId) {
		return "sale " + saleId;
	}

	/** Audit details hold 2,000 characters; a title or a list is cut well before. */
	static String clip(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
	}

	static List<String> changes(SaleSpec before, SaleSpec after) {
		List<String> changed = new ArrayList<>();
		note(changed, "title", before.title(), after.title());
		note(changed, "description", before.description(), after.description());
		note(changed, "currency", before.currency(), after.currency());
		note(changed, "start", before.startsAt(), after.startsAt());
		note(changed, "first lot's end", before.firstLotEndsAt(), after.firstLotEndsAt());
		note(changed, "interval", before.interval(), after.interval());
		note(changed, "group soft close", before.groupSoftClose(), after.groupSoftClose());
		if (before.buyersPremium().compareTo(after.buyersPremium()) != 0) {
			changed.add("buyer's premium");
		}
		if (before.taxRate().compareTo(after.taxRate()) != 0) {
			changed.add("tax");
		}
		note(changed, "increments", before.increments(), after.increments());
		note(changed, "payment text", before.paymentText(), after.paymentText());
		note(changed, "collection text", before.collectionText(), after.collectionText());
		return changed;
	}

	private static void note(List<String> changed, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(name);
		}
	}

}
