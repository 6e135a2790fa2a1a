package com.gavel.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

import com.gavel.auction.Money;

import org.springframework.validation.Errors;

/**
 * The lot editor's rules that span fields or need the clock: a currency that exists, amounts
 * with no more decimals than the currency has, reserve and buy-now not below the start price, a
 * time zone that exists, an end after the start and in the future, a hard stop not before the end.
 * Bean Validation has checked each field on its own before this runs; a field that already has an
 * error is skipped.
 */
class LotFormValidator {

	/**
	 * @param termsLocked the lot is open, so only its title and description are checked
	 */
	void validate(LotForm form, Errors errors, Instant now, boolean termsLocked) {
		if (termsLocked) {
			return;
		}
		String currency = form.getCurrency();
		Currency known = FormCurrency.check(currency, errors);
		if (known != null) {
			int scale = Money.scale(known.getCurrencyCode());
			Object[] args = { currency, scale };
			checkScale(errors, "startPrice", form.getStartPrice(), scale, args);
			checkScale(errors, "reservePrice", form.getReservePrice(), scale, args);
			checkScale(errors, "buyNowPrice", form.getBuyNowPrice(), scale, args);
		}
		BigDecimal start = errors.hasFieldErrors("startPrice") ? null : form.getStartPrice();
		BigDecimal reserve = errors.hasFieldErrors("reservePrice") ? null : form.getReservePrice();
		if (start != null && reserve != null && reserve.compareTo(start) < 0) {
			errors.rejectValue("reservePrice", "admin.lot.error.reserveBelowStart");
		}
		BigDecimal buyNow = errors.hasFieldErrors("buyNowPrice") ? null : form.getBuyNowPrice();
		if (buyNow != null && start != null && buyNow.compareTo(start) < 0) {
			errors.rejectValue("buyNowPrice", "admin.lot.error.buyNowBelowStart");
		}
		else if (buyNow != null && reserve != null && buyNow.compareTo(reserve) < 0) {
			errors.rejectValue("buyNowPrice", "admin.lot.error.buyNowBelowReserve");
		}
		if (!form.zoneKnown()) {
			errors.reject("admin.lot.error.zone", new Object[] { form.getZone() }, null);
			return;
		}
		Instant startsAt = errors.hasFieldErrors("startsAt") ? null : form.instant(form.getStartsAt());
		Instant endsAt = errors.hasFieldErrors("endsAt") ? null : form.instant(form.getEndsAt());
		if (endsAt != null && !endsAt.isAfter(now)) {
			errors.rejectValue("endsAt", "admin.lot.error.endPassed");
		}
		else if (endsAt != null && startsAt != null && !endsAt.isAfter(startsAt)) {
			errors.rejectValue("endsAt", "admin.lot.error.endBeforeStart");
		}
		Instant hardStop = errors.hasFieldErrors("hardStopAt") ? null : form.instant(form.getHardStopAt());
		if (hardStop != null && endsAt != null && hardStop.isBefore(endsAt)) {
			errors.rejectValue("hardStopAt", "admin.lot.error.hardStopBeforeEnd");
		}
	}

	private static void checkScale(Errors errors, String field, BigDecimal amount, int scale, Object[] args) {
		if (amount != null && !errors.hasFieldErrors(field) && amount.stripTrailingZeros().scale() > scale) {
			errors.rejectValue(field, "admin.lot.error.decimals", args, null);
		}
	}

}
