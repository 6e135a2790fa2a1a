package com.gavel.account;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.gavel.config.SharedDatabase;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
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

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	AdminBootstrapTests() {
		this.messages.setBasename("messages");
		this.messages.setDefaultEncoding("UTF-8");
	}

	@Test
	void createsTheConfiguredAdminOnAHouseWithoutOne() {
		given(this.accounts.hasAdmin()).willReturn(false);
		bootstrap(new AdminProperties("boss", "boss@gavel.test", "configured-secret"))
			.run(null);
		verify(this.accounts).register("boss", "boss@gavel.test", "configured-secret", Role.ADMIN);
	}

	@Test
	void makesUpAStrongPasswordWhenNoneIsConfigured() {
		given(this.accounts.hasAdmin()).willReturn(false);
		bootstrap(new AdminProperties("admin", "admin@gavel.local", " ")).run(null);
		bootstrap(new AdminProperties("admin", "admin@gavel.local", null)).run(null);

		ArgumentCaptor<String> passwords = ArgumentCaptor.forClass(String.class);
		verify(this.accounts, times(2)).register(eq("admin"), eq("admin@gavel.local"),
				passwords.capture(), eq(Role.ADMIN));
		assertThat(passwords.getAllValues())
			.allSatisfy((password) -> assertThat(password).hasSizeGreaterThanOrEqualTo(20))
			.doesNotHaveDuplicates();
	}

	@Test
	void refusesToStartWithAWeakConfiguredAdminPassword() {
		given(this.accounts.hasAdmin()).willReturn(false);
		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap(new AdminProperties("boss", "boss@gavel.test", "secret123")).run(null))
			.withMessage("Refusing to create the first admin 'boss' with GAVEL_ADMIN_PASSWORD: The password must be "
					+ "at least 10 characters long. Choose another, or leave it unset to have a random one generated.");
		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap(new AdminProperties("boss", "boss@gavel.test", "Password123")).run(null))
			.withMessageContaining("GAVEL_ADMIN_PASSWORD: This is one of the most common passwords");
		verify(this.accounts, never()).register(anyString(), anyString(), anyString(), any());
	}

	@Test
	void leavesAHouseThatHasAnAdminAlone() {
		given(this.accounts.hasAdmin()).willReturn(true);
		bootstrap(new AdminProperties("admin", "admin@gavel.local", "secret")).run(null);
		verify(this.accounts, never()).register(anyString(), anyString(), anyString(), any());
	}

	private AdminBootstrap bootstrap(AdminProperties properties) {
		return new AdminBootstrap(this.accounts, properties, new PasswordPolicy(), this.messages, SharedDatabase.alone());
	}

}
