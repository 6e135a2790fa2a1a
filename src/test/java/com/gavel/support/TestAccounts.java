package com.gavel.support;

import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;

/** Accounts for tests that share one database: every name is new. */
public final class TestAccounts {

	public static final String ADMIN_USERNAME = "admin";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	public static final String PASSWORD = "bidder-password";

	private TestAccounts() {
	}

	public static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static Account newBidder(AccountService accounts, String prefix) {
		String name = uniqueName(prefix);
		return accounts.register(name, name + "@example.test", PASSWORD, Role.BIDDER);
	}

	public static Account newAdmin(AccountService accounts, String prefix) {
		String name = uniqueName(prefix);
		return accounts.register(name, name + "@example.test", PASSWORD, Role.ADMIN);
	}

}
