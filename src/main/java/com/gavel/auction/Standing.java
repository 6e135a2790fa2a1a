package com.gavel.auction;

/**
 * Who leads a lot, at what visible price, and up to what hidden maximum. {@link #EMPTY} before any
 * bid.
 */
public record Standing(Long price, Long leaderId, Integer leaderAlias, Long leaderMax) {

	public static final Standing EMPTY = new Standing(null, null, null, null);

	public boolean hasLeader() {
		return this.leaderId != null;
	}

}
