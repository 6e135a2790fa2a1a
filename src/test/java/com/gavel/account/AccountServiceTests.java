package com.gavel.account;

import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Registration, look-ups and bans, against the real database. */
@GavelSpringBootTest
@RecordApplicationEvents
class AccountServiceTests {

	@Autowired
	private AccountService accounts;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEvents events;

	@Test
	void registersABidderWithAHashedPassword() {
		String name = TestAccounts.uniqueName("Ada");
		Account ada = this.accounts.register("  " + name + " ", " " + name.toUpperCase() + "@Example.TEST ",
				"correct horse battery", Role.BIDDER);

		assertThat(ada.username()).isEqualTo(name);
		assertThat(ada.email()).isEqualTo(name.toLowerCase() + "@example.test");
		assertThat(ada.role()).isEqualTo(Role.BIDDER);
		assertThat(ada.banned()).isFalse();
		assertThat(ada.mayBid()).isTrue();
		String hash = this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class,
				ada.id());
		assertThat(hash).doesNotContain("correct horse battery");
		assertThat(this.passwordEncoder.matches("correct horse battery", hash)).isTrue();
		// (The stored creation time is kept to the microsecond, so compare the rest.)
		assertThat(this.accounts.find(ada.id())).get()
			.usingRecursiveComparison()
			.ignoringFields("createdAt")
			.isEqualTo(ada);
		assertThat(this.accounts.findByUsername(name.toUpperCase())).get().extracting(Account::id).isEqualTo(ada.id());
	}

	@Test
	void usernamesAndEmailsAreTakenWhateverTheirCase() {
		Account ben = TestAccounts.newBidder(this.accounts, "ben");

		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> this.accounts.register(ben.username().toUpperCase(), "other-" + ben.email(),
					"long enough password", Role.BIDDER))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("username"));
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> this.accounts.register(TestAccounts.uniqueName("other"), ben.email().toUpperCase(),
					"long enough password", Role.BIDDER))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("email"));
	}

	@Test
	void aWeakPasswordIsRefusedWhoeverRegisters() {
		String name = TestAccounts.uniqueName("weak");
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> this.accounts.register(name, name + "@example.test", "ninechars", Role.BIDDER))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("password"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("registration.password.short"));
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> this.accounts.register(name, name + "@example.test", "QWERTYUIOP", Role.ADMIN))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("registration.password.common"));
		assertThatExceptionOfType(RegistrationException.class)
			.isThrownBy(() -> this.accounts.register(name, name + "@example.test", "x".repeat(129), Role.BIDDER))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("registration.password.long"));
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void banningStopsBiddingAndTellsTheOtherFeatures() {
		Account cy = TestAccounts.newBidder(this.accounts, "cy");

		Account banned = this.accounts.setBanned(cy.id(), true);

		assertThat(banned.banned()).isTrue();
		assertThat(banned.mayBid()).isFalse();
		assertThat(this.accounts.find(cy.id()).orElseThrow().banned()).isTrue();
		assertThat(this.events.stream(AccountService.BanChanged.class))
			.containsExactly(new AccountService.BanChanged(cy.id(), true));

		assertThat(this.accounts.setBanned(cy.id(), false).mayBid()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> this.accounts.setBanned(987_654_321L, true));
	}

	@Test
	void adminsMayNotBid() {
		Account admin = TestAccounts.newAdmin(this.accounts, "boss");
		assertThat(admin.mayBid()).isFalse();
		assertThat(this.accounts.hasAdmin()).isTrue();
	}

	@Test
	void everyoneIsListedByUsername() {
		TestAccounts.newBidder(this.accounts, "zed");
		TestAccounts.newBidder(this.accounts, "abe");
		assertThat(this.accounts.all()).extracting(Account::username).isSortedAccordingTo(String::compareTo);
	}

}
