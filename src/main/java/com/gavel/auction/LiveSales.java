package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.gavel.account.Account;
import com.gavel.account.AccountService;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A live sale as its clerk runs it: bring a lot up, take floor bids by paddle, call fair warning,
 * hammer or pass. Each call on a lot goes through the {@link AuctionEngine} in the lot's turn, so
 * it is judged by when it arrived against every bid (online, absentee or floor) in the same
 * order, lands in the lot's event log and reaches everyone over the live channel.
 */
@Service
public class LiveSales {

	/** How many lots after the one up the sale room shows. */
	static final int NEXT = 5;

	/** How many of the lot's latest bids the console shows. */
	static final int RECENT = 12;

	private final SaleRepository sales;

	private final LotRepository lots;

	private final BidRepository bids;

	private final AuctionEngine engine;

	private final AccountService accounts;

	private final FloorPaddles paddles;

	private final IncrementTables increments;

	private final SaleProperties properties;

	private final TransactionTemplate transactions;

	LiveSales(SaleRepository sales, LotRepository lots, BidRepository bids, AuctionEngine engine,
			AccountService accounts, FloorPaddles paddles, IncrementTables increments, SaleProperties properties,
			TransactionTemplate transactions) {
		this.sales = sales;
		this.lots = lots;
		this.bids = bids;
		this.engine = engine;
		this.accounts = accounts;
		this.paddles = paddles;
		this.increments = increments;
		this.properties = properties;
		this.transactions = transactions;
	}

	// ---- the clerk's calls -------------------------------------------------------------------

	/**
	 * Brings lot {@code lotNumber} up. Refused while the lot brought up before is still being
	 * called; the sale's version makes two clerks' calls at once end with one lot up.
	 */
	public LotView bringUp(long saleId, int lotNumber, Consumer<LotView> alongside) {
		Lot lot = this.lots.findBySaleIdOrderByLotNumberAsc(saleId)
			.stream()
			.filter((l) -> l.getLotNumber() != null && l.getLotNumber() == lotNumber)
			.findFirst()
			.orElseThrow(() -> new LotNotFoundException("the sale has no lot " + lotNumber));
		if (lot.getStatus() != LotStatus.OPEN || lot.getUpAt() != null) {
			throw new LiveSaleException("lot-done", "lot " + lotNumber + " cannot come up: it is "
					+ (lot.getUpAt() != null ? "called already" : lot.getStatus().name().toLowerCase()));
		}
		try {
			this.transactions.executeWithoutResult((tx) -> {
				Sale sale = sale(saleId);
				sale.bringUp(lot.getId(), current(sale).isPresent());
				this.sales.saveAndFlush(sale);
			});
		}
		catch (OptimisticLockingFailureException ex) {
			throw new LiveSaleException("lot-up", "another clerk brought a lot up just now: look again");
		}
		return this.engine.bringUp(lot.getId(), alongside);
	}

	/** Calls fair warning on the lot up, for the house's fair-warning period. */
	public LotView callFairWarning(long saleId, Consumer<LotView> alongside) {
		return this.engine.callFairWarning(upNow(saleId).getId(), this.properties.fairWarning(), alongside);
	}

	/** The hammer falls on the lot up (refused while fair warning runs). */
	public LotView hammer(long saleId, Consumer<LotView> alongside) {
		return this.engine.hammer(upNow(saleId).getId(), alongside);
	}

	/** Passes the lot up: unsold. */
	public LotView pass(long saleId, Consumer<LotView> alongside) {
		return this.engine.pass(upNow(saleId).getId(), alongside);
	}

	/**
	 * A bid from the room, by paddle, on the lot up: at {@code amount}, or at the ask when none is
	 * given. Decided by the engine like any bid, by when it arrived.
	 */
	public BidResult floorBid(long saleId, int paddle, BigDecimal amount, String requestId) {
		Lot lot = upNow(saleId);
		BigDecimal bid = amount != null ? amount
				: Money.toMajor(lot.ask(this.increments.of(lot)), lot.getCurrency());
		long bidder = this.paddles.bidder(saleId, paddle);
		return this.engine.placeBid(new BidRequest(lot.getId(), bidder, requestId, BidKind.BID, bid, null));
	}

	// ---- what the room and the console see ----------------------------------------------------

	/** A lot of the sale in the room's list. */
	public record Entry(long id, Integer lotNumber, String title, String status, String outcome, String price) {
	}

	/**
	 * The sale as its room sees it: the lot up now (or none between lots), the next ones to
	 * come, and every lot.
	 */
	public record Room(long saleId, String title, String status, LotView current, List<LotView> next,
			List<Entry> lots) {
	}

	/** A standing absentee maximum: placed before the lot came up. */
	public record Absentee(String bidder, String maximum, Instant placedAt, boolean inPlay) {
	}

	/** One of the lot's latest bids, with who made it (house eyes only). */
	public record Recent(String bidder, boolean floor, String kind, String amount, String maximum, Instant at,
			boolean accepted, String reason) {
	}

	/** What the clerk sees of the lot up, besides what the room sees. */
	public record Clerk(String leader, String leaderMaximum, List<Absentee> absentee, List<Recent> recent) {
	}

	public record Console(Room room, Clerk clerk) {
	}

