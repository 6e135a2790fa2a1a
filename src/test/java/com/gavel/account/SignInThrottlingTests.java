package com.gavel.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.gavel.support.ApiClient;
import com.gavel.support.ApiClient.Login;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Failed sign-ins throttled through the real security filter chain: the login form (with the
 * client address each attempt comes from) and HTTP Basic against the embedded server. The clock
 * stands still until a test moves it, so a refusal lasts exactly until then.
 */
@GavelSpringBootTest
@RecordApplicationEvents
class SignInThrottlingTests {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private JsonMapper json;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void fiveWrongPasswordsOnTheFormRefuseEvenTheRightOneUntilTheWaitIsOver() throws Exception {
		Account ada = TestAccounts.newBidder(this.accounts, "ada");
		String home = newAddress();
		for (int i = 0; i < 5; i++) {
			signIn(ada.username(), "wrong password " + i, home).andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());
		}
		double refusedBefore = throttled("username", "form");
		this.events.clear();

		signIn(ada.username(), TestAccounts.PASSWORD, home).andExpect(redirectedUrl("/login?throttled=1"))
			.andExpect(unauthenticated());
		signIn(ada.username().toUpperCase(), "wrong password", home).andExpect(redirectedUrl("/login?throttled=1"));
		assertThat(this.events.stream(AbstractAuthenticationEvent.class))
			.as("no password was checked while refused")
			.isEmpty();
		assertThat(throttled("username", "form")).isEqualTo(refusedBefore + 2);
		this.mvc.perform(get("/login").param("throttled", "1"))
			.andExpect(content().string(containsString("Too many failed sign-ins. Try again in 1 second.")));

		this.clock.advance(Duration.ofSeconds(1));
		signIn(ada.username(), TestAccounts.PASSWORD, home).andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(ada.username()));

		// That success cleared the count: four more mistakes are not refused, and the owner gets in.
		for (int i = 0; i < 4; i++) {
			signIn(ada.username(), "wrong password " + i, home).andExpect(redirectedUrl("/login?error"));
		}
		signIn(ada.username(), TestAccounts.PASSWORD, home).andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(ada.username()));
	}

	@Test
	void theRefusalGrowsWithEveryFurtherFailureAndTheLoginPageSaysHowLong() throws Exception {
		Account ben = TestAccounts.newBidder(this.accounts, "ben");
		String home = newAddress();
		for (int i = 0; i < 5; i++) {
			signIn(ben.username(), "wrong password", home);
		}
		for (long wait : new long[] { 1, 2, 4, 8, 16, 32, 64, 128 }) {
			signIn(ben.username(), "wrong password", home).andExpect(redirectedUrl("/login?throttled=" + wait));
			this.clock.advance(Duration.ofSeconds(wait));
			signIn(ben.username(), "wrong password", home).andExpect(redirectedUrl("/login?error"));
		}
		signIn(ben.username(), TestAccounts.PASSWORD, home).andExpect(redirectedUrl("/login?throttled=256"));
		this.mvc.perform(get("/login").param("throttled", "256"))
			.andExpect(content().string(containsString("Too many failed sign-ins. Try again in 5 minutes.")));
		this.mvc.perform(get("/login").param("throttled", "999999"))
			.andExpect(content().string(containsString("Try again in 15 minutes.")));

		this.clock.advance(Duration.ofSeconds(256));
		signIn(ben.username(), TestAccounts.PASSWORD, home).andExpect(authenticated().withUsername(ben.username()));
	}

	@Test
	void twentyFailuresFromOneAddressOverManyUsernamesRefuseThatAddressOnly() throws Exception {
		Account cy = TestAccounts.newBidder(this.accounts, "cy");
		String sprayer = newAddress();
		for (int i = 0; i < 20; i++) {
			signIn(TestAccounts.uniqueName("guess"), "password guess", sprayer)
				.andExpect(redirectedUrl("/login?error"));
		}
		double refusedBefore = throttled("address", "form");

		signIn(cy.username(), TestAccounts.PASSWORD, sprayer).andExpect(redirectedUrl("/login?throttled=1"))
			.andExpect(unauthenticated());
		assertThat(throttled("address", "form")).isEqualTo(refusedBefore + 1);
		signIn(cy.username(), TestAccounts.PASSWORD, newAddress()).andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(cy.username()));
	}

	@Test
	void anApiClientWithWrongBasicCredentialsGets429WithRetryAfterUntilTheWaitIsOver() {
		ApiClient api = new ApiClient(this.port);
		Account boss = TestAccounts.newAdmin(this.accounts, "api-boss");
		for (int i = 0; i < 5; i++) {
			assertThat(api.get("/api/admin/lots", new Login(boss.username(), "wrong password " + i)).statusCode())
				.isEqualTo(401);
		}

		HttpResponse<String> refused = api.get("/api/admin/lots", Login.of(boss));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(refused.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("reason").asString()).isEqualTo("sign-in-throttled");
		assertThat(problem.path("detail").asString()).isEqualTo("Too many failed sign-ins. Try again in 1 second.");
		assertThat(problem.path("retryAfter").asInt()).isEqualTo(1);
		assertThat(api.get("/api/admin/lots", new Login(boss.username(), "wrong password")).statusCode())
			.isEqualTo(429);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(api.get("/api/admin/lots", Login.of(boss)).statusCode()).isEqualTo(200);

		// Every test on this server signs in from loopback: let its five failures be forgotten.
		this.clock.advance(Duration.ofMinutes(15));
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		return this.mvc.perform(post("/login").with(csrf())
			.with(from(address))
			.param("username", username)
			.param("password", password));
	}

	private double throttled(String limit, String via) {
		Counter counter = this.meters.find("gavel.signin.throttled").tag("limit", limit).tag("via", via).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** A client address in a /64 no other test uses (documentation range, RFC 3849). */
	private static String newAddress() {
		return "2001:db8:" + Integer.toHexString(addresses.incrementAndGet()) + "::1";
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
