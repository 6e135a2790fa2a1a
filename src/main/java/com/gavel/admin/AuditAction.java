package com.gavel.admin;

import java.util.Locale;

/** What an admin did. The code is what the audit log and its CSV export store. */
enum AuditAction {

	LOT_CREATED, LOT_EDITED, LOT_SCHEDULED, LOT_OPENED, LOT_PAUSED, LOT_RESUMED, LOT_CLOSED, LOT_CANCELLED, BID_VOIDED,
	LOTS_EXTENDED, USER_BANNED, USER_UNBANNED, PHOTO_ADDED, PHOTO_REMOVED, PHOTO_DESCRIBED, CATEGORY_SET,
	SALE_CREATED, SALE_EDITED, SALE_SCHEDULED, SALE_OPENED, SALE_CLOSED, SALE_LOT_ADDED, SALE_LOT_REMOVED,
	SALE_RENUMBERED, SALE_IMPORTED, SALE_PHOTOS_CHANGED, LOT_UP, FAIR_WARNING, LOT_HAMMERED, LOT_PASSED, FLOOR_BID;

	/** {@code lot-created}, {@code bid-voided}, ... */
	String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static AuditAction fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
