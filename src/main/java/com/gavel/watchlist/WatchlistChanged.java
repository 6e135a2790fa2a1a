package com.gavel.watchlist;

/**
 * A user put a lot on their watchlist ({@code watching}) or took it off, published in the
 * change's transaction: listen after the commit.
 */
public record WatchlistChanged(long userId, long lotId, boolean watching) {
}
