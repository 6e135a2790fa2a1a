package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.gavel.auction.LotSpec;
import com.gavel.auction.Money;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The lot editor's fields. Amounts are in major units of the currency, times are UTC (the form's
 * {@code datetime-local} inputs carry no zone, so the page says so), soft-close times in seconds.
 * Rules that involve two fields are {@link LotFormValidator}'s.
 */
public class LotForm {

	static final ZoneOffset ZONE = ZoneOffset.UTC;

	@NotBlank(message = "{admin.lot.error.title}")
	@Size(max = 200, message = "{admin.lot.error.titleLength}")
	private String title;

	@Size(max = 4000, message = "{admin.lot.error.descriptionLength}")
	private String description = "";

	@NotBlank(message = "{admin.lot.error.currency}")
	@Pattern(regexp = "[A-Z]{3}", message = "{admin.lot.error.currency}")
	private String currency = "EUR";

	@NotNull(message = "{admin.lot.error.startPrice}")
	@DecimalMin(value = "0", inclusive = false, message = "{admin.lot.error.positive}")
	@Digits(integer = 12, fraction = 3, message = "{admin.lot.error.amount}")
	private BigDecimal startPrice;

	@DecimalMin(value = "0", inclusive = false, message = "{admin.lot.error.positive}")
	@Digits(integer = 12, fraction = 3, message = "{admin.lot.error.amount}")
	private BigDecimal reservePrice;

	@DecimalMin(value = "0", inclusive = false, message = "{admin.lot.error.positive}")
	@Digits(integer = 12, fraction = 3, message = "{admin.lot.error.amount}")
	private BigDecimal buyNowPrice;

