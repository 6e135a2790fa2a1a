package com.gavel.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.GavelUser;
import com.gavel.account.Role;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LedgerEntry;
import com.gavel.auction.LotAdminView;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every admin action, from the pages and from the JSON API alike: the engine (or the account
 * service) does it, and it goes into the audit log with who, what and why in the same
 * transaction, so there is never a change without its entry or an entry without its change.
 * <p>
 * Lot actions run in no transaction of their own: the engine must commit before it publishes the
 * lot's events, which it could not do inside an outer transaction, so the audit entry rides in the
 * engine's transaction instead. A ban touches no lot and is one transaction here. The one
 * exception is extending every lot at once, which changes each lot in its own turn and is logged
 * once they all are.
 */
@Service
class AdminActions {

	private final AuctionEngine engine;

	private final AuctionCatalog catalog;

	private final AccountService accounts;

	private final AuditLog audit;

	AdminActions(AuctionEngine engine, AuctionCatalog catalog, AccountService accounts, AuditLog audit) {
		this.engine = engine;
		this.catalog = catalog;
		this.accounts = accounts;
		this.audit = audit;
	}

	LotView create(GavelUser admin, Via via, LotSpec spec, boolean schedule) {
		LotView lot = this.engine.createLot(spec, (created) -> this.audit.record(admin, via, AuditAction.LOT_CREATED,
				Subject.lot(created.id()), describe(spec), null));
		if (schedule) {
			return schedule(admin, via, lot.id());
		}
		return lot;
	}

	/** Changes a lot's terms; returns the lot unchanged (and logs nothing) when nothing changed. */
	LotView amend(GavelUser admin, Via via, long lotId, LotSpec spec) {
		LotAdminView before = this.catalog.adminLot(lotId).orElseThrow(() -> new LotNotFoundException("no such lot"));
		List<String> changed = changes(before.terms(), spec);
		return this.engine.amend(lotId, spec, (after) -> {
			if (!changed.isEmpty()) {
				this.audit.record(admin, via, AuditAction.LOT_EDITED, Subject.lot(lotId),
						"changed " + String.join(", ", changed), null);
			}
		});
	}

	LotView schedule(GavelUser admin, Via via, long lotId) {
		return this.engine.schedule(lotId, (lot) -> this.audit.record(admin, via, AuditAction.LOT_SCHEDULED,
				Subject.lot(lotId), "opens " + lot.startsAt(), null));
	}

	LotView open(GavelUser admin, Via via, long lotId) {
		return this.engine.openNow(lotId, (lot) -> this.audit.record(admin, via, AuditAction.LOT_OPENED,
				Subject.lot(lotId), "ends " + lot.endsAt(), null));
	}

	LotView pause(GavelUser admin, Via via, long lotId) {
		return this.engine.pause(lotId,
				(lot) -> this.audit.record(admin, via, AuditAction.LOT_PAUSED, Subject.lot(lotId), null, null));
	}

	LotView resume(GavelUser admin, Via via, long lotId) {
		return this.engine.resume(lotId, (lot) -> this.audit.record(admin, via, AuditAction.LOT_RESUMED,
				Subject.lot(lotId), "ends " + lot.endsAt(), null));
	}

	LotView close(GavelUser admin, Via via, long lotId) {
		return this.engine.closeNow(lotId, (lot) -> {
			String detail = lot.outcome() + (lot.price() != null ? " at " + lot.price() + " " + lot.currency() : "");
			this.audit.record(admin, via, AuditAction.LOT_CLOSED, Subject.lot(lotId), detail, null);
		});
	}

	LotView cancel(GavelUser admin, Via via, long lotId, String reason) {
		return this.engine.cancel(lotId, reason,
				(lot) -> this.audit.record(admin, via, AuditAction.LOT_CANCELLED, Subject.lot(lotId), null, reason));
	}