	public Room room(long saleId) {
		Sale sale = this.sales.findById(saleId)
			.filter((s) -> s.getStatus().isPublic() && s.isLive())
			.orElseThrow(() -> new SaleNotFoundException("no such live sale"));
		return room(sale);
	}

	public Console console(long saleId) {
		Sale sale = this.sales.findById(saleId)
			.filter(Sale::isLive)
			.orElseThrow(() -> new SaleNotFoundException("no such live sale"));
		Room room = room(sale);
		Clerk clerk = current(sale).map((lot) -> clerk(sale, lot)).orElse(null);
		return new Console(room, clerk);
	}

	private Room room(Sale sale) {
		List<Lot> all = this.lots.findBySaleIdOrderByLotNumberAsc(sale.getId());
		Optional<Lot> current = current(sale);
		int from = current.map(all::indexOf).orElse(-1) + 1;
		List<LotView> next = new ArrayList<>();
		for (int i = from; i < all.size() && next.size() < NEXT; i++) {
			Lot lot = all.get(i);
			if (lot.getStatus() == LotStatus.OPEN || lot.getStatus() == LotStatus.SCHEDULED) {
				next.add(view(lot));
			}
		}
		List<Entry> entries = all.stream()
			.filter((lot) -> lot.getStatus().isPublic())
			.map((lot) -> {
				LotView view = view(lot);
				return new Entry(lot.getId(), lot.getLotNumber(), lot.getTitle(), view.status(), view.outcome(),
						view.price());
			})
			.toList();
		return new Room(sale.getId(), sale.getTitle(), sale.getStatus().code(), current.map(this::view).orElse(null),
				next, entries);
	}

	private Clerk clerk(Sale sale, Lot lot) {
		Map<Long, Integer> floor = this.paddles.of(sale.getId());
		Map<Long, String> names = new LinkedHashMap<>();
		List<Bid> history = this.bids.findByLotIdOrderByIdAsc(lot.getId());
		long ask = lot.ask(this.increments.of(lot));
		Map<Long, Bid> highest = new LinkedHashMap<>();
		for (Bid bid : history) {
			if (bid.getStatus() == Bid.Status.ACCEPTED && bid.getMaximum() != null
					&& bid.getReceivedAt().isBefore(lot.getUpAt())) {
				highest.merge(bid.getBidderId(), bid, (a, b) -> b.getMaximum() > a.getMaximum() ? b : a);
			}
		}
		List<Absentee> absentee = highest.values()
			.stream()
			.sorted(Comparator.comparing(Bid::getMaximum).reversed())
			.map((bid) -> new Absentee(name(bid.getBidderId(), floor, names), money(bid.getMaximum(), lot),
					bid.getReceivedAt(), bid.getBidderId() == (lot.getLeaderId() == null ? -1 : lot.getLeaderId())
							|| bid.getMaximum() >= ask))
			.toList();
		List<Recent> recent = new ArrayList<>();
		for (int i = history.size() - 1; i >= 0 && recent.size() < RECENT; i--) {
			Bid bid = history.get(i);
			recent.add(new Recent(name(bid.getBidderId(), floor, names), floor.containsKey(bid.getBidderId()),
					bid.getKind().name().toLowerCase(), money(bid.getAmount(), lot), money(bid.getMaximum(), lot),
					bid.getReceivedAt(), bid.getStatus() == Bid.Status.ACCEPTED,
					bid.getRejectReason() == null ? null : bid.getRejectReason().code()));
		}
		String leader = lot.getLeaderId() == null ? null : name(lot.getLeaderId(), floor, names);
		return new Clerk(leader, money(lot.getLeaderMax(), lot), absentee, recent);
	}

	/** A bidder as the clerk knows them: by paddle in the room, by name online. */
	private String name(long userId, Map<Long, Integer> floor, Map<Long, String> names) {
		return names.computeIfAbsent(userId, (id) -> floor.containsKey(id) ? "Paddle " + floor.get(id)
				: this.accounts.find(id).map(Account::username).orElse("#" + id));
	}

	// ---- helpers -----------------------------------------------------------------------------

	/** The lot being called now: brought up last and not closed since. */
	private Optional<Lot> current(Sale sale) {
		if (sale.getCurrentLotId() == null) {
			return Optional.empty();
		}
		return this.lots.findById(sale.getCurrentLotId())
			.filter((lot) -> lot.getUpAt() != null
					&& (lot.getStatus() == LotStatus.OPEN || lot.getStatus() == LotStatus.PAUSED));
	}

	private Lot upNow(long saleId) {
		Sale sale = sale(saleId);
		if (!sale.isLive()) {
			throw new LiveSaleException("not-live", "only a live sale is run by a clerk");
		}
		return current(sale).orElseThrow(() -> new LiveSaleException("no-lot-up", "bring a lot up first"));
	}

	private Sale sale(long saleId) {
		return this.sales.findById(saleId).orElseThrow(() -> new SaleNotFoundException("no such sale"));
	}

	private LotView view(Lot lot) {
		return lot.view(this.increments.of(lot));
	}

	private static String money(Long minor, Lot lot) {
		return minor == null ? null : Money.text(minor, lot.getCurrency());
	}

}
