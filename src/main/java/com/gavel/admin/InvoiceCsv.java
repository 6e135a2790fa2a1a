package com.gavel.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.gavel.invoice.Invoice;

/**
 * A sale's invoices as CSV, in the form of the other admin exports ({@link AdminCsv}: RFC 4180,
 * amounts as decimal text in the sale's currency, typed text defused for spreadsheets). Each
 * invoice is its {@code line} rows, one per lot in lot-number order, then one {@code total} row
 * with the invoice's totals and no lot; so the sum of an invoice's line rows is its total row, in
 * every amount column.
 */
final class InvoiceCsv {

	static final String[] HEADER = { "invoice", "row", "sale_id", "sale_title", "status", "buyer_id", "buyer",
			"currency", "lot_number", "lot_id", "title", "hammer", "premium_rate", "premium", "tax_rate", "tax",
			"total" };

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private InvoiceCsv() {
	}

	static void write(List<Invoice> invoices, Writer out) throws IOException {
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT.builder().setHeader(HEADER).get())) {
			for (Invoice i : invoices) {
				for (Invoice.Line l : i.lines()) {
					csv.printRecord(i.number(), "line", i.saleId(), AdminCsv.text(i.saleTitle()), i.status(), i.buyerId(),
							AdminCsv.text(i.buyerName()), i.currency(), l.lotNumber(), l.lotId(), AdminCsv.text(l.title()),
							i.money(l.hammer()), i.premiumPercent(), i.money(l.premium()), i.taxPercent(),
							i.money(l.tax()), i.money(l.total()));
				}
				Invoice.Amounts t = i.totals();
				csv.printRecord(i.number(), "total", i.saleId(), AdminCsv.text(i.saleTitle()), i.status(), i.buyerId(),
						AdminCsv.text(i.buyerName()), i.currency(), null, null, null, i.money(t.hammer()),
						i.premiumPercent(), i.money(t.premium()), i.taxPercent(), i.money(t.tax()), i.money(t.total()));
			}
		}
	}

}
