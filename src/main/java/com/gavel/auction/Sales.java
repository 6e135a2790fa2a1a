package com.gavel.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes of sales: create and edit one, put lots in it (existing drafts, new ones, an import),
 * number them, schedule, open and close it. Its lots change through the {@link AuctionEngine}
 * like any lot, each in its own turn and transaction with its events published after the commit,
 * so these steps never run inside a caller's transaction; what touches only the sale and its
 * catalogue (numbers, estimates, new draft lots) is one transaction of its own.
 * <p>
 * A timed sale sets its lots' times: all start with the sale, and lot N in lot-number order ends
 * at the first lot's end plus N-1 intervals ({@link #retime}), whenever its catalogue or timing
 * changes before it opens. From then on each lot's end moves only by soft close.
 * <p>
 * Each change takes an {@code alongside} step that runs in the change's transaction (an admin's
 * audit entry), as the engine's lot changes do.
 */
@Service
public class Sales {

	private final SaleRepository sales;

	private final LotRepository lots;

	private final AuctionEngine engine;

	private final AuctionProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Sales(SaleRepository sales, LotRepository lots, AuctionEngine engine, AuctionProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.sales = sales;
		this.lots = lots;
		this.engine = engine;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	// ---- the sale ------------------------------------------------------------------------

	public long create(SaleSpec spec, Consumer<Long> alongside) {
		return this.transactions.execute((tx) -> {
			long id = this.sales.save(new Sale(spec, this.clock.instant())).getId();
			alongside.accept(id);
			return id;
		});
	}

	/** Edits the sale (see {@link Sale#amend}); moves its lots' times when its timing changed. */
	public void amend(long saleId, SaleSpec spec, Runnable alongside) {
		boolean[] times = new boolean[1];
		inSale(() -> {
			Sale sale = sale(saleId);
			times[0] = sale.amend(spec, this.lots.countBySaleId(saleId) > 0);
			this.sales.saveAndFlush(sale);
			for (Lot lot : running(saleId)) {
				if (lot.isLive() != sale.isLive()) {
					lot.callByClerk(sale.isLive());
					times[0] = true;
				}
			}
			alongside.run();
		});
		if (times[0]) {
			retime(saleId);
		}
	}

	/**
	 * Publishes the sale: sets its lots' times and schedules those still drafts, so they open at
	 * its start. Doing it again schedules lots added as drafts since.
	 */
	public void schedule(long saleId, Runnable alongside) {
		inSale(() -> {
			Sale sale = sale(saleId);
			List<Lot> lots = running(saleId);
			if (lots.isEmpty()) {
				throw new SaleStateException("a sale needs at least one lot before it is scheduled");
			}
			if (!sale.endOf(1).isAfter(this.clock.instant())) {
				throw new SaleStateException("the sale's first lot would end in the past: move its times first");
			}
			sale.schedule();
			this.sales.saveAndFlush(sale);
			alongside.run();
		});
		retime(saleId);
		for (Lot lot : running(saleId)) {
			if (lot.getStatus() == LotStatus.DRAFT) {
				this.engine.schedule(lot.getId());
			}
		}
	}

	/** Opens the sale now rather than at its start: every scheduled lot opens at once. */
	public void openNow(long saleId, Runnable alongside) {
		Sale sale = this.sales.findById(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
		if (sale.getStatus() != SaleStatus.SCHEDULED && sale.getStatus() != SaleStatus.OPEN) {
			throw new SaleStateException("schedule the sale before opening it");
		}
		for (Lot lot : running(saleId)) {
			if (lot.getStatus() == LotStatus.SCHEDULED) {
				try {
					this.engine.openNow(lot.getId());
				}
				catch (LotStateException ex) {
					// The scheduler opened it meanwhile, its start having come: that is what was wanted.
				}
			}
		}
		Runnable open = () -> {
			Sale opening = sale(saleId);
			opening.open();
			this.sales.saveAndFlush(opening);
			alongside.run();
		};
		try {
			this.transactions.executeWithoutResult((tx) -> open.run());
		}
		catch (OptimisticLockingFailureException ex) {
			// The scheduler opened it meanwhile, its start having come: a second look finds it open.
			inSale(open);
		}
	}

	/**
	 * Ends the sale now: its open and paused lots close at once (sold where the reserve was met),
	 * and lots that never opened are withdrawn.
	 */
	public void closeNow(long saleId, Runnable alongside) {
		Sale sale = this.sales.findById(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
		if (sale.getStatus() != SaleStatus.OPEN && sale.getStatus() != SaleStatus.CLOSED) {
			throw new SaleStateException("only an open sale can be closed");
		}
		// Twice: a lot the scheduler opened (or closed) between reading and acting is seen again.
		for (int pass = 0; pass < 2; pass++) {
			for (Lot lot : running(saleId)) {
				try {
					switch (lot.getStatus()) {
						case OPEN, PAUSED -> this.engine.closeNow(lot.getId());
						case SCHEDULED -> this.engine.cancel(lot.getId(), "The sale closed before this lot opened.");
						default -> {
						}
					}
				}
				catch (LotStateException ex) {
					// It moved on by itself meanwhile; the next pass sees where it is now.
				}
			}
		}
		Runnable close = () -> {
			Sale closed = sale(saleId);
			closed.close();
			this.sales.saveAndFlush(closed);
			alongside.run();
		};
		try {
			this.transactions.executeWithoutResult((tx) -> close.run());
		}
		catch (OptimisticLockingFailureException ex) {
			// The scheduler closed it meanwhile, its last lot having closed: a second look finds it closed.
			inSale(close);
		}
	}

	// ---- its catalogue -------------------------------------------------------------------

	/** Puts a draft lot outside any sale into the sale under a number, with an estimate. */
	public void addLot(long saleId, Catalogue entry, Runnable alongside) {
		catalogueChange(saleId, (sale) -> {
			Lot lot = this.lots.findById(entry.lotId()).orElseThrow(() -> new LotNotFoundException("no such lot"));
			if (lot.getSaleId() != null) {
				throw new SaleStateException("lot " + lot.getId() + " is in a sale already");
			}
			if (lot.getStatus() != LotStatus.DRAFT) {
				throw new SaleStateException("only a draft lot can join a sale");
			}
			if (!lot.getCurrency().equals(sale.getCurrency())) {
				throw new SaleStateException("lot " + lot.getId() + " is priced in " + lot.getCurrency()
						+ ", the sale in " + sale.getCurrency());
			}
			requireFree(sale, Set.of(entry.lotNumber()), Set.of());
			lot.catalogue(sale.getId(), entry.lotNumber(), entry.estimateLow(), entry.estimateHigh());
			lot.callByClerk(sale.isLive());
			alongside.run();
		});
		afterCatalogueChange(saleId);
	}

	/** Creates a draft lot in the sale. */
	public LotView createLot(long saleId, SaleLotSpec spec, Consumer<LotView> alongside) {
		List<LotView> made = createLots(saleId, List.of(spec), (view, s) -> alongside.accept(view));
		return made.get(0);
	}

	/**
	 * Creates draft lots in the sale, all in one transaction: every one of them or none (a clash
	 * of numbers, or anything {@code alongside} throws for one, keeps them all out). Then, in a
	 * scheduled sale, they are timed and scheduled with the others.
	 */
	public List<LotView> createLots(long saleId, List<SaleLotSpec> specs, BiConsumer<LotView, SaleLotSpec> alongside) {
		return createLots(saleId, specs, alongside, () -> {
		});
	}

	/** As {@link #createLots(long, List, BiConsumer)}, with {@code finish} last in the same transaction. */
	public List<LotView> createLots(long saleId, List<SaleLotSpec> specs, BiConsumer<LotView, SaleLotSpec> alongside,
			Runnable finish) {
		List<LotView> made = new ArrayList<>();
		catalogueChange(saleId, (sale) -> {
			Set<Integer> numbers = new HashSet<>();
			for (SaleLotSpec spec : specs) {
				if (!numbers.add(spec.lotNumber())) {
					throw new SaleStateException("lot number " + spec.lotNumber() + " is given twice");
				}
			}
			requireFree(sale, numbers, Set.of());
			int position = running(sale.getId()).size();
			for (SaleLotSpec spec : specs) {
				position++;
				LotView created = this.engine.createLot(lotSpec(sale, spec, sale.endOf(position)));
				Lot lot = this.lots.findById(created.id()).orElseThrow();
				lot.catalogue(sale.getId(), spec.lotNumber(), spec.estimateLow(), spec.estimateHigh());
				lot.callByClerk(sale.isLive());
				alongside.accept(created, spec);
				made.add(created);
			}
			finish.run();
		});
		afterCatalogueChange(saleId);
		return made;
	}

	/** Takes a lot that is still a draft out of the sale; it stays as a draft lot of its own. */
	public void removeLot(long saleId, long lotId, Runnable alongside) {
		catalogueChange(saleId, (sale) -> {
			Lot lot = this.lots.findById(lotId)
				.filter((l) -> Long.valueOf(saleId).equals(l.getSaleId()))
				.orElseThrow(() -> new LotNotFoundException("no such lot in this sale"));
			if (lot.getStatus() != LotStatus.DRAFT) {
				throw new SaleStateException("a lot the public has seen stays in its sale (withdraw it instead)");
			}
			lot.catalogue(null, null, null, null);
			alongside.run();
		});
		afterCatalogueChange(saleId);
	}

	/**
	 * Sets the numbers and estimates of some of the sale's lots at once (a swap of two numbers
	 * included); the others keep theirs. Numbers stay unique in the sale.
	 */
	public void recatalogue(long saleId, List<Catalogue> entries, Runnable alongside) {
		catalogueChange(saleId, (sale) -> {
			Map<Long, Lot> theirs = new HashMap<>();
			for (Lot lot : this.lots.findBySaleIdOrderByLotNumberAsc(saleId)) {
				theirs.put(lot.getId(), lot);
			}
			Set<Integer> numbers = new HashSet<>();
			Set<Long> changing = new HashSet<>();
			for (Catalogue entry : entries) {
				if (!theirs.containsKey(entry.lotId())) {
					throw new LotNotFoundException("lot " + entry.lotId() + " is not in this sale");
				}
				if (!numbers.add(entry.lotNumber())) {
					throw new SaleStateException("lot number " + entry.lotNumber() + " is given twice");
				}
				changing.add(entry.lotId());
			}
			requireFree(sale, numbers, changing);
			// Numbers are unique in a sale at every moment, so a swap goes through numbers nobody uses.
			int spare = -1;
			for (Catalogue entry : entries) {
				Lot lot = theirs.get(entry.lotId());
				lot.catalogue(saleId, spare--, lot.getEstimateLow(), lot.getEstimateHigh());
			}
			this.lots.flush();
			for (Catalogue entry : entries) {
				theirs.get(entry.lotId()).catalogue(saleId, entry.lotNumber(), entry.estimateLow(), entry.estimateHigh());
			}
			alongside.run();
		});
		afterCatalogueChange(saleId);
	}

	/**
	 * Sets the times of the sale's lots that have not opened from the sale's timing, by their
	 * place in lot-number order (withdrawn lots take no place). Only lots whose times differ
	 * change, through the engine, so a scheduled lot's watchers get an {@code updated} event.
	 */
	void retime(long saleId) {
		Sale sale = this.sales.findById(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
		int position = 0;
		for (Lot lot : running(saleId)) {
			position++;
			if (lot.getStatus() != LotStatus.DRAFT && lot.getStatus() != LotStatus.SCHEDULED) {
				continue;
			}
			LotSpec terms = lot.terms();
			Instant endsAt = sale.endOf(position);
			if (terms.startsAt().equals(sale.getStartsAt()) && terms.endsAt().equals(endsAt)) {
				continue;
			}
			Instant hardStop = terms.hardStopAt() == null ? null
					: endsAt.plus(Duration.between(terms.endsAt(), terms.hardStopAt()));
			this.engine.amend(lot.getId(), new LotSpec(terms.title(), terms.description(), terms.currency(),
					terms.startPrice(), terms.reservePrice(), terms.buyNowPrice(), sale.getStartsAt(), endsAt, hardStop,
					terms.softCloseWindow(), terms.softCloseExtension(), terms.maxExtensions()));
		}
	}

	private void catalogueChange(long saleId, Consumer<Sale> change) {
		try {
			this.transactions.executeWithoutResult((tx) -> {
				Sale sale = sale(saleId);
				sale.requireCatalogueOpen();
				change.accept(sale);
				this.lots.flush();
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw new SaleStateException("another change to the sale's lot numbers came first: look at the sale again");
		}
		catch (OptimisticLockingFailureException ex) {
			throw changedMeanwhile();
		}
	}

	/**
	 * The sale or one of its lots changed between reading and writing (the scheduler opened it,
	 * another admin saved it): nothing was written, and a second look shows why.
	 */
	private static SaleStateException changedMeanwhile() {
		return new SaleStateException("the sale changed meanwhile (its status may have moved on): look at it again");
	}

	private void inSale(Runnable change) {
		try {
			this.transactions.executeWithoutResult((tx) -> change.run());
		}
		catch (OptimisticLockingFailureException ex) {
			throw changedMeanwhile();
		}
	}

	/** New lots and numbers get their times; in a scheduled sale, new drafts are scheduled too. */
	private void afterCatalogueChange(long saleId) {
		retime(saleId);
		Sale sale = this.sales.findById(saleId).orElseThrow();
		if (sale.getStatus() == SaleStatus.SCHEDULED) {
			for (Lot lot : running(saleId)) {
				if (lot.getStatus() == LotStatus.DRAFT) {
					this.engine.schedule(lot.getId());
				}
			}
		}
	}

	/** Refuses numbers that lots of the sale other than {@code changing} have. */
	private void requireFree(Sale sale, Set<Integer> numbers, Set<Long> changing) {
		for (Lot lot : this.lots.findBySaleIdOrderByLotNumberAsc(sale.getId())) {
			if (!changing.contains(lot.getId()) && numbers.contains(lot.getLotNumber())) {
				throw new SaleStateException("lot number " + lot.getLotNumber() + " is taken in this sale");
			}
		}
	}

	/** The sale's lots that take a place in its timing (all but withdrawn ones), in lot-number order. */
	private List<Lot> running(long saleId) {
		return this.lots.findBySaleIdOrderByLotNumberAsc(saleId)
			.stream()
			.filter((l) -> l.getStatus() != LotStatus.CANCELLED)
			.toList();
	}

	private Sale sale(long saleId) {
		return this.sales.findById(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
	}

	private LotSpec lotSpec(Sale sale, SaleLotSpec spec, Instant endsAt) {
		// A live lot closes by the hammer, so it has no soft close.
		Duration window = sale.isLive() ? Duration.ZERO : this.properties.softCloseWindow();
		Duration extension = sale.isLive() ? Duration.ZERO : this.properties.softCloseExtension();
		return new LotSpec(spec.title(), spec.description(), sale.getCurrency(), spec.startPrice(), spec.reservePrice(),
				spec.buyNowPrice(), sale.getStartsAt(), endsAt, null, window, extension, null);
	}

}
