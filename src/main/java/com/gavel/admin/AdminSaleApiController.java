package com.gavel.admin;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.auction.Catalogue;
import com.gavel.auction.LotView;
import com.gavel.auction.Money;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleNotFoundException;
import com.gavel.auction.SaleSummary;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running sales over JSON: create and edit them, put lots in them (existing drafts, new lots, a CSV
 * import with the photos it names), number them, schedule, open and close them. Every change goes
 * into the audit log, like the same change on the admin pages.
 */
@RestController
@RequestMapping(path = "/api/admin/sales", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class AdminSaleApiController {

	private final AdminSaleActions actions;

	private final SaleCatalog catalog;

	private final SaleImport imports;

	private final SalePhotos inbox;

	private final MessageSource messages;

	AdminSaleApiController(AdminSaleActions actions, SaleCatalog catalog, SaleImport imports, SalePhotos inbox,
			MessageSource messages) {
		this.actions = actions;
		this.catalog = catalog;
		this.imports = imports;
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping
	List<SaleSummary> sales() {
		return this.catalog.allSales();
	}

	@GetMapping("/{id}")
	SaleDetails sale(@PathVariable long id) {
		return details(id);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SaleDetails> create(@Valid @RequestBody SaleRequest request, @AuthenticationPrincipal GavelUser admin) {
		long id = this.actions.create(admin, Via.API, request.toSpec());
		return ResponseEntity.status(HttpStatus.CREATED).body(details(id));
	}

	/** Replaces the sale's details and terms: all of them until it opens, then only its texts (409 otherwise). */
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	SaleDetails update(@PathVariable long id, @Valid @RequestBody SaleRequest request,
			@AuthenticationPrincipal GavelUser admin) {
		details(id);
		this.actions.amend(admin, Via.API, id, request.toSpec());
		return details(id);
	}

	/** A lot in a sale: its number and its estimate (decimal text in the sale's currency, both or neither). */
	record Entry(@NotNull Long lotId, @NotNull @Min(1) @Max(Catalogue.MAX_LOT_NUMBER) Integer lotNumber,
			@Size(max = 20) String estimateLow, @Size(max = 20) String estimateHigh) {
	}

	/** Puts a draft lot that is in no sale into this one. */
	@PostMapping(path = "/{id}/lots", consumes = MediaType.APPLICATION_JSON_VALUE)
	SaleDetails addLot(@PathVariable long id, @Valid @RequestBody Entry entry, @AuthenticationPrincipal GavelUser admin) {
		String currency = details(id).currency();
		this.actions.addLot(admin, Via.API, id, catalogue(entry, currency));
		return details(id);
	}

	record NewLot(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
			@NotNull @Min(1) @Max(Catalogue.MAX_LOT_NUMBER) Integer lotNumber, @NotBlank @Size(max = 20) String startPrice,
			@Size(max = 20) String reservePrice, @Size(max = 20) String buyNowPrice, @Size(max = 20) String estimateLow,
			@Size(max = 20) String estimateHigh) {
	}

	/** Creates a lot in the sale (a draft until the sale is scheduled; scheduled at once in a scheduled sale). */
	@PostMapping(path = "/{id}/lots/new", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SaleDetails> newLot(@PathVariable long id, @Valid @RequestBody NewLot lot,
			@AuthenticationPrincipal GavelUser admin) {
		String currency = details(id).currency();
		SaleLotSpec spec = new SaleLotSpec(lot.title(), lot.description(), amount(lot.startPrice(), currency),
				amount(lot.reservePrice(), currency), amount(lot.buyNowPrice(), currency), lot.lotNumber(),
				amount(lot.estimateLow(), currency), amount(lot.estimateHigh(), currency));
		this.actions.createLot(admin, Via.API, id, spec, currency);
		return ResponseEntity.status(HttpStatus.CREATED).body(details(id));
	}

	/** Takes a lot that is still a draft out of the sale. */
	@PostMapping("/{id}/lots/{lotId}/remove")
	SaleDetails removeLot(@PathVariable long id, @PathVariable long lotId, @AuthenticationPrincipal GavelUser admin) {
		details(id);
		this.actions.removeLot(admin, Via.API, id, lotId);
		return details(id);
	}

	/** New numbers and estimates for some of the sale's lots, all at once (swaps included). */
	@PutMapping(path = "/{id}/numbers", consumes = MediaType.APPLICATION_JSON_VALUE)
	SaleDetails renumber(@PathVariable long id, @Valid @RequestBody @Size(min = 1, max = 5000) List<@Valid Entry> entries,
			@AuthenticationPrincipal GavelUser admin) {
		String currency = details(id).currency();
		this.actions.recatalogue(admin, Via.API, id, entries.stream().map((e) -> catalogue(e, currency)).toList());
		return details(id);
	}

	@PostMapping("/{id}/schedule")
	SaleDetails schedule(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		details(id);
		this.actions.schedule(admin, Via.API, id);
		return details(id);
	}

	@PostMapping("/{id}/open")
	SaleDetails open(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		details(id);
		this.actions.openNow(admin, Via.API, id);
		return details(id);
	}

	@PostMapping("/{id}/close")
	SaleDetails close(@PathVariable long id, @AuthenticationPrincipal GavelUser admin) {
		details(id);
		this.actions.closeNow(admin, Via.API, id);
		return details(id);
	}

	/** A photo for the sale's imports: its file name and its bytes in base64. */
	record Photo(@NotBlank @Size(max = 255) String name, @NotBlank String data) {
	}

	@GetMapping("/{id}/photos")
	List<SalePhotos.Held> photos(@PathVariable long id) {
		details(id);
		return this.inbox.of(id);
	}

	@PostMapping(path = "/{id}/photos", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> addPhoto(@PathVariable long id, @Valid @RequestBody Photo photo,
			@AuthenticationPrincipal GavelUser admin) {
		details(id);
		byte[] data;
		try {
			data = Base64.getMimeDecoder().decode(photo.data());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("data must be the photo's bytes in base64");
		}
		try {
			this.inbox.add(admin, Via.API, id, photo.name(), data);
		}
		catch (LotPhotos.RefusedException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					this.messages.getMessage(ex.messageKey(), photoLimits(), ex.messageKey(), Locale.ENGLISH));
			problem.setProperty("reason", "photo-refused");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.inbox.of(id));
	}

	record Import(@NotNull String csv) {
	}

	/**
	 * One problem of a refused import, in the house's words. Serializable: the sale page gets the
	 * list through the flash attributes of the session, which Spring Session stores serialized.
	 */
	record Problem(int row, String column, String message) implements java.io.Serializable {
	}

	/**
	 * Imports the CSV's lots, all or none: {@code 200} with the lots made, or {@code 422} with
	 * every row's problems and nothing imported.
	 */
	@PostMapping(path = "/{id}/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> importCsv(@PathVariable long id, @Valid @RequestBody Import body,
			@AuthenticationPrincipal GavelUser admin) {
		details(id);
		try {
			List<LotView> lots = this.imports.importCsv(admin, Via.API, id, body.csv());
			return ResponseEntity.ok(Map.of("imported", lots.size(), "lotIds", lots.stream().map(LotView::id).toList()));
		}
		catch (SaleImport.RefusedException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"Nothing was imported: " + ex.errors().size() + (ex.errors().size() == 1 ? " problem" : " problems")
							+ " to fix first.");
			problem.setTitle("Import refused");
			problem.setProperty("reason", "import-refused");
			problem.setProperty("errors", ex.errors()
				.stream()
				.map((e) -> new Problem(e.row(), e.column(), e.text(this.messages, Locale.ENGLISH)))
				.toList());
			return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	private SaleDetails details(long id) {
		return this.catalog.adminSale(id).orElseThrow(() -> new SaleNotFoundException("no such sale"));
	}

	private static Catalogue catalogue(Entry entry, String currency) {
		return new Catalogue(entry.lotId(), entry.lotNumber(), amount(entry.estimateLow(), currency),
				amount(entry.estimateHigh(), currency));
	}

	/** Decimal text in the currency, {@code null} for none; bad text is a 400 (IllegalArgumentException). */
	static Long amount(String text, String currency) {
		if (text == null || text.isBlank()) {
			return null;
		}
		BigDecimal amount = Money.parse(text);
		return Money.toMinor(amount, currency);
	}

	static Object[] photoLimits() {
		return new Object[] { LotPhotos.MAX_BYTES / (1024 * 1024), LotPhotos.MAX_PER_LOT, PhotoVariants.MAX_PIXELS / 1_000_000,
				LotPhotos.MAX_ALT };
	}

}
