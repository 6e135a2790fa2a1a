package com.gavel.auction;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Receipts for accepted bids made again from the lot's stored log: for a retried request (which
 * gets its first outcome back, receipt included) and for the bidder's download. The lot's end a
 * bid had to beat is the one in force before it, so it comes from the event before the bid's.
 */
@Component
class Receipts {

	static final String TYPE = "gavel-bid-receipt";

	private final EventLog eventLog;

	private final BidRepository bids;

	private final LotRepository lots;

	private final JsonMapper json;

	Receipts(EventLog eventLog, BidRepository bids, LotRepository lots, JsonMapper json) {
		this.eventLog = eventLog;
		this.bids = bids;
		this.lots = lots;
		this.json = json;
	}

	/** The receipt of the {@code bid} event {@code sequence} of a lot, as the log holds it. */
	Optional<Receipt> stored(long lotId, long sequence) {
		return this.eventLog.entry(lotId, sequence)
			.filter((event) -> LotEventType.BID.wireName().equals(event.getType()))
			.flatMap((event) -> this.eventLog.entry(lotId, sequence - 1)
				.map((before) -> Receipt.of(lotId, sequence, event.getOccurredAt(),
						this.eventLog.parse(before.getPayload()).lot().endsAt(), event.getHash())));
	}

	/**
	 * The document for the accepted (or since voided) bid that caused event {@code sequence} of a
	 * lot, for the bidder who made it or an admin; empty for anyone else, as for no such bid.
	 */
	@Transactional(readOnly = true)
	public Optional<ReceiptDocument> document(long lotId, long sequence, long userId, boolean admin) {
		Optional<Bid> bid = this.bids.findByLotIdAndSequence(lotId, sequence)
			.filter((b) -> b.getStatus() != Bid.Status.REJECTED)
			.filter((b) -> admin || b.getBidderId() == userId);
		Optional<Lot> lot = this.lots.findById(lotId);
		if (bid.isEmpty() || lot.isEmpty()) {
			return Optional.empty();
		}
		return stored(lotId, sequence).map((receipt) -> document(bid.get(), lot.get(), receipt));
	}

	private ReceiptDocument document(Bid bid, Lot lot, Receipt receipt) {
		LotEventEntry event = this.eventLog.entry(lot.getId(), receipt.sequence()).orElseThrow();
		return new ReceiptDocument(TYPE, lot.getId(), lot.getTitle(), bid.getRequestId(),
				LotView.alias(bid.getBidderAlias()), bid.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				Money.text(bid.getAmount(), lot.getCurrency()), Money.text(bid.getMaximum(), lot.getCurrency()),
				bid.getStatus() == Bid.Status.VOIDED, receipt.sequence(), receipt.arrivedAt(), receipt.endsAt(),
				receipt.beforeEndMs(), event.getPrevHash(), receipt.hash(), this.json.readTree(event.getPayload()),
				"/api/lots/" + lot.getId() + "/verify");
	}

}
