package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * The one way a client's bid comes in, for REST and the socket alike: the same reading of the
 * request id and the amounts, the same reasons, and the bidder's rate limit, all before the bid
 * waits for its lot. Only a bid in good form reaches the {@link AuctionEngine}, so nothing a client
 * sends can make a lot's turn slow.
 */
@Service
public class BidIntake {

	private final AuctionEngine engine;

	private final BidThrottle throttle;

	private final Clock clock;

	private final MeterRegistry meters;

	BidIntake(AuctionEngine engine, AuctionProperties properties, Clock clock, MeterRegistry meters) {
		this.engine = engine;
		this.throttle = new BidThrottle(properties.bidsPerSecond(), properties.bidBurst(), System::nanoTime);
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Decides a bid as a client sent it.
	 * @throws InvalidBidException when the request is malformed (a bad request id, no amount),
	 * rather than a bid the rules or the form of its amounts refuse
	 */
	public BidResult submit(long bidderId, BidSubmission submission) {
		if (submission.requestId() == null || !BidRequest.REQUEST_ID.matcher(submission.requestId()).matches()) {
			throw new InvalidBidException(BidRequest.REQUEST_ID_RULE);
		}
		if (submission.buyNow() && (submission.amount() != null || submission.maximum() != null)) {
			throw new InvalidBidException("buy now takes no amount");
		}
		if (!submission.buyNow() && submission.amount() == null && submission.maximum() == null) {
			throw new InvalidBidException("give an amount, a maximum, or both");
		}
		BigDecimal amount;
		BigDecimal maximum;
		try {
			amount = Money.parse(submission.amount());
			maximum = Money.parse(submission.maximum());
		}
		catch (IllegalArgumentException ex) {
			return refused(submission, RejectReason.INVALID_AMOUNT);
		}
		if (!this.throttle.tryAcquire(bidderId)) {
			return refused(submission, RejectReason.RATE_LIMITED);
		}
		BidRequest request = submission.buyNow() ? BidRequest.buyNow(submission.lotId(), bidderId, submission.requestId())
				: BidRequest.of(submission.lotId(), bidderId, submission.requestId(), amount, maximum);
		return this.engine.placeBid(request);
	}

	private BidResult refused(BidSubmission submission, RejectReason reason) {
		this.meters.counter("gavel.bids.rejected", "reason", reason.code()).increment();
		return BidResult.rejected(submission.requestId(), submission.lotId(), reason, LotWriter.stamp(this.clock),
				null);
	}

}
