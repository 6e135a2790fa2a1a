package com.gavel.auction;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Everything the public may know about a lot at one sequence number. Amounts are decimal text in
 * the lot's currency; the reserve figure and bidders' maximums are never here.
 * <p>
 * The sale's fields ({@code saleId} to {@code fairWarningEndsAt}) are left out of the JSON where
 * they do not apply (a lot outside any sale; {@code live} and its times outside a live sale), so
 * the frames every watcher of such a lot gets stay as small as before sales; an event stored
 * without them (before sales, or outside one) reads as not live.
 *
 * @param price current price, {@code null} before the first bid
 * @param ask the lowest acceptable next bid, {@code null} once bidding is over
 * @param leader alias of the leading bidder, e.g. "Bidder 3"
 * @param reserve {@code none}, {@code met} or {@code not-met}
 * @param buyNow the buy-now price while it is available, otherwise {@code null}
 * @param outcome for a closed lot {@code sold} or {@code unsold}, otherwise {@code null}
 * @param closedAt when a closed lot closed, or a cancelled one was withdrawn; otherwise {@code null}
 * @param saleId the sale the lot is catalogued in, with its {@code lotNumber}; {@code null} for neither
 * @param live whether a clerk calls the lot in a live sale (its {@code endsAt} is then only the latest
 * it may stay open if it is never called)
 * @param upAt when the clerk brought a live lot up, {@code null} before
 * @param fairWarningEndsAt when fair warning on a live lot runs out (each bid restarts it), {@code null}
 * before it is called
 */
public record LotView(long id, String title, String status, String currency, String price, String ask,
		String leader, int bids, String reserve, String buyNow, Instant startsAt, Instant endsAt,
		Instant originalEndsAt, int extensions, String outcome, long sequence, Instant closedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long saleId, @JsonInclude(JsonInclude.Include.NON_NULL) Integer lotNumber,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean live, @JsonInclude(JsonInclude.Include.NON_NULL) Instant upAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) Instant fairWarningEndsAt) {

	/** The lot as the public sees it now. */
	public static LotView of(Lot lot, IncrementTable increments) {
		LotStatus status = lot.getStatus();
		String currency = lot.getCurrency();
		boolean biddable = status == LotStatus.OPEN || status == LotStatus.PAUSED || status == LotStatus.SCHEDULED;
		String reserve = lot.getReservePrice() == null ? "none" : lot.reserveMet() ? "met" : "not-met";
		String outcome = status == LotStatus.CLOSED ? (lot.sold() ? "sold" : "unsold") : null;
		return new LotView(lot.getId() == null ? 0 : lot.getId(), lot.getTitle(),
				status.name().toLowerCase(Locale.ROOT), currency, Money.text(lot.getCurrentPrice(), currency),
				biddable ? Money.text(lot.ask(increments), currency) : null, alias(lot.getLeaderAlias()),
				lot.getBidCount(), reserve,
				lot.buyNowAvailable() ? Money.text(lot.getBuyNowPrice(), currency) : null, lot.getStartsAt(),
				lot.getEndsAt(), lot.getOriginalEndsAt(), lot.getExtensions(), outcome, lot.getLastSequence(),
				status == LotStatus.CLOSED || status == LotStatus.CANCELLED ? lot.getClosedAt() : null,
				lot.getSaleId(), lot.getLotNumber(), lot.isLive(), lot.getUpAt(), lot.getFairWarningEndsAt());
	}

	public static String alias(Integer aliasNumber) {
		return aliasNumber == null ? null : "Bidder " + aliasNumber;
	}

}
