package com.gavel.account;

import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The registration form and the sign-in form, with the security filters in place: both need
 * their CSRF token, a registered bidder can sign in at once, and bad input comes back as form
 * errors.
 */
@GavelSpringBootTest
class AccountControllerTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private AccountService accounts;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		// Built by hand on the shared context rather than with @AutoConfigureMockMvc, which would
		// start a second application context.
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void theRegistrationFormCarriesACsrfToken() throws Exception {
		this.mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void registeringMakesABidderWhoCanSignInAtOnce() throws Exception {
		String name = TestAccounts.uniqueName("newcomer");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("email", name + "@example.test")
				.param("password", "a good long password"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("registered", name));

		Account account = this.accounts.findByUsername(name).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.BIDDER);

		this.mvc.perform(formLogin("/login").user(name).password("a good long password"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(name));
	}

	@Test
	void registeringWithoutTheCsrfTokenIsRefused() throws Exception {
		String name = TestAccounts.uniqueName("forged");
		this.mvc
			.perform(post("/register").param("username", name)
				.param("email", name + "@example.test")
				.param("password", "a good long password"))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void badInputComesBackAsFormErrors() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", "no spaces allowed")
				.param("email", "not-an-email")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "email", "password"));
	}

	@Test
	void aPasswordUnderTenCharactersIsRefusedWithTheRuleItBreaks() throws Exception {
		String name = TestAccounts.uniqueName("shorty");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("email", name + "@example.test")
				.param("password", "ninechars"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "registration.password.short"))
			.andExpect(content().string(containsString("must be at least 10 characters long")))
			.andExpect(content().string(not(containsString("size must be between"))));
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void aCommonPasswordIsRefusedWhateverItsCase() throws Exception {
		String name = TestAccounts.uniqueName("careless");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("email", name + "@example.test")
				.param("password", "Password123"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "registration.password.common"))
			.andExpect(content().string(containsString("is one of the most common passwords")));
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void aTakenUsernameIsAFormError() throws Exception {
		Account taken = TestAccounts.newBidder(this.accounts, "taken");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", taken.username().toUpperCase())
				.param("email", "someone-else-" + taken.email())
				.param("password", "a good long password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "taken"));
	}

	@Test
	void signingIn() throws Exception {
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		this.mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name("account/login"));

		this.mvc.perform(formLogin("/login").user(ada.username()).password("wrong password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc
			.perform(post("/login").param("username", ada.username()).param("password", TestAccounts.PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(ada.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withRoles("BIDDER"));
	}

}
