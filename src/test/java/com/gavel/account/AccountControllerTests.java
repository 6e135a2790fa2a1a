package com.gavel.account;

import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
 * their CSRF token, registering signs the new bidder in, both return to the page the person came
 * from (never to another site), admins land in the admin area, and bad input comes back as form
 * errors in the field's own words.
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
	void registeringSignsTheNewBidderInAndReturnsToThePageTheyCameFrom() throws Exception {
		String name = TestAccounts.uniqueName("newcomer");
		MvcResult registered = this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("email", name + "@example.test")
				.param("password", "a good long password")
				.param("next", "/lots/42?from=card"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/lots/42?from=card"))
			.andExpect(flash().attribute("welcome", name))
			.andExpect(authenticated().withUsername(name).withRoles("BIDDER"))
			.andReturn();
		Account account = this.accounts.findByUsername(name).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.BIDDER);
		this.mvc.perform(get("/my/bids").session((MockHttpSession) registered.getRequest().getSession()))
			.andExpect(status().isOk());
	}

	@Test
	void registeringWithoutAReturnPathLandsOnTheCatalogue() throws Exception {
		String name = TestAccounts.uniqueName("browsing");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("email", name + "@example.test")
				.param("password", "a good long password"))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/lots/1", "//evil.example/lots/1", "/\\evil.example",
			"javascript:alert(1)", "/login", "lots/1", "/lots/1\r\nSet-Cookie: x=1" })
	void aReturnPathToAnotherSiteOrBackToTheFormIsIgnored(String next) throws Exception {
		String name = TestAccounts.uniqueName("careful");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("email", name + "@example.test")
				.param("password", "a good long password")
				.param("next", next))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(signIn(name, "a good long password").param("next", next))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void theFormsCarryTheReturnPathAlong() throws Exception {
		this.mvc.perform(get("/login").param("next", "/lots/7"))
			.andExpect(content().string(containsString("name=\"next\" value=\"/lots/7\"")))
			.andExpect(content().string(containsString("href=\"/register?next=/lots/7\"")));
		this.mvc.perform(get("/register").param("next", "/lots/7"))
			.andExpect(content().string(containsString("name=\"next\" value=\"/lots/7\"")))
			.andExpect(content().string(containsString("href=\"/login?next=/lots/7\"")));
		this.mvc.perform(get("/login").param("next", "https://evil.example/"))
			.andExpect(content().string(not(containsString("evil.example"))));
	}

	@Test
	void signingInReturnsABidderToTheLotAndAWrongPasswordKeepsTheWayBack() throws Exception {
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		this.mvc.perform(signIn(ada.username(), "wrong password").param("next", "/lots/7"))
			.andExpect(redirectedUrl("/login?error&next=%2Flots%2F7"))
			.andExpect(unauthenticated());
		this.mvc.perform(signIn(ada.username(), TestAccounts.PASSWORD).param("next", "/lots/7"))
			.andExpect(redirectedUrl("/lots/7"))
			.andExpect(authenticated().withRoles("BIDDER"));
	}

	@Test
	void aBidderStoppedAtAPageForSignedInUsersGoesOnToItAfterSigningIn() throws Exception {
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		MvcResult stopped = this.mvc.perform(get("/my/watchlist").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andReturn();
		this.mvc
			.perform(signIn(ada.username(), TestAccounts.PASSWORD)
				.session((MockHttpSession) stopped.getRequest().getSession()))
			.andExpect(redirectedUrl("/my/watchlist"));
	}

	@Test
	void anAdminLandsInTheAdminAreaOrOnTheAdminPageTheyWereGoingTo() throws Exception {
		this.mvc
			.perform(signIn(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD).param("next", "/lots/7"))
			.andExpect(redirectedUrl("/admin/lots"))
			.andExpect(authenticated().withRoles("ADMIN"));
		this.mvc.perform(formLogin("/login").user(TestAccounts.ADMIN_USERNAME).password(TestAccounts.ADMIN_PASSWORD))
			.andExpect(redirectedUrl("/admin/lots"));
		MvcResult stopped = this.mvc.perform(get("/admin/users").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andReturn();
		this.mvc
			.perform(signIn(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
				.session((MockHttpSession) stopped.getRequest().getSession()))
			.andExpect(redirectedUrl("/admin/users"));
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
	void badInputComesBackAsFormErrorsInTheFieldsOwnWords() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", "no spaces allowed")
				.param("email", "not-an-email")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/register"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "email", "password"))
			.andExpect(content().string(containsString(
					"<p class=\"field-error\" id=\"username-error\">Use only letters, digits, dots, dashes and underscores.</p>")))
			.andExpect(content().string(containsString(
					"<p class=\"field-error\" id=\"email-error\">Enter an email address such as name@example.com.</p>")))
			.andExpect(content().string(containsString("aria-describedby=\"username-help username-error\"")))
			.andExpect(content().string(not(containsString("must be a well-formed email address"))));
		this.mvc.perform(post("/register").with(csrf()).param("username", "ab").param("email", "").param("password", ""))
			.andExpect(content().string(containsString("Choose a username of 3 to 40 characters.")))
			.andExpect(content().string(containsString("Enter your email address.")))
			.andExpect(content().string(not(containsString("size must be between"))))
			.andExpect(content().string(not(containsString("must not be blank"))));
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
			.andExpect(content().string(containsString("The password must be at least 10 characters long.")))
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
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "registration.username.taken"))
			.andExpect(content().string(containsString("That username is taken. Choose another.")));
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

	@Test
	void aPasswordIsNeverWrittenBackIntoTheForm() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", "x")
				.param("email", "x@example.test")
				.param("password", "a secret that never comes back"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("a secret that never comes back"))))
			.andExpect(content().string(containsString("type=\"password\"")));
	}

	/** The sign-in form's POST, as a browser sends it: with the fields the page adds, such as next. */
	private static MockHttpServletRequestBuilder signIn(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
