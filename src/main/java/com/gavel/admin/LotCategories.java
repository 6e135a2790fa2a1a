package com.gavel.admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category each lot is shown under ("Clocks & watches"), free text an admin types, one per
 * lot or none. It is how a lot is shown and found, not a term of the sale: bidders' events and
 * the engine know nothing of it, so an admin may change it at any time before the lot is over.
 */
@Service
public class LotCategories {

	/** The longest category name, in characters. */
	static final int MAX_LENGTH = 40;

	private static final int IDS_PER_QUERY = 500;

	private final LotCategoryRepository categories;

	private final AuditLog audit;

	LotCategories(LotCategoryRepository categories, AuditLog audit) {
		this.categories = categories;
		this.audit = audit;
	}

	/** A name that is too long. */
	static final class TooLongException extends RuntimeException {

		TooLongException() {
			super("a category has at most " + MAX_LENGTH + " characters");
		}

	}

	/** The lot's category, if it has one. */
	@Transactional(readOnly = true)
	public Optional<String> of(long lotId) {
		return this.categories.findById(lotId).map(LotCategory::getName);
	}

	/** The categories of those of these lots that have one, by lot id. */
	@Transactional(readOnly = true)
	public Map<Long, String> of(Collection<Long> lotIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(lotIds));
		Map<Long, String> names = new HashMap<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			this.categories.findByLotIdIn(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
				.forEach((c) -> names.put(c.getLotId(), c.getName()));
		}
		return names;
	}

	/** Every category some lot has, drafts' included, in alphabetical order: for the admin's suggestions. */
	@Transactional(readOnly = true)
	public List<String> names() {
		return this.categories.names();
	}

	/**
	 * Puts a lot in a category (blank: in none) and notes it in the audit log.
	 * @throws TooLongException when the name is longer than {@link #MAX_LENGTH}
	 */
	@Transactional
	void set(GavelUser admin, long lotId, String name) {
		String clean = place(lotId, name);
		this.audit.record(admin, Via.PAGE, AuditAction.CATEGORY_SET, Subject.lot(lotId),
				clean == null ? "no category" : clean, null);
	}

	/** Puts one of the house's own (demo) lots in a category; nobody did it, so no audit entry. */
	@Transactional
	public void setForHouse(long lotId, String name) {
		place(lotId, name);
	}

	private String place(long lotId, String name) {
		String clean = clean(name);
		Optional<LotCategory> current = this.categories.findById(lotId);
		if (clean == null) {
			current.ifPresent(this.categories::delete);
		}
		else if (current.isPresent()) {
			current.get().rename(clean);
		}
		else {
			this.categories.save(new LotCategory(lotId, clean));
		}
		return clean;
	}

	/** Spaces collapsed, control characters gone, {@code null} when blank. */
	static String clean(String name) {
		if (name == null) {
			return null;
		}
		String text = name.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_LENGTH) {
			throw new TooLongException();
		}
		return text;
	}

}
