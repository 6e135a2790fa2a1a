package com.gavel.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SalePurchases;
import com.gavel.auction.Sales;
import com.gavel.config.SharedDatabase;
import com.gavel.invoice.Invoice;
import com.gavel.invoice.Invoices;
import com.gavel.support.GavelTestConfiguration;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import com.gavel.support.TestSale;
import com.gavel.support.TestSale.Item;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice mail as an SMTP server (GreenMail, on loopback) receives it from the whole
 * application: once a sale has closed, each buyer gets one mail with their invoice, and nobody
 * else gets any; "you won" for a lot of a sale says the invoice follows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gavel-${random.uuid};DB_CLOSE_DELAY=-1",
				"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
				"gavel.auction.tick=100ms", "spring.mail.host=127.0.0.1", "gavel.mail.poll=200ms",
				"gavel.mail.invoice-check=200ms", "gavel.mail.from=Gavel <auctions@example.test>",
				"gavel.house.base-url=https://auctions.example.test" })
@Import(GavelTestConfiguration.class)
@DirtiesContext
class InvoiceMailTests {

	private static final TestSmtp smtp = TestSmtp.onFreePort().start();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", smtp::port);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Autowired
	private Sales sales;

	@Autowired
	private SaleCatalog saleCatalog;

	@Autowired
	private SalePurchases purchases;

	@Autowired
	private Invoices invoices;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AccountService accounts;

	@Autowired
	private BidderMailSettings settings;

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private MailWriter writer;

	@Autowired
	private MailProperties properties;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void eachBuyerGetsOneInvoiceMailWhenTheSaleClosesAndNobodyElseGetsOne() {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "25", "8.875", "Pay within three days.",
				"Collect by Friday.", new Item("Silver pocket watch", 5_000, null), new Item("Brass lamp", 500, null),
				new Item("Oak chair", 2_000, null), new Item("Celadon vase", 2_000, null));
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Account cara = bidder("cara");
		Account dan = bidder("dan");
		this.settings.choose(dan.id(), true, true, false, Locale.ENGLISH);
		sale.bid(this.engine, 1, cara, "90.00");
		sale.bid(this.engine, 1, ada, "100.00");
		sale.bid(this.engine, 2, ada, "10.50");
		sale.bid(this.engine, 3, ben, "41.00");
		sale.bid(this.engine, 4, dan, "20.00");

		this.engine.closeNow(sale.lot(1));
		MimeMessage won = smtp.awaitTo(ada.email(), 1).get(0);
		assertThat(TestSmtp.subject(won)).isEqualTo("You won “Silver pocket watch”");
		assertThat(TestSmtp.body(won)).contains("This was lot 1 of “" + sale.title()
				+ "”. Your invoice for the sale follows by e-mail when the sale closes; until then you can see it, "
				+ "provisional, in My purchases:\nhttps://auctions.example.test/my/purchases/" + sale.id());
		TestSmtp.pause(600);
		assertThat(invoiceRows(sale)).as("the sale is still open").isEmpty();

		sale.close(this.engine, this.saleCatalog);
		MimeMessage adas = awaitInvoice(ada, sale);
		assertThat(TestSmtp.body(adas)).startsWith("Hello " + ada.username() + ",")
			.contains("The sale “" + sale.title() + "” has closed. This is your invoice S" + sale.id() + "-" + ada.id()
					+ " for the lots you bought in it.")
			.contains("Lot 1, “Silver pocket watch”: hammer price €100.00 + buyer’s premium €25.00 + tax €11.09 = €136.09\n"
					+ "Lot 2, “Brass lamp”: hammer price €10.50 + buyer’s premium €2.63 + tax €1.17 = €14.30\n")
			.contains("Hammer prices: €110.50\nBuyer’s premium (25 %): €27.63\n"
					+ "Tax (8.875 % of hammer price and premium): €12.26\nTotal to pay: €150.39\n")
			.contains("Payment:\nPay within three days.\n")
			.contains("Collection:\nCollect by Friday.\n")
			.contains("Your invoice, to see and print:\nhttps://auctions.example.test/my/purchases/" + sale.id())
			.contains("https://auctions.example.test/my/notifications")
			.doesNotContain("??", "[(", "null", "Oak chair");
		assertThat(TestSmtp.body(awaitInvoice(ben, sale))).contains("Lot 3, “Oak chair”")
			.contains("Total to pay: €55.80")
			.doesNotContain("Silver pocket watch");

