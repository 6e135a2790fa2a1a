package com.gavel.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.auction.Catalogue;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotStateException;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.SaleStateException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's sales: the list, the sale editor, and one sale's page, where its lots are added,
 * created, numbered and imported from CSV, and the sale is scheduled, opened and closed.
 */
@Controller
@RequestMapping("/admin/sales")
class AdminSaleController {

	private final AdminSaleActions actions;

	private final SaleCatalog catalog;

	private final SaleImport imports;

	private final SalePhotos inbox;

	private final MessageSource messages;

	private final Clock clock;

	AdminSaleController(AdminSaleActions actions, SaleCatalog catalog, SaleImport imports, SalePhotos inbox,
			MessageSource messages, Clock clock) {
		this.actions = actions;
		this.catalog = catalog;
		this.imports = imports;
		this.inbox = inbox;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- list, create and edit ------------------------------------------------------------

	@GetMapping({ "", "/" })
	String sales(Model model) {
		model.addAttribute("sales", this.catalog.allSales());
		return "admin/sales";
	}

	@GetMapping("/new")
	String newSale(Model model) {
		model.addAttribute("saleForm", SaleForm.blank(this.clock.instant()));
		return form(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("saleForm") SaleForm form, BindingResult result,
			@AuthenticationPrincipal GavelUser admin, Model model, RedirectAttributes redirect, Locale locale) {
		SaleSpec spec = form.toSpec(null, result);
		if (spec == null) {
			return form(model, null);
		}
		long id = this.actions.create(admin, Via.PAGE, spec);
		redirect.addFlashAttribute("notice", text("admin.sale.created", locale, spec.title()));
		return "redirect:/admin/sales/" + id;
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		SaleDetails sale = sale(id);
		model.addAttribute("saleForm", SaleForm.of(this.catalog.spec(id).orElseThrow()));
		return form(model, sale);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("saleForm") SaleForm form, BindingResult result,
			@AuthenticationPrincipal GavelUser admin, Model model, RedirectAttributes redirect, Locale locale) {
		SaleDetails sale = sale(id);
		SaleSpec current = this.catalog.spec(id).orElseThrow();
		boolean locked = !this.catalog.termsOpen(id);
		SaleSpec spec = form.toSpec(current, result);
		if (spec == null) {
			return form(model, sale);
		}
		if (locked) {
			// An open sale's terms are what bidders relied on: whatever came in, they stay.
			spec = new SaleSpec(spec.title(), spec.description(), current.currency(), current.kind(),
					current.startsAt(), current.firstLotEndsAt(), current.interval(), current.groupSoftClose(),
					current.buyersPremium(), current.taxRate(), current.increments(), spec.paymentText(),
					spec.collectionText());
		}
		try {
			this.actions.amend(admin, Via.PAGE, id, spec);
		}
		catch (SaleStateException | LotStateException | IllegalArgumentException ex) {
			result.reject("admin.sale.error.refused", new Object[] { ex.getMessage() }, null);
			return form(model, sale);
		}
		redirect.addFlashAttribute("notice", text("admin.sale.saved", locale));
		return "redirect:/admin/sales/" + id;
	}

	private String form(Model model, SaleDetails sale) {
		model.addAttribute("sale", sale);
		model.addAttribute("locked", sale != null && !this.catalog.termsOpen(sale.id()));
		return "admin/sale-form";
	}

	// ---- one sale ---------------------------------------------------------------------------

	@GetMapping("/{id}")
	String sale(@PathVariable long id, Model model) {
		SaleDetails sale = sale(id);
		model.addAttribute("sale", sale);
		model.addAttribute("lots", this.catalog.adminLots(id));
		model.addAttribute("open", this.catalog.termsOpen(id));
		model.addAttribute("drafts", this.catalog.loneDrafts(sale.currency()));
		model.addAttribute("held", this.inbox.of(id));
		model.addAttribute("houseIncrements", sale.terms().houseIncrements());
		model.addAttribute("nextNumber", sale.lots().stream().mapToInt(SaleDetails.SaleLot::lotNumber).max().orElse(0) + 1);
		return "admin/sale";
	}

	@PostMapping("/{id}/schedule")
	String schedule(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "schedule", () -> this.actions.schedule(admin, Via.PAGE, id), redirect, locale);
	}

	@PostMapping("/{id}/open")
	String open(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "open", () -> this.actions.openNow(admin, Via.PAGE, id), redirect, locale);
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "close", () -> this.actions.closeNow(admin, Via.PAGE, id), redirect, locale);
	}

	@PostMapping("/{id}/lots")
	String addLot(@PathVariable long id, @RequestParam(required = false) Long lotId,
			@RequestParam(required = false) Integer lotNumber, @RequestParam(defaultValue = "") String estimateLow,
			@RequestParam(defaultValue = "") String estimateHigh, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) {
		String currency = sale(id).currency();
		return act(id, "lotAdded", () -> {
			if (lotId == null || lotNumber == null) {
				throw new IllegalArgumentException(text("admin.sale.add.missing", locale));
			}
			this.actions.addLot(admin, Via.PAGE, id, new Catalogue(lotId, lotNumber,
					AdminSaleApiController.amount(estimateLow, currency), AdminSaleApiController.amount(estimateHigh, currency)));
		}, redirect, locale);
	}

	@PostMapping("/{id}/lots/new")
	String newLot(@PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) Integer lotNumber,
			@RequestParam(defaultValue = "") String startPrice, @RequestParam(defaultValue = "") String reservePrice,
			@RequestParam(defaultValue = "") String estimateLow, @RequestParam(defaultValue = "") String estimateHigh,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		String currency = sale(id).currency();
		return act(id, "lotCreated", () -> {
			Long start = AdminSaleApiController.amount(startPrice, currency);
			if (lotNumber == null || start == null) {
				throw new IllegalArgumentException(text("admin.sale.newLot.missing", locale));
			}
			this.actions.createLot(admin, Via.PAGE, id,
					new SaleLotSpec(title, description, start, AdminSaleApiController.amount(reservePrice, currency), null,
							lotNumber, AdminSaleApiController.amount(estimateLow, currency),
							AdminSaleApiController.amount(estimateHigh, currency)),
					currency);
		}, redirect, locale);
	}

	@PostMapping("/{id}/lots/{lotId}/remove")
	String removeLot(@PathVariable long id, @PathVariable long lotId, @AuthenticationPrincipal GavelUser admin,
			RedirectAttributes redirect, Locale locale) {
		return act(id, "lotRemoved", () -> this.actions.removeLot(admin, Via.PAGE, id, lotId), redirect, locale);
	}

	/** The catalogue form: one row per lot, each with its lot id, number and estimate. */
	@PostMapping("/{id}/numbers")
	String renumber(@PathVariable long id, @RequestParam(name = "lotId", required = false) List<Long> lotIds,
			@RequestParam(name = "lotNumber", required = false) List<String> numbers,
			@RequestParam(name = "estimateLow", required = false) List<String> lows,
			@RequestParam(name = "estimateHigh", required = false) List<String> highs,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		String currency = sale(id).currency();
		return act(id, "renumbered", () -> {
			int rows = lotIds == null ? 0 : lotIds.size();
			if (rows == 0 || numbers == null || numbers.size() != rows || lows == null || lows.size() != rows
					|| highs == null || highs.size() != rows) {
				throw new IllegalArgumentException(text("admin.sale.numbers.incomplete", locale));
			}
			List<Catalogue> entries = new ArrayList<>();
			for (int i = 0; i < rows; i++) {
				String number = numbers.get(i).strip();
				if (!number.matches("[0-9]{1,5}")) {
					throw new IllegalArgumentException(text("admin.sale.numbers.number", locale, Catalogue.MAX_LOT_NUMBER));
				}
				entries.add(new Catalogue(lotIds.get(i), Integer.parseInt(number),
						AdminSaleApiController.amount(lows.get(i), currency),
						AdminSaleApiController.amount(highs.get(i), currency)));
			}
			this.actions.recatalogue(admin, Via.PAGE, id, entries);
		}, redirect, locale);
	}

	// ---- photos and the CSV import --------------------------------------------------------------

	@PostMapping("/{id}/photos")
	String photos(@PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) throws IOException {
		sale(id);
		List<String> refused = keepPhotos(admin, id, files, locale);
		if (refused.isEmpty()) {
			redirect.addFlashAttribute("notice", text("admin.sale.photos.added", locale));
		}
		else {
			redirect.addFlashAttribute("uploadErrors", refused);
		}
		return "redirect:/admin/sales/" + id + "#photos";
	}

	@PostMapping("/{id}/photos/remove")
	String removePhoto(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		sale(id);
		if (this.inbox.remove(admin, Via.PAGE, id, name)) {
			redirect.addFlashAttribute("notice", text("admin.sale.photos.removed", locale, name));
		}
		return "redirect:/admin/sales/" + id + "#photos";
	}

	/**
	 * The CSV file and, optionally, photos it names: the photos are kept for the sale first (a
	 * refused import keeps them, so the corrected file may come alone), then the file is imported
	 * all or nothing.
	 */
	@PostMapping("/{id}/import")
	String importCsv(@PathVariable long id, @RequestParam(name = "csv", required = false) MultipartFile csv,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) throws IOException {
		sale(id);
		List<String> refused = keepPhotos(admin, id, files, locale);
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("uploadErrors", refused);
			redirect.addFlashAttribute("alert", text("admin.sale.import.notRun", locale));
			return "redirect:/admin/sales/" + id + "#import";
		}
		if (csv == null || csv.isEmpty()) {
			redirect.addFlashAttribute("alert", text("admin.sale.import.noFile", locale));
			return "redirect:/admin/sales/" + id + "#import";
		}
		try {
			List<LotView> lots = this.imports.importCsv(admin, Via.PAGE, id,
					new String(csv.getBytes(), StandardCharsets.UTF_8));
			redirect.addFlashAttribute("notice", text("admin.sale.import.done", locale, lots.size()));
			return "redirect:/admin/sales/" + id;
		}
		catch (SaleImport.RefusedException ex) {
			redirect.addFlashAttribute("alert", text("admin.sale.import.refused", locale, ex.errors().size()));
			redirect.addFlashAttribute("importErrors", ex.errors()
				.stream()
				.map((e) -> new AdminSaleApiController.Problem(e.row(), e.column(), e.text(this.messages, locale)))
				.toList());
		}
		catch (SaleStateException | LotStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("alert", text("admin.action.refused", locale, ex.getMessage()));
		}
		return "redirect:/admin/sales/" + id + "#import";
	}

	/** Keeps the uploaded photos for the sale's imports; the refusals, one sentence each. */
	private List<String> keepPhotos(GavelUser admin, long saleId, List<MultipartFile> files, Locale locale)
			throws IOException {
		List<String> refused = new ArrayList<>();
		if (files == null) {
			return refused;
		}
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue;
			}
			try {
				this.inbox.add(admin, Via.PAGE, saleId, file.getOriginalFilename(), file.getBytes());
			}
			catch (LotPhotos.RefusedException ex) {
				refused.add(file.getOriginalFilename() + ": "
						+ this.messages.getMessage(ex.messageKey(), AdminSaleApiController.photoLimits(), locale));
			}
		}
		return refused;
	}

	private String act(long id, String action, Runnable work, RedirectAttributes redirect, Locale locale) {
		sale(id);
		try {
			work.run();
			redirect.addFlashAttribute("notice", text("admin.sale.done." + action, locale));
		}
		catch (SaleStateException | LotStateException | LotNotFoundException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("alert", text("admin.action.refused", locale, ex.getMessage()));
		}
		return "redirect:/admin/sales/" + id;
	}

	private SaleDetails sale(long id) {
		return this.catalog.adminSale(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such sale"));
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
