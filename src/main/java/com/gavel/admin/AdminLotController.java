package com.gavel.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionProperties;
import com.gavel.auction.ChainVerifier;
import com.gavel.auction.LedgerEntry;
import com.gavel.auction.LotAdminView;
import com.gavel.auction.LotNotFoundException;
import com.gavel.auction.LotStateException;
import com.gavel.auction.LotStatus;
import com.gavel.auction.LotView;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's lots: list, create, edit, run (open, pause, close, cancel...) and their bid ledgers. */
@Controller
@RequestMapping("/admin")
class AdminLotController {

	private final AdminActions actions;

	private final AuctionCatalog catalog;

	private final AuditLog audit;

	private final UserNames names;

	private final AuctionProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final LotPhotos photos;

	private final LotCategories categories;

	private final ChainVerifier verifier;

	private final LotFormValidator validator = new LotFormValidator();

	AdminLotController(AdminActions actions, AuctionCatalog catalog, AuditLog audit, UserNames names,
			LotPhotos photos, LotCategories categories, AuctionProperties properties, MessageSource messages,
			Clock clock, ChainVerifier verifier) {
		this.actions = actions;
		this.verifier = verifier;
		this.photos = photos;
		this.categories = categories;
		this.catalog = catalog;
		this.audit = audit;
		this.names = names;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping({ "", "/" })
	String home() {
		return "redirect:/admin/lots";
	}

	// ---- list ----------------------------------------------------------------------------

	@GetMapping("/lots")
	String lots(@RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model) {
		List<LotAdminView> all = this.catalog.adminLots();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (LotStatus s : LotStatus.values()) {
			counts.put(s.name().toLowerCase(Locale.ROOT), 0);
		}
		all.forEach((l) -> counts.merge(l.status(), 1, Integer::sum));
		LotStatus wanted = parseStatus(status);
		String query = q == null ? "" : q.trim();
		String needle = query.toLowerCase(Locale.ROOT);
		List<LotAdminView> shown = all.stream()
			.filter((l) -> wanted == null || status(l) == wanted)
			.filter((l) -> needle.isEmpty() || l.lot().title().toLowerCase(Locale.ROOT).contains(needle)
					|| Long.toString(l.id()).equals(needle))
			.toList();
		model.addAttribute("lots", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("counts", counts);
		model.addAttribute("status", wanted == null ? null : wanted.name().toLowerCase(Locale.ROOT));
		model.addAttribute("q", query);
		return "admin/lots";
	}

	private static LotStatus status(LotAdminView lot) {
		return LotStatus.valueOf(lot.status().toUpperCase(Locale.ROOT));
	}

	private static LotStatus parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return LotStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// ---- create and edit -----------------------------------------------------------------

	@GetMapping("/lots/new")
	String newLot(Model model) {
		model.addAttribute("lotForm", LotForm.blank(this.clock.instant(), this.properties.softCloseWindow(),
				this.properties.softCloseExtension()));
		return form(model, null);
	}

	@PostMapping("/lots")
	String create(@Valid @ModelAttribute("lotForm") LotForm form, BindingResult result,
			@AuthenticationPrincipal GavelUser admin, Model model, RedirectAttributes redirect, Locale locale) {
		this.validator.validate(form, result, this.clock.instant(), false);
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			LotView lot = this.actions.create(admin, Via.PAGE, form.toSpec(null), form.isSchedule());
			redirect.addFlashAttribute("notice", text("admin.lot.created", locale, lot.title()));
			return "redirect:/admin/lots/" + lot.id();
		}
		catch (IllegalArgumentException | LotStateException ex) {
			result.reject("admin.lot.error.refused", new Object[] { ex.getMessage() }, null);
			return form(model, null);
		}
	}

	@GetMapping("/lots/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		LotAdminView lot = lot(id);
		model.addAttribute("lotForm", LotForm.of(lot.terms()));
		return form(model, lot);
	}

	@PostMapping("/lots/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("lotForm") LotForm form, BindingResult result,
			@AuthenticationPrincipal GavelUser admin, Model model, RedirectAttributes redirect, Locale locale) {
		LotAdminView lot = lot(id);
		if (!editable(lot)) {
			redirect.addFlashAttribute("alert", text("admin.lot.edit.finished", locale));
			return "redirect:/admin/lots/" + id;
		}
		boolean locked = termsLocked(lot);
		if (locked) {
			// An open lot's terms are what bidders relied on: whatever came in, they stay.
			form.copyTerms(lot.terms());
		}
		this.validator.validate(form, result, this.clock.instant(), locked);
		if (hasErrors(result, locked)) {
			return form(model, lot);
		}
		try {
			this.actions.amend(admin, Via.PAGE, id,
					locked ? form.textOnto(lot.terms()) : form.toSpec(lot.terms()));
			redirect.addFlashAttribute("notice", text("admin.lot.saved", locale));
			return "redirect:/admin/lots/" + id;
		}
		catch (IllegalArgumentException | LotStateException ex) {
			result.reject("admin.lot.error.refused", new Object[] { ex.getMessage() }, null);
			return form(model, lot(id));
		}
	}

	/** Only the title's and description's errors count when the terms are locked. */
	private static boolean hasErrors(BindingResult result, boolean locked) {
		if (!locked) {
			return result.hasErrors();
		}
		return result.hasFieldErrors("title") || result.hasFieldErrors("description") || result.hasGlobalErrors();
	}

	private String form(Model model, LotAdminView lot) {
		model.addAttribute("lot", lot);
		model.addAttribute("locked", lot != null && termsLocked(lot));
		model.addAttribute("increments", this.properties.incrementTable());
		return "admin/lot-form";
	}

	private static boolean editable(LotAdminView lot) {
		return !"closed".equals(lot.status()) && !"cancelled".equals(lot.status());
	}

	private static boolean termsLocked(LotAdminView lot) {
		return "open".equals(lot.status()) || "paused".equals(lot.status());
	}

	// ---- one lot -------------------------------------------------------------------------

	@GetMapping("/lots/{id}")
	String lot(@PathVariable long id, Model model) {
		LotAdminView lot = lot(id);
		List<LedgerEntry> ledger = this.catalog.ledger(id);
		Set<Long> ids = new HashSet<>();
		ledger.forEach((b) -> {
			ids.add(b.bidderId());
			if (b.voidedBy() != null) {
				ids.add(b.voidedBy());
			}
		});
		if (lot.leaderId() != null) {
			ids.add(lot.leaderId());
		}
		Map<Long, String> usernames = this.names.of(ids);
		model.addAttribute("lot", lot);
		model.addAttribute("view", lot.lot());
		model.addAttribute("leader", lot.leaderId() == null ? null : usernames.get(lot.leaderId()));
		List<LedgerEntry> newestFirst = new ArrayList<>(ledger);
		Collections.reverse(newestFirst);
		model.addAttribute("ledger", newestFirst);
		model.addAttribute("usernames", usernames);
		model.addAttribute("accepted", ledger.stream().filter((b) -> !"rejected".equals(b.status())).count());
		model.addAttribute("rejected", ledger.stream().filter((b) -> "rejected".equals(b.status())).count());
		model.addAttribute("auditEntries", this.audit.ofLot(id));
		model.addAttribute("photos", this.photos.of(id));
		model.addAttribute("category", this.categories.of(id).orElse(null));
		model.addAttribute("categoryNames", this.categories.names());
		model.addAttribute("editable", editable(lot));
		model.addAttribute("locked", termsLocked(lot));
		model.addAttribute("chain", this.verifier.verify(id));
		return "admin/lot";
	}

	@GetMapping("/lots/{id}/bids.csv")
	void ledgerCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
		lot(id);
		List<LedgerEntry> ledger = this.catalog.ledger(id);
		Set<Long> ids = new HashSet<>();
		ledger.forEach((b) -> {
			ids.add(b.bidderId());
			ids.add(b.voidedBy());
		});
		csv(response, "gavel-lot-" + id + "-bids.csv");
		AdminCsv.ledger(ledger, this.names.of(ids), response.getWriter());
	}

