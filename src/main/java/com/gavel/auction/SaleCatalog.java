package com.gavel.auction;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of sales and their lots, for the public and for admins. */
@Service
@Transactional(readOnly = true)
public class SaleCatalog {

	/** How lists order sales: running ones first, then the coming ones, then the finished ones. */
	private static final List<SaleStatus> ORDER = List.of(SaleStatus.OPEN, SaleStatus.SCHEDULED, SaleStatus.CLOSED,
			SaleStatus.DRAFT);

	private final SaleRepository sales;

	private final LotRepository lots;

	private final IncrementTables increments;

	SaleCatalog(SaleRepository sales, LotRepository lots, IncrementTables increments) {
		this.sales = sales;
		this.lots = lots;
		this.increments = increments;
	}

	/** A lot of a sale as admins see it: its number, estimate and full terms. */
	public record AdminLot(int lotNumber, SaleDetails.Estimate estimate, LotAdminView lot) {
	}

	/** Where a public lot is catalogued: its sale and its number there. */
	public record Placement(long saleId, String saleTitle, int lotNumber) {
	}

	/**
	 * Public sales in the given statuses (all public ones if none given): open ones first, then
	 * scheduled ones, soonest starting first, then closed ones, latest first.
	 */
	public List<SaleSummary> sales(Set<SaleStatus> statuses) {
		Set<SaleStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.complementOf(EnumSet.of(SaleStatus.DRAFT))
				: EnumSet.copyOf(statuses);
		wanted.remove(SaleStatus.DRAFT);
		if (wanted.isEmpty()) {
			return List.of();
		}
		return this.sales.findByStatusIn(wanted, Sort.by("startsAt", "id"))
			.stream()
			.sorted(listOrder())
			.map((s) -> details(s, false).summary())
			.toList();
	}

	/** A public sale with its public lots in lot-number order. */
	public Optional<SaleDetails> sale(long id) {
		return this.sales.findById(id).filter((s) -> s.getStatus().isPublic()).map((s) -> details(s, false));
	}

	/** Every sale, drafts included, newest first: for admins. */
	public List<SaleSummary> allSales() {
		return this.sales.findAll(Sort.by(Sort.Direction.DESC, "id")).stream().map((s) -> details(s, true).summary()).toList();
	}

	/** A sale with all its lots, drafts included: for admins. */
	public Optional<SaleDetails> adminSale(long id) {
		return this.sales.findById(id).map((s) -> details(s, true));
	}

	/** The sale's lots, drafts included, in lot-number order, with their full terms: for admins. */
	public List<AdminLot> adminLots(long saleId) {
		Sale sale = this.sales.findById(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
		IncrementTable table = this.increments.of(sale);
		return this.lots.findBySaleIdOrderByLotNumberAsc(saleId)
			.stream()
			.map((l) -> new AdminLot(l.getLotNumber(),
					SaleDetails.Estimate.of(l.getEstimateLow(), l.getEstimateHigh(), l.getCurrency()),
					LotAdminView.of(l, table)))
			.toList();
	}

	/** The sale's details and terms in the form an admin edits them. */
	public Optional<SaleSpec> spec(long id) {
		return this.sales.findById(id).map(Sale::spec);
	}

	/** Whether the sale's terms and catalogue may still change (it has not opened). */
	public boolean termsOpen(long id) {
		return this.sales.findById(id).map(Sale::termsOpen).orElse(false);
	}

	/** The public sale a public lot is catalogued in, if any. */
	public Optional<Placement> placement(long lotId) {
		return this.lots.findById(lotId)
			.filter((l) -> l.getStatus().isPublic() && l.getSaleId() != null && l.getLotNumber() != null)
			.flatMap((l) -> this.sales.findById(l.getSaleId())
				.filter((s) -> s.getStatus().isPublic())
				.map((s) -> new Placement(s.getId(), s.getTitle(), l.getLotNumber())));
	}

	/** Draft lots in no sale, in this currency, newest first: what an admin may add to a sale. */
	public List<LotView> loneDrafts(String currency) {
		return this.lots.findBySaleIdIsNullAndStatusIn(EnumSet.of(LotStatus.DRAFT), Sort.by(Sort.Direction.DESC, "id"))
			.stream()
			.filter((l) -> l.getCurrency().equals(currency))
			.map((l) -> l.view(this.increments.house()))
			.toList();
	}

	/** The house's increment table for a sale in this currency that has none of its own. */
	public List<SaleDetails.Band> houseIncrements(String currency) {
		return bands(this.increments.houseFor(currency));
	}

	private SaleDetails details(Sale sale, boolean drafts) {
		IncrementTable table = this.increments.of(sale);
		String currency = sale.getCurrency();
		List<SaleDetails.SaleLot> lots = this.lots.findBySaleIdOrderByLotNumberAsc(sale.getId())
			.stream()
			.filter((l) -> drafts || l.getStatus().isPublic())
			.map((l) -> new SaleDetails.SaleLot(l.getLotNumber(),
					SaleDetails.Estimate.of(l.getEstimateLow(), l.getEstimateHigh(), currency), l.view(table)))
			.toList();
		SaleDetails.Terms terms = new SaleDetails.Terms(SaleSpec.percentText(sale.getBuyersPremium()),
				SaleSpec.percentText(sale.getTaxRate()), bands(table), sale.ownIncrements() == null,
				sale.getPaymentText(), sale.getCollectionText());
		return new SaleDetails(sale.getId(), sale.getTitle(), sale.getDescription(), sale.getKind().code(),
				sale.getStatus().code(), currency, sale.getStartsAt(), sale.getFirstLotEndsAt(),
				sale.interval().toSeconds(), sale.isGroupSoftClose(), terms, lots);
	}

	private static List<SaleDetails.Band> bands(IncrementTable table) {
		return table.steps()
			.stream()
			.map((s) -> new SaleDetails.Band(s.from().toPlainString(), s.increment().toPlainString()))
			.toList();
	}

	private static Comparator<Sale> listOrder() {
		Comparator<Sale> byStatus = Comparator.comparingInt((s) -> ORDER.indexOf(s.getStatus()));
		return byStatus.thenComparing((a, b) -> {
			int order = a.getStartsAt().compareTo(b.getStartsAt());
			return a.getStatus() == SaleStatus.CLOSED ? -order : order;
		}).thenComparing(Sale::getId);
	}

}
