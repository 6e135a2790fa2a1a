package com.gavel.admin;

import java.util.Currency;

import org.springframework.validation.Errors;

/**
 * The currency an admin form names, checked the same way on the lot and the sale editor: the
 * pattern (three capitals) is Bean Validation's, whether such a currency exists is this class's.
 */
final class FormCurrency {

	private FormCurrency() {
	}

	/**
	 * The currency {@code code} names, or {@code null}: when there is no code or the field
	 * already has an error (nothing more to say), or when no such currency exists (then said in
	 * {@code errors} on the {@code currency} field).
	 */
	static Currency check(String code, Errors errors) {
		if (code == null || errors.hasFieldErrors("currency")) {
			return null;
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("currency", "admin.lot.error.currencyUnknown");
			return null;
		}
	}

}
