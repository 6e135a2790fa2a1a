package com.gavel.admin;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The category a lot is shown under ({@link LotCategories}). */
@Entity
@Table(name = "lot_category")
class LotCategory {

	@Id
	private Long lotId;

	private String name;

	protected LotCategory() {
	}

	LotCategory(long lotId, String name) {
		this.lotId = lotId;
		this.name = name;
	}

	long getLotId() {
		return this.lotId;
	}

	String getName() {
		return this.name;
	}

	void rename(String name) {
		this.name = name;
	}

}