	LotView voidBid(GavelUser admin, Via via, long bidId, String reason) {
		long lotId = this.catalog.lotOfBid(bidId).orElseThrow(() -> new LotNotFoundException("no such bid"));
		LedgerEntry bid = this.catalog.ledger(lotId)
			.stream()
			.filter((b) -> b.id() == bidId)
			.findFirst()
			.orElseThrow(() -> new LotNotFoundException("no such bid"));
		String bidder = this.accounts.find(bid.bidderId()).map(Account::username).orElse("#" + bid.bidderId());
		String figure = bid.maximum() != null ? "maximum " + bid.maximum() : bid.amount();
		return this.engine.voidBid(bidId, reason, admin.id(), (lot) -> {
			String detail = "bid by " + bidder + " (" + bid.alias() + ", " + bid.kind() + " " + figure + " "
					+ lot.currency() + "); price now "
					+ (lot.price() == null ? "none" : lot.price() + " " + lot.currency());
			this.audit.record(admin, via, AuditAction.BID_VOIDED, new Subject(lotId, bidId, bid.bidderId()), detail,
					reason);
		});
	}

	int extendAll(GavelUser admin, Via via, int minutes, String reason) {
		int extended = this.engine.extendAll(Duration.ofMinutes(minutes));
		this.audit.record(admin, via, AuditAction.LOTS_EXTENDED, Subject.none(),
				extended + (extended == 1 ? " lot" : " lots") + " by " + minutes + " min", reason);
		return extended;
	}

	/**
	 * Bans or unbans a bidder. Admin accounts cannot be banned here, so nobody locks the house out.
	 * @throws IllegalArgumentException for an unknown user or an admin
	 */
	@Transactional
	Account setBanned(GavelUser admin, Via via, long userId, boolean banned, String reason) {
		Account user = this.accounts.find(userId).orElseThrow(() -> new IllegalArgumentException("no such user"));
		if (user.role() == Role.ADMIN) {
			throw new IllegalArgumentException("admin accounts cannot be banned");
		}
		if (user.banned() == banned) {
			return user;
		}
		Account changed = this.accounts.setBanned(userId, banned);
		this.audit.record(admin, via, banned ? AuditAction.USER_BANNED : AuditAction.USER_UNBANNED,
				new Subject(null, null, userId), user.username(), reason);
		return changed;
	}

	static String describe(LotSpec spec) {
		StringBuilder text = new StringBuilder();
		text.append('"').append(spec.title()).append("\", start ")
			.append(Money.text(spec.startPrice(), spec.currency()))
			.append(' ')
			.append(spec.currency());
		if (spec.reservePrice() != null) {
			text.append(", reserve ").append(Money.text(spec.reservePrice(), spec.currency()));
		}
		if (spec.buyNowPrice() != null) {
			text.append(", buy now ").append(Money.text(spec.buyNowPrice(), spec.currency()));
		}
		text.append(", ").append(spec.startsAt()).append(" to ").append(spec.endsAt());
		return text.toString();
	}

	/** The names of the terms that differ between two versions of a lot. */
	static List<String> changes(LotSpec before, LotSpec after) {
		List<String> changed = new ArrayList<>();
		note(changed, "title", before.title(), after.title());
		note(changed, "description", before.description(), after.description());
		note(changed, "currency", before.currency(), after.currency());
		note(changed, "start price", before.startPrice(), after.startPrice());
		note(changed, "reserve", before.reservePrice(), after.reservePrice());
		note(changed, "buy now", before.buyNowPrice(), after.buyNowPrice());
		note(changed, "start", before.startsAt(), after.startsAt());
		note(changed, "end", before.endsAt(), after.endsAt());
		note(changed, "hard stop", before.hardStopAt(), after.hardStopAt());
		note(changed, "soft-close window", before.softCloseWindow(), after.softCloseWindow());
		note(changed, "soft-close extension", before.softCloseExtension(), after.softCloseExtension());
		note(changed, "extension cap", before.maxExtensions(), after.maxExtensions());
		return changed;
	}

	private static void note(List<String> changed, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(name);
		}
	}

}
