package com.gavel.admin;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One photo of a lot: the image bytes as uploaded, with the type its first bytes showed and the
 * alt text an admin wrote for it. Its resized copies are {@link LotPhotoVariant}s.
 */
@Entity
@Table(name = "lot_photo")
class LotPhoto {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long lotId;

	private String contentType;

	private int sizeBytes;

	private String originalName;

	private byte[] data;

	private Instant uploadedAt;

	/** Who uploaded it; {@code null} for the demo house's own photos. */
	private Long uploadedBy;

	private String altText;

	protected LotPhoto() {
	}

	LotPhoto(long lotId, String contentType, byte[] data, String originalName, String altText, Instant uploadedAt,
			Long uploadedBy) {
		this.lotId = lotId;
		this.contentType = contentType;
		this.data = data;
		this.sizeBytes = data.length;
		this.originalName = originalName;
		this.altText = altText;
		this.uploadedAt = uploadedAt;
		this.uploadedBy = uploadedBy;
	}

	Long getId() {
		return this.id;
	}

	long getLotId() {
		return this.lotId;
	}

	String getContentType() {
		return this.contentType;
	}

	byte[] getData() {
		return this.data;
	}

	String getAltText() {
		return this.altText;
	}

	void describe(String altText) {
		this.altText = altText;
	}

}
