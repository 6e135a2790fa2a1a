package com.gavel.auction;

public enum LotStatus {

	DRAFT, SCHEDULED, OPEN, PAUSED, CLOSED, CANCELLED;

	/** Statuses the public may see. */
	public boolean isPublic() {
		return this != DRAFT;
	}

}
