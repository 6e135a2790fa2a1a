package com.gavel.web;

import com.gavel.account.GavelUser;
import com.gavel.account.Role;

/**
 * Who is looking at a page: nobody signed in, a bidder, or someone who may watch but not bid.
 *
 * @param suspended the account is banned: it may look, but not bid
 */
public record Viewer(Long userId, String username, boolean canBid, boolean suspended) {

	static final Viewer ANONYMOUS = new Viewer(null, null, false, false);

	static Viewer of(GavelUser user) {
		if (user == null) {
			return ANONYMOUS;
		}
		return new Viewer(user.id(), user.username(), user.role() == Role.BIDDER && !user.banned(), user.banned());
	}

	public boolean signedIn() {
		return this.userId != null;
	}

}
