package com.gavel.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The time zone an admin form's {@code datetime-local} times are in: the admin's own, which the
 * page's script ({@code admin-zoned-times.js}) puts in the form's hidden {@code zone} field, or UTC
 * as the server renders them. An unknown zone counts as UTC here; the forms refuse it.
 */
record FormZone(String name) {

	static final String UTC = "UTC";

	static FormZone of(String name) {
		return new FormZone((name == null || name.isBlank()) ? UTC : name.strip());
	}

	boolean known() {
		try {
			ZoneId.of(this.name);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The instant a wall-clock time of the form means. */
	Instant instant(LocalDateTime local) {
		return local == null ? null : local.atZone(zoneId()).toInstant();
	}

	/** An instant as the form shows it: wall-clock time to the minute. */
	LocalDateTime minute(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, zoneId()).truncatedTo(ChronoUnit.MINUTES);
	}

	/** A time left as the form showed it (to the minute) keeps its exact stored value. */
	Instant keep(Instant current, LocalDateTime submitted) {
		if (submitted == null) {
			return null;
		}
		if (current != null && submitted.equals(minute(current))) {
			return current;
		}
		return instant(submitted);
	}

	private ZoneId zoneId() {
		return ZoneId.of(known() ? this.name : UTC);
	}

}