		TestSmtp.pause(1000);
		assertThat(invoicesTo(ada, sale)).as("one, however many rounds looked").hasSize(1);
		assertThat(invoicesTo(ben, sale)).hasSize(1);
		assertThat(smtp.to(cara.email())).as("outbid, bought nothing").isEmpty();
		assertThat(invoicesTo(dan, sale)).as("turned off \"I win a lot\"").isEmpty();
		assertThat(invoiceRows(sale)).containsExactlyInAnyOrder(ada.id(), ben.id());

		// Another node of the house, which has looked at no sale yet, finds every invoice mail written.
		InvoiceMails otherNode = new InvoiceMails(this.purchases, this.invoices, this.outbox, this.writer,
				this.properties, SharedDatabase.alone(), this.clock);
		assertThat(otherNode.check()).isZero();
		assertThat(invoiceRows(sale)).hasSize(2);
	}

	@Test
	void theInvoiceMailReadsInEveryLanguage() {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "25", "8.875", "Pay within three days.", "",
				new Item("Teapot", 100_000, null));
		Account ada = bidder("ada");
		sale.bid(this.engine, 1, ada, "1250.00");
		sale.close(this.engine, this.saleCatalog);
		Invoice invoice = this.invoices.of(sale.id(), ada.id()).orElseThrow();

		this.settings.choose(ada.id(), true, true, true, Locale.forLanguageTag("pt-BR"));
		Mail mail = this.writer.writeInvoice(invoice, sale.lot(1)).orElseThrow();
		assertThat(mail.language()).isEqualTo("pt-BR");
		assertThat(mail.subject()).isEqualTo("Sua fatura de “" + sale.title() + "”");
		assertThat(mail.body()).startsWith("Olá, " + ada.username() + ",")
			.contains("Lote 1, “Teapot”: preço de arremate €\u00a01.250,00")
			.contains("Total a pagar: €\u00a01.701,17")
			.contains("Pagamento:\nPay within three days.")
			.doesNotContain("??", "[(", "null", "Collection", "Retirada:");
		this.settings.choose(ada.id(), true, true, true, Locale.ENGLISH);
		assertThat(this.writer.writeInvoice(invoice, sale.lot(1)).orElseThrow().body())
			.contains("Total to pay: €1,701.17");
	}

	private Account bidder(String name) {
		return TestAccounts.newBidder(this.accounts, name);
	}

	/** Waits for the buyer's one invoice mail for the sale. */
	private MimeMessage awaitInvoice(Account buyer, TestSale sale) {
		java.time.Instant until = Instant.now().plus(TestSmtp.WAIT);
		while (invoicesTo(buyer, sale).isEmpty() && Instant.now().isBefore(until)) {
			TestSmtp.pause(50);
		}
		List<MimeMessage> mails = invoicesTo(buyer, sale);
		assertThat(mails).as("%s's invoice mail", buyer.username()).isNotEmpty();
		return mails.get(0);
	}

	private List<MimeMessage> invoicesTo(Account buyer, TestSale sale) {
		return smtp.to(buyer.email())
			.stream()
			.filter((m) -> TestSmtp.subject(m).equals("Your invoice for “" + sale.title() + "”"))
			.toList();
	}

	/** The buyers with an invoice mail for the sale in the outbox. */
	private List<Long> invoiceRows(TestSale sale) {
		return this.jdbc.queryForList("select user_id from mail_outbox where kind = 'INVOICE' and occasion = ?",
				Long.class, sale.id());
	}

}
