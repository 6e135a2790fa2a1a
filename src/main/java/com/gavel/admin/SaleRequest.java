package com.gavel.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.gavel.auction.IncrementSteps;
import com.gavel.auction.SaleDetails;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleSpec;

/**
 * A sale as an admin sends it over the API: percentages and increment bands as decimal text,
 * {@code increments} absent (or empty) for the house table of the currency.
 */
record SaleRequest(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
		@Pattern(regexp = "timed|live", message = "is timed or live") String kind, @NotNull Instant startsAt,
		@NotNull Instant firstLotEndsAt, @NotNull @Min(1) @Max(86400) Integer intervalSeconds, boolean groupSoftClose,
		@Size(max = 12) String buyersPremium, @Size(max = 12) String tax, @Size(max = 40) List<SaleDetails.Band> increments,
		@Size(max = 4000) String paymentText, @Size(max = 4000) String collectionText) {

	SaleSpec toSpec() {
		List<com.gavel.auction.IncrementTable.Step> steps = null;
		if (this.increments != null && !this.increments.isEmpty()) {
			steps = IncrementSteps.parseLines(this.increments.stream()
				.map((b) -> String.valueOf(b.from()).strip() + " " + String.valueOf(b.increment()).strip())
				.collect(Collectors.joining("\n")));
		}
		SaleKind saleKind = this.kind == null ? SaleKind.TIMED : SaleKind.valueOf(this.kind.toUpperCase(Locale.ROOT));
		return new SaleSpec(this.title, this.description, this.currency, saleKind, this.startsAt, this.firstLotEndsAt,
				Duration.ofSeconds(this.intervalSeconds), this.groupSoftClose,
				SaleSpec.parsePercent(this.buyersPremium, "buyer's premium"), SaleSpec.parsePercent(this.tax, "tax"),
				steps, this.paymentText, this.collectionText);
	}

}
