package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.gavel.auction.IncrementSteps;
import com.gavel.auction.IncrementTable;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleSpec;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The sale editor's fields. Times are in {@link #getZone() zone}, the admin's own time zone, as on
 * the lot editor ({@link FormZone}); the interval in seconds; percentages and the increment bands as typed,
 * read exactly by {@link #toSpec}, which also checks what spans fields.
 */
public class SaleForm {

	@NotBlank(message = "{admin.sale.error.title}")
	@Size(max = 200, message = "{admin.sale.error.titleLength}")
	private String title;

	@Size(max = 4000, message = "{admin.sale.error.textLength}")
	private String description = "";

	@NotBlank(message = "{admin.lot.error.currency}")
	@Pattern(regexp = "[A-Z]{3}", message = "{admin.lot.error.currency}")
	private String currency = "EUR";

	@NotNull(message = "{admin.sale.error.startsAt}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime startsAt;

	@NotNull(message = "{admin.sale.error.firstLotEndsAt}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime firstLotEndsAt;

	@NotNull(message = "{admin.sale.error.interval}")
	@Min(value = 1, message = "{admin.sale.error.interval}")
	@Max(value = 86400, message = "{admin.sale.error.interval}")
	private Integer intervalSeconds = 60;

	private boolean groupSoftClose;

	/** {@code TIMED} or {@code LIVE}. */
	@NotNull(message = "{admin.sale.error.kind}")
	private SaleKind kind = SaleKind.TIMED;

	@Size(max = 12, message = "{admin.sale.error.percent}")
	private String buyersPremium = "0";

	@Size(max = 12, message = "{admin.sale.error.percent}")
	private String tax = "0";

	@Size(max = 2000, message = "{admin.sale.error.increments}")
	private String increments = "";

	@Size(max = 4000, message = "{admin.sale.error.textLength}")
	private String paymentText = "";

	@Size(max = 4000, message = "{admin.sale.error.textLength}")
	private String collectionText = "";

	/** The time zone the form's times are in: an IANA name such as {@code Europe/Lisbon}. */
	private String zone = FormZone.UTC;

	/** A blank form for a new sale: starts in an hour, the first lot ends a week later, one lot a minute. */
	static SaleForm blank(Instant now) {
		SaleForm form = new SaleForm();
		LocalDateTime start = form.zone().minute(now).truncatedTo(ChronoUnit.HOURS).plusHours(1);
		form.startsAt = start;
		form.firstLotEndsAt = start.plusDays(7);
		return form;
	}

	/** The form showing a sale as it stands. */
	static SaleForm of(SaleSpec spec) {
		SaleForm form = new SaleForm();
		form.title = spec.title();
		form.description = spec.description();
		form.currency = spec.currency();
		form.startsAt = form.zone().minute(spec.startsAt());
		form.firstLotEndsAt = form.zone().minute(spec.firstLotEndsAt());
		form.intervalSeconds = (int) spec.interval().toSeconds();
		form.groupSoftClose = spec.groupSoftClose();
		form.kind = spec.kind();
		form.buyersPremium = SaleSpec.percentText(spec.buyersPremium());
		form.tax = SaleSpec.percentText(spec.taxRate());
		form.increments = spec.increments() == null ? "" : IncrementSteps.lines(spec.increments());
		form.paymentText = spec.paymentText();
		form.collectionText = spec.collectionText();
		return form;
	}

	/**
	 * The sale this form describes, or {@code null} with the problems in {@code errors}. A time
	 * left as the form showed it (to the minute) keeps its exact stored value.
	 * @param current the sale before the edit, or {@code null} for a new one
	 */
	SaleSpec toSpec(SaleSpec current, Errors errors) {
		String code = this.currency == null ? "" : this.currency.strip();
		FormCurrency.check(code, errors);
		BigDecimal premium = percent("buyersPremium", this.buyersPremium, errors);
		BigDecimal taxRate = percent("tax", this.tax, errors);
		List<IncrementTable.Step> steps = null;
		if (this.increments != null && !this.increments.isBlank() && !errors.hasFieldErrors("increments")) {
			try {
				steps = IncrementSteps.parseLines(this.increments);
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("increments", "admin.sale.error.bands", new Object[] { ex.getMessage() }, null);
			}
		}
		if (!zone().known()) {
			errors.reject("admin.lot.error.zone", new Object[] { this.zone }, null);
		}
		Instant start = zone().keep(current == null ? null : current.startsAt(), this.startsAt);
		Instant firstEnd = zone().keep(current == null ? null : current.firstLotEndsAt(), this.firstLotEndsAt);
		if (start != null && firstEnd != null && !firstEnd.isAfter(start)) {
			errors.rejectValue("firstLotEndsAt", "admin.sale.error.endBeforeStart");
		}
		if (errors.hasErrors()) {
			return null;
		}
		try {
			return new SaleSpec(this.title, this.description, code, this.kind, start, firstEnd,
					Duration.ofSeconds(this.intervalSeconds), this.groupSoftClose, premium, taxRate, steps,
					this.paymentText, this.collectionText);
		}
		catch (IllegalArgumentException ex) {
			errors.reject("admin.sale.error.refused", new Object[] { ex.getMessage() }, null);
			return null;
		}
	}

	private static BigDecimal percent(String field, String text, Errors errors) {
		if (errors.hasFieldErrors(field)) {
			return null;
		}
		try {
			BigDecimal value = SaleSpec.parsePercent(text, field);
			if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new IllegalArgumentException();
			}
			return value;
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue(field, "admin.sale.error.percent");
			return null;
		}
	}

	private FormZone zone() {
		return FormZone.of(this.zone);
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(String zone) {
		this.zone = FormZone.of(zone).name();
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public LocalDateTime getStartsAt() {
		return this.startsAt;
	}

	public void setStartsAt(LocalDateTime startsAt) {
		this.startsAt = startsAt;
	}

	public LocalDateTime getFirstLotEndsAt() {
		return this.firstLotEndsAt;
	}

	public void setFirstLotEndsAt(LocalDateTime firstLotEndsAt) {
		this.firstLotEndsAt = firstLotEndsAt;
	}

	public Integer getIntervalSeconds() {
		return this.intervalSeconds;
	}

	public void setIntervalSeconds(Integer intervalSeconds) {
		this.intervalSeconds = intervalSeconds;
	}

	public SaleKind getKind() {
		return this.kind;
	}

	public void setKind(SaleKind kind) {
		this.kind = kind;
	}

	public boolean isGroupSoftClose() {
		return this.groupSoftClose;
	}

	public void setGroupSoftClose(boolean groupSoftClose) {
		this.groupSoftClose = groupSoftClose;
	}

	public String getBuyersPremium() {
		return this.buyersPremium;
	}

	public void setBuyersPremium(String buyersPremium) {
		this.buyersPremium = buyersPremium;
	}

	public String getTax() {
		return this.tax;
	}

	public void setTax(String tax) {
		this.tax = tax;
	}

	public String getIncrements() {
		return this.increments;
	}

	public void setIncrements(String increments) {
		this.increments = increments;
	}

	public String getPaymentText() {
		return this.paymentText;
	}

	public void setPaymentText(String paymentText) {
		this.paymentText = paymentText;
	}

	public String getCollectionText() {
		return this.collectionText;
	}

	public void setCollectionText(String collectionText) {
		this.collectionText = collectionText;
	}

}
