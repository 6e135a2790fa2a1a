package com.gavel.admin;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One resized copy of a lot photo ({@link PhotoVariants}), stored beside the original. */
@Entity
@Table(name = "lot_photo_variant")
class LotPhotoVariant {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long photoId;

	private String kind;

	private String contentType;

	private int width;

	private int height;

	private int sizeBytes;

	private String hash;

	private byte[] data;

	protected LotPhotoVariant() {
	}

	LotPhotoVariant(long photoId, PhotoVariants.Variant variant) {
		this.photoId = photoId;
		this.kind = variant.kind().code();
		this.contentType = variant.contentType();
		this.width = variant.width();
		this.height = variant.height();
		this.data = variant.data();
		this.sizeBytes = variant.data().length;
		this.hash = variant.hash();
	}

	long getPhotoId() {
		return this.photoId;
	}

	String getKind() {
		return this.kind;
	}

	String getContentType() {
		return this.contentType;
	}

	String getHash() {
		return this.hash;
	}

	byte[] getData() {
		return this.data;
	}

}