	@NotNull(message = "{admin.lot.error.startsAt}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime startsAt;

	@NotNull(message = "{admin.lot.error.endsAt}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime endsAt;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime hardStopAt;

	@NotNull(message = "{admin.lot.error.seconds}")
	@Min(value = 0, message = "{admin.lot.error.seconds}")
	@Max(value = 86400, message = "{admin.lot.error.seconds}")
	private Integer softCloseWindowSeconds;

	@NotNull(message = "{admin.lot.error.seconds}")
	@Min(value = 0, message = "{admin.lot.error.seconds}")
	@Max(value = 86400, message = "{admin.lot.error.seconds}")
	private Integer softCloseExtensionSeconds;

	@Min(value = 0, message = "{admin.lot.error.cap}")
	@Max(value = 1000, message = "{admin.lot.error.cap}")
	private Integer maxExtensions;

	/** On a new lot: schedule it at once, so it opens by itself at its start. */
	private boolean schedule;

	/** A blank form for a new lot: starts now, runs a week, the house's soft close. */
	static LotForm blank(Instant now, Duration window, Duration extension) {
		LotForm form = new LotForm();
		LocalDateTime start = local(now).truncatedTo(ChronoUnit.MINUTES);
		form.startsAt = start;
		form.endsAt = start.plusDays(7);
		form.softCloseWindowSeconds = (int) window.toSeconds();
		form.softCloseExtensionSeconds = (int) extension.toSeconds();
		return form;
	}

	/** The form showing a lot's terms as they stand. */
	static LotForm of(LotSpec terms) {
		LotForm form = new LotForm();
		form.title = terms.title();
		form.description = terms.description();
		form.currency = terms.currency();
		form.startPrice = Money.toMajor(terms.startPrice(), terms.currency());
		form.reservePrice = major(terms.reservePrice(), terms.currency());
		form.buyNowPrice = major(terms.buyNowPrice(), terms.currency());
		form.startsAt = minute(terms.startsAt());
		form.endsAt = minute(terms.endsAt());
		form.hardStopAt = minute(terms.hardStopAt());
		form.softCloseWindowSeconds = (int) terms.softCloseWindow().toSeconds();
		form.softCloseExtensionSeconds = (int) terms.softCloseExtension().toSeconds();
		form.maxExtensions = terms.maxExtensions();
		return form;
	}

	/**
	 * The terms this form describes. A time the admin left as the form showed it (to the minute)
	 * keeps its exact stored value, so saving an untouched field never moves it by seconds.
	 * @param current the lot's terms before the edit, or {@code null} for a new lot
	 */
	LotSpec toSpec(LotSpec current) {
		String code = this.currency.trim();
		return new LotSpec(this.title.trim(), this.description == null ? "" : this.description.trim(), code,
				Money.toMinor(this.startPrice, code), minor(this.reservePrice, code), minor(this.buyNowPrice, code),
				keep(current == null ? null : current.startsAt(), this.startsAt),
				keep(current == null ? null : current.endsAt(), this.endsAt),
				keep(current == null ? null : current.hardStopAt(), this.hardStopAt),
				Duration.ofSeconds(this.softCloseWindowSeconds), Duration.ofSeconds(this.softCloseExtensionSeconds),
				this.maxExtensions);
	}

	/**
	 * The title and description from this form on top of the lot's other terms: what an edit of an
	 * open lot may change.
	 */
	LotSpec textOnto(LotSpec current) {
		return new LotSpec(this.title.trim(), this.description == null ? "" : this.description.trim(),
				current.currency(), current.startPrice(), current.reservePrice(), current.buyNowPrice(),
				current.startsAt(), current.endsAt(), current.hardStopAt(), current.softCloseWindow(),
				current.softCloseExtension(), current.maxExtensions());
	}

	/** Shows the lot's terms in the form again (an open lot's terms are not the admin's to change). */
	void copyTerms(LotSpec terms) {
		LotForm shown = of(terms);
		this.currency = shown.currency;
		this.startPrice = shown.startPrice;
		this.reservePrice = shown.reservePrice;
		this.buyNowPrice = shown.buyNowPrice;
		this.startsAt = shown.startsAt;
		this.endsAt = shown.endsAt;
		this.hardStopAt = shown.hardStopAt;
		this.softCloseWindowSeconds = shown.softCloseWindowSeconds;
		this.softCloseExtensionSeconds = shown.softCloseExtensionSeconds;
		this.maxExtensions = shown.maxExtensions;
	}

	static Instant instant(LocalDateTime local) {
		return local == null ? null : local.toInstant(ZONE);
	}

	private static Instant keep(Instant current, LocalDateTime submitted) {
		if (submitted == null) {
			return null;
		}
		if (current != null && submitted.equals(minute(current))) {
			return current;
		}
		return instant(submitted);
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZONE);
	}

	private static LocalDateTime minute(Instant instant) {
		return instant == null ? null : local(instant).truncatedTo(ChronoUnit.MINUTES);
	}

	private static BigDecimal major(Long minor, String currency) {
		return minor == null ? null : Money.toMajor(minor, currency);
	}

	private static Long minor(BigDecimal major, String currency) {
		return major == null ? null : Money.toMinor(major, currency);
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
		this.currency = currency == null ? null : currency.trim().toUpperCase(java.util.Locale.ROOT);
	}

	public BigDecimal getStartPrice() {
		return this.startPrice;
	}

	public void setStartPrice(BigDecimal startPrice) {
		this.startPrice = startPrice;
	}

	public BigDecimal getReservePrice() {
		return this.reservePrice;
	}

	public void setReservePrice(BigDecimal reservePrice) {
		this.reservePrice = reservePrice;
	}

	public BigDecimal getBuyNowPrice() {
		return this.buyNowPrice;
	}

	public void setBuyNowPrice(BigDecimal buyNowPrice) {
		this.buyNowPrice = buyNowPrice;
	}

	public LocalDateTime getStartsAt() {
		return this.startsAt;
	}

	public void setStartsAt(LocalDateTime startsAt) {
		this.startsAt = startsAt;
	}

	public LocalDateTime getEndsAt() {
		return this.endsAt;
	}

	public void setEndsAt(LocalDateTime endsAt) {
		this.endsAt = endsAt;
	}

	public LocalDateTime getHardStopAt() {
		return this.hardStopAt;
	}

	public void setHardStopAt(LocalDateTime hardStopAt) {
		this.hardStopAt = hardStopAt;
	}

	public Integer getSoftCloseWindowSeconds() {
		return this.softCloseWindowSeconds;
	}

	public void setSoftCloseWindowSeconds(Integer softCloseWindowSeconds) {
		this.softCloseWindowSeconds = softCloseWindowSeconds;
	}

	public Integer getSoftCloseExtensionSeconds() {
		return this.softCloseExtensionSeconds;
	}

	public void setSoftCloseExtensionSeconds(Integer softCloseExtensionSeconds) {
		this.softCloseExtensionSeconds = softCloseExtensionSeconds;
	}

	public Integer getMaxExtensions() {
		return this.maxExtensions;
	}

	public void setMaxExtensions(Integer maxExtensions) {
		this.maxExtensions = maxExtensions;
	}

	public boolean isSchedule() {
		return this.schedule;
	}

	public void setSchedule(boolean schedule) {
		this.schedule = schedule;
	}

}