	static void csv(HttpServletResponse response, String filename) {
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
		response.setHeader("Cache-Control", "no-store");
	}

	// ---- actions -------------------------------------------------------------------------

	@PostMapping("/lots/{id}/schedule")
	String schedule(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "schedule", (lotId) -> this.actions.schedule(admin, Via.PAGE, lotId), redirect, locale);
	}

	@PostMapping("/lots/{id}/open")
	String open(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "open", (lotId) -> this.actions.open(admin, Via.PAGE, lotId), redirect, locale);
	}

	@PostMapping("/lots/{id}/pause")
	String pause(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "pause", (lotId) -> this.actions.pause(admin, Via.PAGE, lotId), redirect, locale);
	}

	@PostMapping("/lots/{id}/resume")
	String resume(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "resume", (lotId) -> this.actions.resume(admin, Via.PAGE, lotId), redirect, locale);
	}

	@PostMapping("/lots/{id}/close")
	String close(@PathVariable long id, @AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect,
			Locale locale) {
		return act(id, "close", (lotId) -> this.actions.close(admin, Via.PAGE, lotId), redirect, locale);
	}

	@PostMapping("/lots/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		String why = reason.trim();
		if (why.isEmpty() || why.length() > 500) {
			redirect.addFlashAttribute("cancelError", text("admin.reason.required", locale));
			return "redirect:/admin/lots/" + id + "#cancel";
		}
		return act(id, "cancel", (lotId) -> this.actions.cancel(admin, Via.PAGE, lotId, why), redirect, locale);
	}

	@PostMapping("/bids/{bidId}/void")
	String voidBid(@PathVariable long bidId, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		long lotId = this.catalog.lotOfBid(bidId).orElseThrow(AdminLotController::notFound);
		String why = reason.trim();
		if (why.isEmpty() || why.length() > 500) {
			redirect.addFlashAttribute("voidError", text("admin.reason.required", locale));
			redirect.addFlashAttribute("voidBid", bidId);
			return "redirect:/admin/lots/" + lotId + "#bid-" + bidId;
		}
		try {
			this.actions.voidBid(admin, Via.PAGE, bidId, why);
			redirect.addFlashAttribute("notice", text("admin.bid.voided", locale, bidId));
		}
		catch (LotStateException | LotNotFoundException ex) {
			redirect.addFlashAttribute("alert", text("admin.action.refused", locale, ex.getMessage()));
		}
		return "redirect:/admin/lots/" + lotId;
	}

	@PostMapping("/lots/extend-all")
	String extendAll(@RequestParam(required = false) Integer minutes, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal GavelUser admin, RedirectAttributes redirect, Locale locale) {
		String why = reason.trim();
		if (minutes == null || minutes < 1 || minutes > 1440) {
			redirect.addFlashAttribute("extendError", text("admin.extend.minutes", locale));
		}
		else if (why.isEmpty() || why.length() > 500) {
			redirect.addFlashAttribute("extendError", text("admin.reason.required", locale));
		}
		else {
			int extended = this.actions.extendAll(admin, Via.PAGE, minutes, why);
			redirect.addFlashAttribute("notice", text("admin.extend.done", locale, extended, minutes));
		}
		return "redirect:/admin/lots";
	}

	private String act(long id, String action, Function<Long, LotView> work, RedirectAttributes redirect,
			Locale locale) {
		lot(id);
		try {
			work.apply(id);
			redirect.addFlashAttribute("notice", text("admin.action.done." + action, locale));
		}
		catch (LotStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("alert", text("admin.action.refused", locale, ex.getMessage()));
		}
		return "redirect:/admin/lots/" + id;
	}

	private LotAdminView lot(long id) {
		return this.catalog.adminLot(id).orElseThrow(AdminLotController::notFound);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lot");
	}

}
