package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every admin URL, found from the application's own request mappings (so a new one cannot be
 * forgotten here): a stranger is sent to sign in, a bidder is refused with 403, no form post
 * goes through without its CSRF token, not even an admin's, and the JSON API takes no form at all.
 */
@AdminSpringBootTest
class AdminSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	Account admin;

	Account bidder;

	LotView lot;

	long bidId;

	long photoId;

	String thumbName;

	@Autowired
	LotPhotos photos;

	@Autowired
	Sales sales;

	@Autowired
	SaleCatalog saleCatalog;

	long saleId;

	long liveSaleId;

	long saleLotId;

	record Endpoint(HttpMethod method, String pattern) {
	}

	@BeforeEach
	void setUp() {
		this.admin = AdminFixtures.admin(this.accounts, "sec-admin");
		this.bidder = AdminFixtures.bidder(this.accounts, "sec-bidder");
		this.lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Security lot"));
		BidResult bid = AdminFixtures.bid(this.engine, this.lot.id(), this.bidder, "40.00", null);
		assertThat(bid.accepted()).isTrue();
		this.bidId = bid.bidId();
		LotPhotos.Photo photo = this.photos.add(new com.gavel.account.GavelUser(this.admin.id(),
				this.admin.username(), "unused", this.admin.role(), false), this.lot.id(), AdminPhotoTests.png(4, 3),
				"p.png", null);
		this.photoId = photo.id();
		// "thumb-<hash>", as the photo's variant URL ends
		this.thumbName = photo.thumb().url().substring(photo.thumb().url().lastIndexOf('/') + 1).replace(".jpg", "");
		Instant start = Instant.now().plus(Duration.ofDays(1));
		this.saleId = this.sales.create(new SaleSpec(AdminFixtures.unique("Security sale"), "", "EUR", SaleKind.TIMED,
				start, start.plus(Duration.ofDays(1)), Duration.ofMinutes(1), false, BigDecimal.ZERO, BigDecimal.ZERO,
				null, "", ""), (id) -> {
				});
		this.saleLotId = this.sales.createLot(this.saleId, new SaleLotSpec("Sale lot", "", 1000, null, null, 1, null, null),
				(lot) -> {
				}).id();
		// The clerk's console and its API are for a live sale.
		this.liveSaleId = this.sales.create(new SaleSpec(AdminFixtures.unique("Security live sale"), "", "EUR",
				SaleKind.LIVE, start, start.plus(Duration.ofDays(1)), Duration.ofMinutes(1), false, BigDecimal.ZERO,
				BigDecimal.ZERO, null, "", ""), (id) -> {
				});
	}

	/** Every mapped URL under /admin and /api/admin, with every method it answers. */
	List<Endpoint> adminEndpoints(String prefix) {
		Set<String> seen = new TreeSet<>();
		List<Endpoint> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.equals(prefix) && !pattern.startsWith(prefix + "/")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (seen.add(method + " " + pattern)) {
						endpoints.add(new Endpoint(method.asHttpMethod(), pattern));
					}
				}
			}
		}
		return endpoints;
	}

	MockHttpServletRequestBuilder call(Endpoint endpoint) {
		String pattern = endpoint.pattern();
		long id = pattern.contains("/admin/users") ? this.bidder.id()
				: pattern.contains("/clerk") || pattern.contains("/live") ? this.liveSaleId
						: pattern.contains("/sales/") ? this.saleId : this.lot.id();
		String url = pattern.replace("{id}", Long.toString(id))
			.replace("{lotId}", Long.toString(this.saleLotId))
			.replace("{bidId}", Long.toString(this.bidId))
			.replace("{photoId}", Long.toString(this.photoId))
			.replace("{kind:thumb|display}-{hash:[0-9a-f]{16}}", this.thumbName);
		MockHttpServletRequestBuilder request = request(endpoint.method(), url).accept(MediaType.TEXT_HTML);
		if (endpoint.method() != HttpMethod.GET) {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("reason", "testing").param("minutes", "5");
		}
		return request;
	}

	@Test
	void theListCoversThePages() {
		List<Endpoint> pages = adminEndpoints("/admin");
		assertThat(pages).extracting(Endpoint::pattern)
			.contains("/admin/lots", "/admin/lots/new", "/admin/lots/{id}", "/admin/lots/{id}/edit",
					"/admin/lots/{id}/bids.csv", "/admin/lots/{id}/open", "/admin/lots/{id}/cancel",
					"/admin/bids/{bidId}/void", "/admin/lots/extend-all", "/admin/users", "/admin/users/{id}/ban",
					"/admin/results", "/admin/results.csv", "/admin/audit", "/admin/audit.csv", "/admin/dashboard",
					"/admin/lots/{id}/photos", "/admin/lots/{id}/photos/{photoId}/delete", "/admin/sales",
					"/admin/sales/{id}", "/admin/sales/{id}/import", "/admin/sales/{id}/numbers");
		assertThat(adminEndpoints("/api/admin")).isNotEmpty();
	}

	@Test
	void aStrangerIsSentToSignInFromEveryAdminPage() throws Exception {
		for (Endpoint endpoint : adminEndpoints("/admin")) {
			MvcResult result = this.mvc.perform(call(endpoint).with(csrf())).andReturn();
			assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(endpoint.toString()).endsWith("/login");
		}
	}

	@Test
	void aBidderIsRefusedEveryAdminPage() throws Exception {
		for (Endpoint endpoint : adminEndpoints("/admin")) {
			MvcResult result = this.mvc.perform(call(endpoint).with(csrf()).with(as(this.bidder))).andReturn();
			assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(403);
		}
		assertNothingChanged();
	}

	@Test
	void theAdminApiRefusesStrangersAndBidders() throws Exception {
		for (Endpoint endpoint : adminEndpoints("/api/admin")) {
			MockHttpServletRequestBuilder stranger = call(endpoint).accept(MediaType.APPLICATION_JSON)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"testing\",\"minutes\":5}");
			assertThat(this.mvc.perform(stranger).andReturn().getResponse().getStatus()).as(endpoint.toString())
				.isEqualTo(401);
			MockHttpServletRequestBuilder bidder = call(endpoint).accept(MediaType.APPLICATION_JSON)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"testing\",\"minutes\":5}")
				.with(as(this.bidder));
			assertThat(this.mvc.perform(bidder).andReturn().getResponse().getStatus()).as(endpoint.toString())
				.isEqualTo(403);
		}
		assertNothingChanged();
	}

	@Test
	void everyAdminFormNeedsItsCsrfToken() throws Exception {
		List<Endpoint> posts = adminEndpoints("/admin").stream().filter((e) -> e.method() != HttpMethod.GET).toList();
		assertThat(posts).hasSizeGreaterThanOrEqualTo(10);
		for (Endpoint endpoint : posts) {
			MvcResult result = this.mvc.perform(call(endpoint).with(as(this.admin))).andReturn();
			assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(403);
			MvcResult forged = this.mvc.perform(call(endpoint).with(csrf().useInvalidToken()).with(as(this.admin)))
				.andReturn();
			assertThat(forged.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(403);
		}
		assertNothingChanged();
	}

	/**
	 * What a cross-site form sends with a signed-in admin's cookie: a form content type (the only
	 * kind a form can send) and a foreign Origin. The API takes writes as JSON only, so not one
	 * of them goes through, body or not.
	 */
	@Test
	void noAdminApiWriteTakesAFormEvenFromASignedInAdmin() throws Exception {
		List<Endpoint> writes = adminEndpoints("/api/admin").stream()
			.filter((e) -> e.method() != HttpMethod.GET)
			.toList();
		assertThat(writes).hasSizeGreaterThanOrEqualTo(10);
		for (Endpoint endpoint : writes) {
			MvcResult result = this.mvc
				.perform(call(endpoint).header("Origin", "http://evil.example").with(as(this.admin)))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(endpoint.toString()).isEqualTo(415);
			assertThat(result.getResponse().getContentType()).as(endpoint.toString())
				.startsWith("application/problem+json");
		}
		assertNothingChanged();
	}

	@Test
	void anAdminGetsEveryPage() throws Exception {
		for (Endpoint endpoint : adminEndpoints("/admin")) {
			if (endpoint.method() != HttpMethod.GET) {
				continue;
			}
			MvcResult result = this.mvc.perform(call(endpoint).with(as(this.admin))).andReturn();
			int status = result.getResponse().getStatus();
			assertThat(status).as(endpoint.toString()).isIn(200, 302);
			if (endpoint.pattern().endsWith(".csv")) {
				assertThat(result.getResponse().getContentType()).startsWith("text/csv");
			}
		}
	}

	/** The lot still open with its bid and photo, the bidder not banned. */
	void assertNothingChanged() {
		LotView now = this.catalog.lot(this.lot.id()).orElseThrow();
		assertThat(now.status()).isEqualTo("open");
		assertThat(now.bids()).isEqualTo(1);
		assertThat(now.endsAt()).isEqualTo(this.lot.endsAt());
		assertThat(this.accounts.find(this.bidder.id()).orElseThrow().banned()).isFalse();
		assertThat(this.photos.of(this.lot.id())).hasSize(1);
		SaleDetails sale = this.saleCatalog.adminSale(this.saleId).orElseThrow();
		assertThat(sale.status()).isEqualTo("draft");
		assertThat(sale.lots()).extracting(SaleDetails.SaleLot::lotNumber).containsExactly(1);
	}

}
