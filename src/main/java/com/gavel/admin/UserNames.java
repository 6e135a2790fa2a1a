package com.gavel.admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.gavel.account.Account;
import com.gavel.account.AccountService;

import org.springframework.stereotype.Component;

/** Usernames for the user ids that bids and lots carry: admins see who, not "Bidder 3". */
@Component
class UserNames {

	private final AccountService accounts;

	UserNames(AccountService accounts) {
		this.accounts = accounts;
	}

	Map<Long, String> of(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		ids.stream()
			.filter(Objects::nonNull)
			.distinct()
			.forEach((id) -> names.put(id, this.accounts.find(id).map(Account::username).orElse("#" + id)));
		return names;
	}

	String of(Long id) {
		return id == null ? null : this.accounts.find(id).map(Account::username).orElse("#" + id);
	}

}
