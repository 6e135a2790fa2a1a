package com.gavel.admin;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.gavel.invoice.Invoice;
import com.gavel.invoice.Invoices;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Every invoice of a sale, as one CSV file ({@link InvoiceCsv}). */
@Controller
class AdminInvoiceController {

	private final Invoices invoices;

	AdminInvoiceController(Invoices invoices) {
		this.invoices = invoices;
	}

	@GetMapping("/admin/sales/{id}/invoices.csv")
	void invoicesCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
		List<Invoice> all = this.invoices.ofSale(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such sale"));
		AdminLotController.csv(response, "gavel-invoices-sale-" + id + ".csv");
		InvoiceCsv.write(all, response.getWriter());
	}

}
