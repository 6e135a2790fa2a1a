package com.gavel.web;

import java.util.Locale;

import com.gavel.auction.LotView;

import org.springframework.context.MessageSource;

/**
 * The bid panel's sentences for one viewer, as the server renders them. They are the same
 * {@code live.*} sentences, chosen by the same rules, that the page's script writes once it is
 * live ({@code priceLabel()}, {@code leaderText()}, {@code outcomeText()} and
 * {@code standingText()} in {@code lot-state.js}), so a reload reads as the live page did.
 *
 * @param priceLabel "Current bid", "Starting at", "Sold for" or "Highest bid"
 * @param leader "Bidder 2 leads", "You lead", "Won by Bidder 2", or empty
 * @param outcome how a lot that is over ended, unless the price block says it ("Not sold — reserve
 * not met", "Withdrawn"; a sold lot's reads "Sold for €40.00"), or what holds it up (paused, not
 * started); otherwise empty
 * @param closedAt "Ended …" or "Withdrawn …" for a lot that is over, otherwise empty
 * @param standing the viewer's standing ({@link BidderStanding})
 * @param standingText the one statement of it, empty for {@code not-bidding}
 */
record LotPanel(String priceLabel, String leader, String outcome, String closedAt, String standing,
		String standingText) {

	/** Sentences in the reader's language, with money and times formatted as the pages do. */
	record Sentences(MessageSource messages, Locale locale, Formats fmt) {

		String t(String key, Object... args) {
			return this.messages.getMessage("live." + key, args, this.locale);
		}

	}

	/**
	 * @param alias the viewer's alias on the lot, if they have one
	 * @param voidReason the house's reason, when the standing is {@code voided}
	 */
	static LotPanel of(LotView lot, String alias, String standing, String voidReason, Sentences s) {
		boolean over = !"open".equals(lot.status()) && !"paused".equals(lot.status())
				&& !"scheduled".equals(lot.status());
		boolean sold = "closed".equals(lot.status()) && "sold".equals(lot.outcome());
		String money = lot.price() == null ? null : s.fmt().money(lot.price(), lot.currency());
		boolean you = alias != null && alias.equals(lot.leader());

		String priceLabel = lot.price() != null ? s.t("currentBid") : s.t("startingAt");
		if (sold) {
			priceLabel = s.t("soldFor");
		}
		else if (over && lot.price() != null) {
			priceLabel = s.t("highestBid");
		}
		String leader = "";
		if (sold) {
			leader = you ? s.t("wonByYou") : s.t("wonBy", s.fmt().alias(lot.leader()));
		}
		else if (!over && lot.leader() != null) {
			leader = you ? s.t("leaderYou") : s.t("leader", s.fmt().alias(lot.leader()));
		}
		String closedAt = "";
		if (over && lot.closedAt() != null) {
			closedAt = s.t("cancelled".equals(lot.status()) ? "withdrawnAt" : "closedAt",
					s.fmt().dateTime(lot.closedAt()));
		}
		return new LotPanel(priceLabel, leader, outcome(lot, s), closedAt, standing,
				standingText(lot, standing, money, voidReason, s));
	}

	private static String outcome(LotView lot, Sentences s) {
		return switch (lot.status()) {
			// A sold lot's price block says "Sold for €40.00"; unsold with bids standing, the reserve was not met.
			case "closed" -> "sold".equals(lot.outcome()) ? ""
					: lot.bids() > 0 ? s.t("outcome.reserveNotMet") : s.t("outcome.noBids");
			case "cancelled" -> s.t("outcome.withdrawn");
			case "paused" -> s.t("paused");
			case "scheduled" -> s.t("scheduled");
			default -> "";
		};
	}

	private static String standingText(LotView lot, String standing, String money, String voidReason, Sentences s) {
		return switch (standing) {
			case "leading" -> s.t("standing.leading", money);
			case "outbid" -> lot.leader() != null ? s.t("standing.outbid", s.fmt().alias(lot.leader()), money)
					: s.t("standing.outbid.noLeader");
			case "voided" -> s.t("standing.voided", voidReason);
			case "won" -> s.t("standing.won", money);
			case "lost" -> "sold".equals(lot.outcome()) ? s.t("standing.lost", s.fmt().alias(lot.leader()), money)
					: s.t("standing.lost.unsold");
			case "withdrawn" -> s.t("standing.withdrawn");
			case "suspended" -> s.t("standing.suspended");
			default -> "";
		};
	}

}
