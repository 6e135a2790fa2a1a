package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.gavel.auction.LotSpec;
import com.gavel.auction.Money;

/**
 * A new lot as an admin submits it: decimal amounts in major units, soft-close times in seconds
 * (absent means the house default).
 */
record LotRequest(@NotBlank @Size(max = 200) String title, @NotNull @Size(max = 4000) String description,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
		@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal startPrice,
		@DecimalMin(value = "0", inclusive = false) BigDecimal reservePrice,
		@DecimalMin(value = "0", inclusive = false) BigDecimal buyNowPrice, @NotNull Instant startsAt,
		@NotNull Instant endsAt, Instant hardStopAt, @Min(0) Integer softCloseWindowSeconds,
		@Min(0) Integer softCloseExtensionSeconds, @Min(0) Integer maxExtensions) {

	LotSpec toSpec(Duration defaultWindow, Duration defaultExtension) {
		java.util.Currency.getInstance(this.currency);
		return new LotSpec(this.title.trim(), this.description, this.currency,
				Money.toMinor(this.startPrice, this.currency), minor(this.reservePrice), minor(this.buyNowPrice),
				this.startsAt, this.endsAt, this.hardStopAt,
				this.softCloseWindowSeconds == null ? defaultWindow : Duration.ofSeconds(this.softCloseWindowSeconds),
				this.softCloseExtensionSeconds == null ? defaultExtension
						: Duration.ofSeconds(this.softCloseExtensionSeconds),
				this.maxExtensions);
	}

	private Long minor(BigDecimal amount) {
		return amount == null ? null : Money.toMinor(amount, this.currency);
	}

}
