package com.gavel.account;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The first admin: made from configuration, or with a random password, and only once. */
class AdminBootstrapTests {

	private final AccountService accounts = mock(AccountService.class);

	@Test
	void createsTheConfiguredAdminOnAHouseWithoutOne() {
		given(this.accounts.hasAdmin()).willReturn(false);
		new AdminBootstrap(this.accounts, new AdminProperties("boss", "boss@gavel.test", "configured-secret"))
			.run(null);
		verify(this.accounts).register("boss", "boss@gavel.test", "configured-secret", Role.ADMIN);
	}

	@Test
	void makesUpAStrongPasswordWhenNoneIsConfigured() {
		given(this.accounts.hasAdmin()).willReturn(false);
		new AdminBootstrap(this.accounts, new AdminProperties("admin", "admin@gavel.local", " ")).run(null);
		new AdminBootstrap(this.accounts, new AdminProperties("admin", "admin@gavel.local", null)).run(null);

		ArgumentCaptor<String> passwords = ArgumentCaptor.forClass(String.class);
		verify(this.accounts, times(2)).register(eq("admin"), eq("admin@gavel.local"),
				passwords.capture(), eq(Role.ADMIN));
		assertThat(passwords.getAllValues())
			.allSatisfy((password) -> assertThat(password).hasSizeGreaterThanOrEqualTo(20))
			.doesNotHaveDuplicates();
	}

	@Test
	void leavesAHouseThatHasAnAdminAlone() {
		given(this.accounts.hasAdmin()).willReturn(true);
		new AdminBootstrap(this.accounts, new AdminProperties("admin", "admin@gavel.local", "secret")).run(null);
		verify(this.accounts, never()).register(anyString(), anyString(), anyString(), any());
	}

}
