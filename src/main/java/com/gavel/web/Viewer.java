package com.gavel.web;

import com.gavel.account.GavelUser;
import com.gavel.account.Role;

/** Who is looking at a page: nobody signed in, a bidder, or someone who may watch but not bid. */
public record Viewer(Long userId, String username, boolean canBid) {

	static final Viewer ANONYMOUS = new Viewer(null, null, false);

	static Viewer of(GavelUser user) {
		if (user == null) {
			return ANONYMOUS;
		}
		return new Viewer(user.id(), user.username(), user.role() == Role.BIDDER && !user.banned());
	}

	public boolean signedIn() {
		return this.userId != null;
	}

}
