package com.gavel.admin;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.Sales;
import com.gavel.support.TestSale;
import com.gavel.support.TestSale.Item;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A sale's invoices as the admin downloads them: one row per invoice line, then the invoice's
 * total row, every amount as decimal text, the line rows summing to the total row.
 */
@AdminSpringBootTest
class AdminInvoiceCsvTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	Sales sales;

	@Autowired
	SaleCatalog saleCatalog;

	@Autowired
	Clock clock;

	@Test
	void theExportHasEachInvoicesLinesThenItsTotals() throws Exception {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "25", "8.875", "Pay within 5 days.", "",
				new Item("Silver pocket watch", 5_000, null), new Item("=Brass lamp", 500, null),
				new Item("Oak chair", 2_000, null), new Item("Unsold vase", 1_000, null));
		Account ada = AdminFixtures.bidder(this.accounts, "ada");
		Account ben = AdminFixtures.bidder(this.accounts, "ben");
		sale.bid(this.engine, 1, ada, "100.00");
		sale.bid(this.engine, 2, ada, "10.50");
		sale.bid(this.engine, 3, ben, "41.00");
		sale.close(this.engine, this.saleCatalog);
		Account admin = AdminFixtures.admin(this.accounts, "csv-admin");

		MvcResult result = this.mvc.perform(get("/admin/sales/" + sale.id() + "/invoices.csv").with(as(admin)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"gavel-invoices-sale-" + sale.id() + ".csv\"");
		List<CSVRecord> rows = parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));

		String adas = "S" + sale.id() + "-" + ada.id();
		String bens = "S" + sale.id() + "-" + ben.id();
		assertThat(rows).extracting((r) -> r.get("invoice") + " " + r.get("row") + " " + r.get("lot_number"))
			.containsExactly(adas + " line 1", adas + " line 2", adas + " total ", bens + " line 3", bens + " total ");
		assertThat(rows.get(0).toList()).containsExactly(adas, "line", Long.toString(sale.id()), sale.title(), "final",
				Long.toString(ada.id()), ada.username(), "EUR", "1", Long.toString(sale.lot(1)), "Silver pocket watch",
				"100.00", "25", "25.00", "8.875", "11.09", "136.09");
		assertThat(rows.get(1).get("title")).as("defused for spreadsheets").isEqualTo("'=Brass lamp");
		assertThat(rows.get(1).get("premium")).isEqualTo("2.63");
		assertThat(rows.get(2).toList()).containsExactly(adas, "total", Long.toString(sale.id()), sale.title(), "final",
				Long.toString(ada.id()), ada.username(), "EUR", "", "", "", "110.50", "25", "27.63", "8.875", "12.26",
				"150.39");
		assertThat(rows.get(4).get("total")).isEqualTo("55.80");
		for (String column : List.of("hammer", "premium", "tax", "total")) {
			for (String invoice : List.of(adas, bens)) {
				BigDecimal lines = rows.stream()
					.filter((r) -> r.get("invoice").equals(invoice) && r.get("row").equals("line"))
					.map((r) -> new BigDecimal(r.get(column)))
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				CSVRecord total = rows.stream()
					.filter((r) -> r.get("invoice").equals(invoice) && r.get("row").equals("total"))
					.findFirst()
					.orElseThrow();
				assertThat(lines).as("%s of %s", column, invoice).isEqualByComparingTo(total.get(column));
			}
		}
	}

	@Test
	void aSaleWithNothingSoldExportsTheHeaderAloneAndOnlyAdminsMayExport() throws Exception {
		TestSale sale = TestSale.open(this.sales, this.clock, "EUR", "25", "0", "", "", new Item("Quiet lot", 500, null));
		Account admin = AdminFixtures.admin(this.accounts, "csv-admin");
		MvcResult result = this.mvc.perform(get("/admin/sales/" + sale.id() + "/invoices.csv").with(as(admin)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))).isEmpty();

		Account bidder = AdminFixtures.bidder(this.accounts, "nosy");
		assertThat(this.mvc.perform(get("/admin/sales/" + sale.id() + "/invoices.csv").with(as(bidder)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/admin/sales/999999/invoices.csv").with(as(admin)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		String page = this.mvc.perform(get("/admin/sales/" + sale.id()).with(as(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"/admin/sales/" + sale.id() + "/invoices.csv\"", "Invoices (CSV)");
	}

	private static List<CSVRecord> parse(String body) throws Exception {
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(body))) {
			assertThat(parser.getHeaderNames()).containsExactly(InvoiceCsv.HEADER);
			return parser.getRecords();
		}
	}

}
