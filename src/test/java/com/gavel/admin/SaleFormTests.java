package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleSpec;

import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The sale editor's times are the admin's own wall-clock times, in the zone the form gives, as on the lot editor. */
class SaleFormTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	@Test
	void timesAreReadInTheFormsZone() {
		SaleForm form = form("America/Sao_Paulo");
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "saleForm");

		SaleSpec spec = form.toSpec(null, errors);

		assertThat(errors.hasErrors()).as(errors.toString()).isFalse();
		assertThat(spec.startsAt()).isEqualTo(LocalDateTime.parse("2027-03-01T20:30").atZone(SAO_PAULO).toInstant());
		assertThat(spec.startsAt()).isEqualTo(Instant.parse("2027-03-01T23:30:00Z"));
		assertThat(spec.firstLotEndsAt()).isEqualTo(Instant.parse("2027-03-08T23:30:00Z"));
	}

	@Test
	void aSaleShownInAZoneAndSavedUntouchedKeepsItsExactTimes() {
		Instant start = Instant.parse("2027-03-01T23:30:17.250Z");
		SaleSpec stored = new SaleSpec("Spring sale", "", "EUR", SaleKind.TIMED, start,
				start.plusSeconds(7 * 86400), Duration.ofMinutes(1), false, BigDecimal.ZERO,
				BigDecimal.ZERO, null, "", "");
		SaleForm shown = SaleForm.of(stored);
		assertThat(shown.getStartsAt()).isEqualTo(LocalDateTime.parse("2027-03-01T23:30"));

		shown.setZone("America/Sao_Paulo");
		shown.setStartsAt(LocalDateTime.parse("2027-03-01T20:30"));
		shown.setFirstLotEndsAt(LocalDateTime.parse("2027-03-08T20:30"));
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(shown, "saleForm");

		SaleSpec saved = shown.toSpec(stored, errors);

		assertThat(saved.startsAt()).isEqualTo(start);
		assertThat(saved.firstLotEndsAt()).isEqualTo(stored.firstLotEndsAt());
	}

	@Test
	void aZoneTheServerDoesNotKnowIsRefused() {
		SaleForm form = form("Mars/Olympus_Mons");
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "saleForm");

		assertThat(form.toSpec(null, errors)).isNull();
		assertThat(errors.getGlobalErrors()).extracting((e) -> e.getCode()).containsExactly("admin.lot.error.zone");
	}

	private static SaleForm form(String zone) {
		SaleForm form = new SaleForm();
		form.setTitle("Spring sale");
		form.setDescription("");
		form.setCurrency("EUR");
		form.setZone(zone);
		form.setStartsAt(LocalDateTime.parse("2027-03-01T20:30"));
		form.setFirstLotEndsAt(LocalDateTime.parse("2027-03-08T20:30"));
		return form;
	}

}
