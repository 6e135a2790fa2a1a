package com.gavel.auction;

/**
 * A bid as a client sent it, before anything was checked: amounts are the text the client typed
 * (a JSON string, or a JSON number's text), so that reading them is bounded whatever they hold.
 *
 * @param buyNow whether the bidder takes the buy-now price (then no amounts)
 * @param amount the bid itself, such as {@code "12.50"}, or {@code null}
 * @param maximum the most the engine may bid for the bidder, or {@code null}
 */
public record BidSubmission(long lotId, String requestId, boolean buyNow, String amount, String maximum) {

}
