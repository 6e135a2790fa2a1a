package com.gavel.auction;

import org.springframework.http.HttpStatus;

/** Why the engine refused a bid. The code is stable and machine-readable. */
public enum RejectReason {

	LOT_NOT_FOUND("lot-not-found", HttpStatus.NOT_FOUND, "There is no such lot."),
	LOT_NOT_OPEN("lot-not-open", HttpStatus.CONFLICT, "Bidding on this lot has not started yet."),
	LOT_PAUSED("lot-paused", HttpStatus.CONFLICT, "Bidding on this lot is paused."),
	LOT_CLOSED("lot-closed", HttpStatus.CONFLICT, "Bidding on this lot has closed."),
	LOT_CANCELLED("lot-cancelled", HttpStatus.CONFLICT, "This lot was withdrawn from sale."),
	BELOW_MINIMUM("below-minimum", HttpStatus.UNPROCESSABLE_CONTENT, "The bid is below the minimum bid."),
	SELF_OUTBID("self-outbid", HttpStatus.CONFLICT,
			"You already lead this lot; raise your maximum instead of outbidding yourself."),
	MAXIMUM_NOT_RAISED("maximum-not-raised", HttpStatus.CONFLICT,
			"Your new maximum must be higher than your current maximum."),
	BUY_NOW_UNAVAILABLE("buy-now-unavailable", HttpStatus.CONFLICT, "Buy now is no longer available on this lot."),
	INVALID_AMOUNT("invalid-amount", HttpStatus.BAD_REQUEST, "The amount is not valid."),
	BANNED("banned", HttpStatus.FORBIDDEN, "Your account may not bid."),
	NOT_A_BIDDER("not-a-bidder", HttpStatus.FORBIDDEN, "Only bidder accounts may bid."),
	REQUEST_ID_REUSED("request-id-reused", HttpStatus.CONFLICT,
			"This request id was already used for a different bid; make a new one for each bid."),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many bids in a short time; slow down."),
	BUSY("busy", HttpStatus.SERVICE_UNAVAILABLE, "The lot is busy; try again."),
	SERVER_ERROR("server-error", HttpStatus.INTERNAL_SERVER_ERROR,
			"The bid could not be decided because of a fault on our side; try again.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	RejectReason(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	public String code() {
		return this.code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String message() {
		return this.message;
	}

	public static RejectReason fromCode(String code) {
		for (RejectReason r : values()) {
			if (r.code.equals(code)) {
				return r;
			}
		}
		throw new IllegalArgumentException("unknown reject reason " + code);
	}

}
