package com.gavel.invoice;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.Sales;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import com.gavel.support.TestSale;
import com.gavel.support.TestSale.Item;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Invoices as the whole application works them out from a real sale: bids through the engine,
 * lots closed by it, one invoice per buyer with the sale's premium and tax, exact to the minor unit.
 */
@GavelSpringBootTest
class InvoicesTests {

	@Autowired
	private Invoices invoices;

	@Autowired
	private Sales sales;

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private SaleCatalog saleCatalog;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Test
	void eachBuyerGetsOneInvoiceOfTheirLotsThatAddsUpWithPremiumAndTax() {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "25", "8.875", "Pay within three days.",
				"Collect by Friday.", new Item("Silver pocket watch", 5_000, null), new Item("Brass lamp", 500, null),
				new Item("Oak chair", 2_000, null), new Item("Reserved vase", 1_000, 50_000L));
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		Account cara = bidder("cara");
		sale.bid(this.engine, 1, cara, "90.00");
		sale.bid(this.engine, 1, ada, "100.00");
		sale.bid(this.engine, 2, ada, "10.50");
		sale.bid(this.engine, 3, ben, "41.00");
		sale.bid(this.engine, 4, ben, "20.00");
		sale.close(this.engine, this.saleCatalog);

		Invoice adas = this.invoices.of(sale.id(), ada.id()).orElseThrow();
		assertThat(adas.number()).isEqualTo("S" + sale.id() + "-" + ada.id());
		assertThat(adas.buyerName()).isEqualTo(ada.username());
		assertThat(adas.house()).isEqualTo("Gavel");
		assertThat(adas.provisional()).isFalse();
		assertThat(adas.status()).isEqualTo("final");
		assertThat(adas.payment()).isEqualTo("Pay within three days.");
		assertThat(adas.collection()).isEqualTo("Collect by Friday.");
		assertThat(adas.lines()).containsExactly(
				new Invoice.Line(sale.lot(1), 1, "Silver pocket watch", 10_000, 2_500, 1_109, 13_609),
				new Invoice.Line(sale.lot(2), 2, "Brass lamp", 1_050, 263, 117, 1_430));
		assertThat(adas.totals()).isEqualTo(new Invoice.Amounts(11_050, 2_763, 1_226, 15_039));

		Invoice bens = this.invoices.of(sale.id(), ben.id()).orElseThrow();
		assertThat(bens.lines()).as("the reserved vase did not sell")
			.containsExactly(new Invoice.Line(sale.lot(3), 3, "Oak chair", 4_100, 1_025, 455, 5_580));
		assertThat(bens.totals()).isEqualTo(new Invoice.Amounts(4_100, 1_025, 455, 5_580));

		assertThat(this.invoices.of(sale.id(), cara.id())).as("cara was outbid: she bought nothing").isEmpty();
		assertThat(this.invoices.ofSale(sale.id()).orElseThrow()).extracting(Invoice::buyerId)
			.containsExactly(ada.id(), ben.id());
	}

	@Test
	void aYenInvoiceIsInWholeYenRoundedHalfUp() {
		TestSale sale = TestSale.open(this.sales, this.clock, "JPY", "17.5", "10", "", "",
				new Item("Netsuke", 10_000, null), new Item("Tea bowl", 5_000, null));
		Account ada = bidder("ada");
		sale.bid(this.engine, 1, ada, "12345");
		sale.bid(this.engine, 2, ada, "8000");
		sale.close(this.engine, this.saleCatalog);

		Invoice adas = this.invoices.of(sale.id(), ada.id()).orElseThrow();
		assertThat(adas.currency()).isEqualTo("JPY");
		// ¥12,345: premium ¥2,160.375 → ¥2,160; tax 10 % of ¥14,505 = ¥1,450.5 → ¥1,451.
		assertThat(adas.lines()).extracting(Invoice.Line::premium, Invoice.Line::tax, Invoice.Line::total)
			.containsExactly(tuple(2_160L, 1_451L, 15_956L),
					tuple(1_400L, 940L, 10_340L));
		assertThat(adas.totals()).isEqualTo(new Invoice.Amounts(20_345, 3_560, 2_391, 26_296));
		assertThat(adas.money(adas.totals().total())).isEqualTo("26296");
	}

	@Test
	void anInvoiceIsProvisionalWhileTheSaleRunsAndGrowsUntilItIsFinal() {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "20", "0", "", "",
				new Item("First print", 1_000, null), new Item("Second print", 1_000, null));
		Account ada = bidder("ada");
		assertThat(this.invoices.of(ada.id())).as("nothing bought yet").isEmpty();
		sale.bid(this.engine, 1, ada, "10.00");
		sale.bid(this.engine, 2, ada, "30.00");
		assertThat(this.invoices.of(sale.id(), ada.id())).as("leading is not buying").isEmpty();

		this.engine.closeNow(sale.lot(1));
		Invoice running = this.invoices.of(sale.id(), ada.id()).orElseThrow();
		assertThat(running.provisional()).isTrue();
		assertThat(running.lines()).extracting(Invoice.Line::lotNumber).containsExactly(1);
		assertThat(running.totals().total()).isEqualTo(1_200);

		sale.close(this.engine, this.saleCatalog);
		Invoice closed = this.invoices.of(sale.id(), ada.id()).orElseThrow();
		assertThat(closed.provisional()).isFalse();
		assertThat(closed.number()).isEqualTo(running.number());
		assertThat(closed.lines()).extracting(Invoice.Line::lotNumber).containsExactly(1, 2);
		assertThat(closed.totals().total()).isEqualTo(4_800);
		List<Invoice> adas = this.invoices.of(ada.id());
		assertThat(adas).extracting(Invoice::saleId).containsExactly(sale.id());
	}

	private Account bidder(String name) {
		return TestAccounts.newBidder(this.accounts, name);
	}

}
