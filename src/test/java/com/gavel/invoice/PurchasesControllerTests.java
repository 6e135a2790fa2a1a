package com.gavel.invoice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.Sales;
import com.gavel.support.ApiClient;
import com.gavel.support.ApiClient.Login;
import com.gavel.support.FormSignIn;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import com.gavel.support.TestSale;
import com.gavel.support.TestSale.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * My purchases and the invoice page over HTTP as a signed-in browser reads them, and the same
 * invoices over the JSON API: each bidder sees their own invoice, nobody else's.
 */
@GavelSpringBootTest
class PurchasesControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Sales sales;

	@Autowired
	private SaleCatalog saleCatalog;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JsonMapper json;

	private TestSale sale;

	private Account ada;

	private Account ben;

	private Account cara;

	@BeforeEach
	void setUp() {
		this.sale = TestSale.open(this.sales, this.clock, "EUR", "25", "8.875", "Pay by bank transfer within 5 days.",
				"Collect from the saleroom.", new Item("Silver pocket watch", 5_000, null),
				new Item("Brass lamp", 500, null), new Item("Oak chair", 2_000, null));
		this.ada = TestAccounts.newBidder(this.accounts, "ada");
		this.ben = TestAccounts.newBidder(this.accounts, "ben");
		this.cara = TestAccounts.newBidder(this.accounts, "cara");
		this.sale.bid(this.engine, 1, this.ada, "100.00");
		this.sale.bid(this.engine, 2, this.ada, "10.50");
		this.sale.bid(this.engine, 3, this.ben, "41.00");
		this.sale.close(this.engine, this.saleCatalog);
	}

	@Test
	void myPurchasesListsTheInvoiceAndItsPageShowsEveryLineTheTotalsAndTheHousesTexts() {
		HttpClient adas = signedIn(this.ada);
		HttpResponse<String> list = get(adas, "/my/purchases");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("My purchases", this.sale.title(), "S" + this.sale.id() + "-" + this.ada.id(),
				"€150.39", "Final", "href=\"/my/purchases/" + this.sale.id() + "\"");

		HttpResponse<String> page = get(adas, "/my/purchases/" + this.sale.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Invoice S" + this.sale.id() + "-" + this.ada.id(), "Gavel",
				this.ada.username(), "Silver pocket watch", "€100.00", "€25.00", "€11.09", "€136.09", "Brass lamp",
				"€10.50", "€2.63", "€1.17", "€14.30", "€110.50", "€27.63", "€12.26", "€150.39",
				"Buyer’s premium (25\u00a0%)", "Tax (8.875\u00a0%)", "Pay by bank transfer within 5 days.",
				"Collect from the saleroom.", "data-role=\"print\"", "/css/invoice.css")
			.doesNotContain("Oak chair", "data-role=\"provisional-note\"");
	}

	@Test
	void whileTheSaleRunsTheInvoiceSaysItIsProvisional() {
		TestSale running = TestSale.open(this.sales, this.clock, "EUR", "10", "0", "", "",
				new Item("Early lot", 1_000, null), new Item("Later lot", 1_000, null));
		running.bid(this.engine, 1, this.cara, "20.00");
		this.engine.closeNow(running.lot(1));
		HttpClient caras = signedIn(this.cara);
		assertThat(get(caras, "/my/purchases").body()).contains(running.title(), "Provisional", "€22.00");
		assertThat(get(caras, "/my/purchases/" + running.id()).body()).contains("data-role=\"provisional-note\"",
				"The sale is still running", "Early lot", "€2.00", "€22.00");
	}

	@Test
	void aBidderSeesOnlyTheirOwnInvoice() {
		String adasInvoice = "/my/purchases/" + this.sale.id();
		assertThat(get(signedIn(this.cara), adasInvoice).statusCode()).as("cara bought nothing").isEqualTo(404);
		HttpClient bens = signedIn(this.ben);
		assertThat(get(bens, adasInvoice + "?buyer=" + this.ada.id()).statusCode()).as("ada's, asked for by ben")
			.isEqualTo(404);
		HttpResponse<String> bensOwn = get(bens, adasInvoice);
		assertThat(bensOwn.body()).contains("Oak chair").doesNotContain("Silver pocket watch", this.ada.username());
		assertThat(get(bens, "/my/purchases").body()).doesNotContain("€150.39");

		HttpClient admin = FormSignIn.signIn(base(), TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
		assertThat(get(admin, adasInvoice + "?buyer=" + this.ada.id()).body()).contains(this.ada.username(),
				"Silver pocket watch", "€150.39");
		HttpResponse<String> anonymous = get(HttpClient.newHttpClient(), adasInvoice);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).as("sent to sign in").hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void theApiGivesTheBidderTheirInvoicesInDecimalTextAndNobodyElses() {
		ApiClient api = new ApiClient(this.port);
		HttpResponse<String> mine = api.get("/api/my/invoices", Login.of(this.ada));
		assertThat(mine.statusCode()).isEqualTo(200);
		JsonNode invoices = this.json.readTree(mine.body());
		assertThat(invoices).hasSize(1);
		JsonNode invoice = invoices.get(0);
		assertThat(invoice.get("number").asString()).isEqualTo("S" + this.sale.id() + "-" + this.ada.id());
		assertThat(invoice.get("status").asString()).isEqualTo("final");
		assertThat(invoice.get("buyersPremium").asString()).isEqualTo("25");
		assertThat(invoice.get("tax").asString()).isEqualTo("8.875");
		assertThat(invoice.get("lines")).hasSize(2);
		assertThat(invoice.get("lines").get(1).get("premium").asString()).isEqualTo("2.63");
		assertThat(invoice.get("totals").get("total").asString()).isEqualTo("150.39");
		assertThat(invoice.get("payment").asString()).isEqualTo("Pay by bank transfer within 5 days.");

		HttpResponse<String> one = api.get("/api/my/invoices/" + this.sale.id(), Login.of(this.ben));
		assertThat(this.json.readTree(one.body()).get("totals").get("total").asString()).isEqualTo("55.80");
		HttpResponse<String> none = api.get("/api/my/invoices/" + this.sale.id(), Login.of(this.cara));
		assertThat(none.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(none.body()).get("reason").asString()).isEqualTo("invoice-not-found");
		assertThat(api.get("/api/my/invoices", ApiClient.ANONYMOUS).statusCode()).isEqualTo(401);
	}

	private HttpClient signedIn(Account account) {
		return FormSignIn.signIn(base(), account.username(), TestAccounts.PASSWORD);
	}

	private HttpResponse<String> get(HttpClient client, String path) {
		return ApiClient.send(client, HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html"));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
