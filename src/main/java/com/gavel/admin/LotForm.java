package com.gavel.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.validation.constraints.DecimalMax;
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
 * The lot editor's fields. Amounts are in major units of the currency; times are wall-clock times
 * in {@link #getZone() zone}, the admin's own time zone (the form's {@code datetime-local} inputs
 * carry none: the server renders them in UTC and the page's script moves them into the browser's
 * zone and says which, so without the script they stay UTC, and say so); soft-close windows are in
 * minutes (decimals allowed: 1.5 is 90 seconds). Rules that involve two fields are
 * {@link LotFormValidator}'s.
 */
public class LotForm {

	/** The longest soft-close window or extension, in minutes (a day). */
	static final int MAX_MINUTES = 1440;

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

	@NotNull(message = "{admin.lot.error.minutes}")
	@DecimalMin(value = "0", message = "{admin.lot.error.minutes}")
	@DecimalMax(value = "" + MAX_MINUTES, message = "{admin.lot.error.minutes}")
	@Digits(integer = 4, fraction = 2, message = "{admin.lot.error.minutes}")
	private BigDecimal softCloseWindowMinutes;

	@NotNull(message = "{admin.lot.error.minutes}")
	@DecimalMin(value = "0", message = "{admin.lot.error.minutes}")
	@DecimalMax(value = "" + MAX_MINUTES, message = "{admin.lot.error.minutes}")
	@Digits(integer = 4, fraction = 2, message = "{admin.lot.error.minutes}")
	private BigDecimal softCloseExtensionMinutes;

	/** The time zone the form's times are in: an IANA name such as {@code Europe/Lisbon}. */
	private String zone = FormZone.UTC;

	@Min(value = 0, message = "{admin.lot.error.cap}")
	@Max(value = 1000, message = "{admin.lot.error.cap}")
	private Integer maxExtensions;

	/** On a new lot: schedule it at once, so it opens by itself at its start. */
	private boolean schedule;

	/** A blank form for a new lot: starts now, runs a week, the house's soft close. */
	static LotForm blank(Instant now, Duration window, Duration extension) {
		LotForm form = new LotForm();
		LocalDateTime start = form.zone().minute(now);
		form.startsAt = start;
		form.endsAt = start.plusDays(7);
		form.softCloseWindowMinutes = minutes(window);
		form.softCloseExtensionMinutes = minutes(extension);
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
		form.startsAt = form.zone().minute(terms.startsAt());
		form.endsAt = form.zone().minute(terms.endsAt());
		form.hardStopAt = form.zone().minute(terms.hardStopAt());
		form.softCloseWindowMinutes = minutes(terms.softCloseWindow());
		form.softCloseExtensionMinutes = minutes(terms.softCloseExtension());
		form.maxExtensions = terms.maxExtensions();
		return form;
	}

	/**
	 * The terms this form describes. A time or window the admin left as the form showed it (to
	 * the minute, to two decimals of a minute) keeps its exact stored value, so saving an
	 * untouched field never moves it by seconds.
	 * @param current the lot's terms before the edit, or {@code null} for a new lot
	 */
	LotSpec toSpec(LotSpec current) {
		String code = this.currency.trim();
		return new LotSpec(this.title.trim(), this.description == null ? "" : this.description.trim(), code,
				Money.toMinor(this.startPrice, code), minor(this.reservePrice, code), minor(this.buyNowPrice, code),
				zone().keep(current == null ? null : current.startsAt(), this.startsAt),
				zone().keep(current == null ? null : current.endsAt(), this.endsAt),
				zone().keep(current == null ? null : current.hardStopAt(), this.hardStopAt),
				keep(current == null ? null : current.softCloseWindow(), this.softCloseWindowMinutes),
				keep(current == null ? null : current.softCloseExtension(), this.softCloseExtensionMinutes),
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
		this.softCloseWindowMinutes = shown.softCloseWindowMinutes;
		this.softCloseExtensionMinutes = shown.softCloseExtensionMinutes;
		this.maxExtensions = shown.maxExtensions;
		this.zone = shown.zone;
	}

	/** Whether {@link #getZone()} names a time zone this server knows. */
	boolean zoneKnown() {
		return zone().known();
	}

	/** The instant a time of this form means, in its zone (UTC if the zone is not one we know). */
	Instant instant(LocalDateTime local) {
		return zone().instant(local);
	}

	private FormZone zone() {
		return FormZone.of(this.zone);
	}

	private static Duration keep(Duration current, BigDecimal submitted) {
		if (current != null && submitted.compareTo(minutes(current)) == 0) {
			return current;
		}
		BigDecimal seconds = submitted.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP);
		return Duration.ofSeconds(seconds.longValueExact());
	}

	/** A window in minutes as the form shows it: 120 s is 2, 90 s is 1.5, 10 s is 0.17. */
	static BigDecimal minutes(Duration duration) {
		BigDecimal minutes = BigDecimal.valueOf(duration.toSeconds())
			.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		return (minutes.signum() == 0) ? BigDecimal.ZERO : minutes.stripTrailingZeros();
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

	public BigDecimal getSoftCloseWindowMinutes() {
		return this.softCloseWindowMinutes;
	}

	public void setSoftCloseWindowMinutes(BigDecimal softCloseWindowMinutes) {
		this.softCloseWindowMinutes = softCloseWindowMinutes;
	}

	public BigDecimal getSoftCloseExtensionMinutes() {
		return this.softCloseExtensionMinutes;
	}

	public void setSoftCloseExtensionMinutes(BigDecimal softCloseExtensionMinutes) {
		this.softCloseExtensionMinutes = softCloseExtensionMinutes;
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(String zone) {
		this.zone = FormZone.of(zone).name();
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
