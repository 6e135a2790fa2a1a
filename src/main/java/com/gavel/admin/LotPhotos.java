package com.gavel.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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
 * Photos of lots: uploaded by admins with their size and type checked, kept in the database,
 * served to everyone once the lot is public. The type is decided by the file's first bytes, not
 * by its name or the type the browser claimed, and only JPEG, PNG and WebP images are taken. Each
 * photo gets its resized variants ({@link PhotoVariants}) in the same transaction as it is
 * stored, so a photo that pages can show always has them, and one that cannot be decoded is
 * refused at upload rather than found broken later.
 */
@Service
public class LotPhotos {

	/** The largest photo taken, in bytes. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The most photos one lot may have. */
	static final int MAX_PER_LOT = 12;

	/** The longest alt text, in characters. */
	static final int MAX_ALT = 300;

	/** Lot ids asked about in one query, well under every database's limit on parameters. */
	private static final int IDS_PER_QUERY = 500;

	private final LotPhotoRepository photos;

	private final LotPhotoVariantRepository variants;

	private final AuditLog audit;

	private final Clock clock;

	LotPhotos(LotPhotoRepository photos, LotPhotoVariantRepository variants, AuditLog audit, Clock clock) {
		this.photos = photos;
		this.variants = variants;
		this.audit = audit;
		this.clock = clock;
	}

	/** Why an upload was refused, as a key of admin-messages.properties. */
	static final class RefusedException extends RuntimeException {

		private final String messageKey;

		RefusedException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

	/** An image a page can show: its URL (without the context path) and its size in pixels. */
	public record Image(String url, int width, int height) {
	}

	/** A photo of a lot as the admin pages list it; {@code thumb} is {@code null} for one without variants. */
	public record Photo(long id, long lotId, String contentType, int sizeBytes, String originalName, String alt,
			Image thumb) {
	}

	/**
	 * A photo as the public pages show it.
	 * @param alt the admin's alt text, {@code null} when they left it blank (pages then use the lot's title)
	 */
	public record Picture(long id, long lotId, String alt, Image thumb, Image display) {
	}

	/** The photos of a lot, in the order they were added: for admins. */
	@Transactional(readOnly = true)
	public List<Photo> of(long lotId) {
		List<LotPhotoRepository.Info> infos = this.photos.findByLotIdOrderByIdAsc(lotId);
		Map<Long, Map<String, LotPhotoVariantRepository.Info>> sizes = variantsOf(
				infos.stream().map(LotPhotoRepository.Info::getId).toList());
		return infos.stream().map((p) -> {
			LotPhotoVariantRepository.Info thumb = sizes.getOrDefault(p.getId(), Map.of())
				.get(PhotoVariants.Kind.THUMB.code());
			return new Photo(p.getId(), p.getLotId(), p.getContentType(), p.getSizeBytes(), p.getOriginalName(),
					p.getAltText(), thumb == null ? null : image("/admin", p.getLotId(), thumb));
		}).toList();
	}

	/** The photos of a lot that pages can show, in the order they were added. */
	@Transactional(readOnly = true)
	public List<Picture> pictures(long lotId) {
		return pictures(this.photos.findByLotIdOrderByIdAsc(lotId));
	}

	/** The first photo of each of these lots that has one, by lot id: for lot cards. */
	@Transactional(readOnly = true)
	public Map<Long, Picture> covers(Collection<Long> lotIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(lotIds));
		Map<Long, Picture> covers = new HashMap<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<Long> firsts = this.variants.firstPhotos(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
			if (!firsts.isEmpty()) {
				pictures(this.photos.findByIdIn(firsts)).forEach((p) -> covers.put(p.lotId(), p));
			}
		}
		return covers;
	}

	/**
	 * Stores a photo for a lot, with its variants, and notes it in the audit log.
	 * @throws RefusedException when the file is empty, too big, not an image Gavel takes, cannot be
	 * decoded, or the lot has as many photos as it may; or the alt text is too long
	 */
	@Transactional
	Photo add(GavelUser admin, long lotId, byte[] data, String originalName, String alt) {
		Photo photo = store(lotId, data, originalName, alt, admin.id());
		this.audit.record(admin, Via.PAGE, AuditAction.PHOTO_ADDED, Subject.lot(lotId),
				"photo " + photo.id() + (photo.originalName() == null ? "" : " (" + photo.originalName() + ")") + ", "
						+ photo.contentType() + ", " + photo.sizeBytes() + " bytes",
				null);
		return photo;
	}

	/**
	 * Stores a photo the house itself puts up (the demo house's), with its variants. Nobody
	 * uploaded it, so it has no uploader and no audit entry, like the demo's lots.
	 * @throws RefusedException as {@link #add} does
	 */
	@Transactional
	public void addForHouse(long lotId, byte[] data, String name, String alt) {
		store(lotId, data, name, alt, null);
	}

	private Photo store(long lotId, byte[] data, String originalName, String alt, Long uploadedBy) {
		if (data == null || data.length == 0) {
			throw new RefusedException("admin.photos.error.empty");
		}
		if (data.length > MAX_BYTES) {
			throw new RefusedException("admin.photos.error.tooBig");
		}
		String type = imageType(data).orElseThrow(() -> new RefusedException("admin.photos.error.type"));
		String altText = cleanAlt(alt);
		if (this.photos.countByLotId(lotId) >= MAX_PER_LOT) {
			throw new RefusedException("admin.photos.error.tooMany");
		}
		List<PhotoVariants.Variant> made;
		try {
			made = PhotoVariants.of(data);
		}
		catch (PhotoVariants.UnusableException ex) {
			throw new RefusedException(ex.messageKey());
		}
		String name = originalName == null ? null : clean(originalName);
		LotPhoto photo = this.photos
			.save(new LotPhoto(lotId, type, data, name, altText, this.clock.instant(), uploadedBy));
		made.forEach((variant) -> this.variants.save(new LotPhotoVariant(photo.getId(), variant)));
		PhotoVariants.Variant thumb = made.get(PhotoVariants.Kind.THUMB.ordinal());
		return new Photo(photo.getId(), lotId, type, data.length, name, altText, new Image(
				url("/admin", lotId, photo.getId(), thumb.kind().code(), thumb.hash()), thumb.width(), thumb.height()));
	}

	/**
	 * Sets the alt text of a photo (blank: the lot's title is used) and notes it in the audit log.
	 * @return whether the lot has that photo
	 * @throws RefusedException when the text is too long
	 */
	@Transactional
	boolean describe(GavelUser admin, long lotId, long photoId, String alt) {
		String altText = cleanAlt(alt);
		Optional<LotPhoto> photo = this.photos.findById(photoId).filter((p) -> p.getLotId() == lotId);
		if (photo.isEmpty()) {
			return false;
		}
		photo.get().describe(altText);
		this.audit.record(admin, Via.PAGE, AuditAction.PHOTO_DESCRIBED, Subject.lot(lotId),
				"photo " + photoId + ": " + (altText == null ? "(the lot's title)" : altText), null);
		return true;
	}

	@Transactional
	boolean remove(GavelUser admin, long lotId, long photoId) {
		Optional<LotPhoto> photo = this.photos.findById(photoId).filter((p) -> p.getLotId() == lotId);
		if (photo.isEmpty()) {
			return false;
		}
		this.variants.deleteByPhoto(photoId);
		this.photos.delete(photo.get());
		this.audit.record(admin, Via.PAGE, AuditAction.PHOTO_REMOVED, Subject.lot(lotId), "photo " + photoId, null);
		return true;
	}

	/** The photo's type and bytes, if the lot has it. */
	@Transactional(readOnly = true)
	Optional<LotPhoto> load(long lotId, long photoId) {
		return this.photos.findById(photoId).filter((p) -> p.getLotId() == lotId);
	}

	/** One variant ({@code thumb} or {@code display}) of a photo, bytes included, if the lot has it. */
	@Transactional(readOnly = true)
	Optional<LotPhotoVariant> variant(long lotId, long photoId, String kind) {
		return this.variants.find(lotId, photoId, kind);
	}

	private List<Picture> pictures(List<LotPhotoRepository.Info> infos) {
		Map<Long, Map<String, LotPhotoVariantRepository.Info>> sizes = variantsOf(
				infos.stream().map(LotPhotoRepository.Info::getId).toList());
		List<Picture> pictures = new ArrayList<>();
		for (LotPhotoRepository.Info p : infos.stream().sorted(Comparator.comparing(LotPhotoRepository.Info::getId)).toList()) {
			Map<String, LotPhotoVariantRepository.Info> of = sizes.getOrDefault(p.getId(), Map.of());
			LotPhotoVariantRepository.Info thumb = of.get(PhotoVariants.Kind.THUMB.code());
			LotPhotoVariantRepository.Info display = of.get(PhotoVariants.Kind.DISPLAY.code());
			if (thumb != null && display != null) {
				pictures.add(new Picture(p.getId(), p.getLotId(), p.getAltText(), image("", p.getLotId(), thumb),
						image("", p.getLotId(), display)));
			}
		}
		return pictures;
	}

	private Map<Long, Map<String, LotPhotoVariantRepository.Info>> variantsOf(List<Long> photoIds) {
		if (photoIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<String, LotPhotoVariantRepository.Info>> sizes = new HashMap<>();
		for (LotPhotoVariantRepository.Info v : this.variants.findByPhotoIdIn(photoIds)) {
			sizes.computeIfAbsent(v.getPhotoId(), (id) -> new HashMap<>()).put(v.getKind(), v);
		}
		return sizes;
	}

	private static Image image(String prefix, long lotId, LotPhotoVariantRepository.Info v) {
		return new Image(url(prefix, lotId, v.getPhotoId(), v.getKind(), v.getHash()), v.getWidth(), v.getHeight());
	}

	/**
	 * A variant's URL. The start of its hash makes it change whenever the bytes do, so it can be
	 * cached for good (LotPhotoController).
	 */
	static String url(String prefix, long lotId, long photoId, String kind, String hash) {
		return prefix + "/lots/" + lotId + "/photos/" + photoId + "/" + kind + "-" + urlHash(hash) + ".jpg";
	}

	/** The part of a variant's hash that its URL carries. */
	static String urlHash(String hash) {
		return hash.substring(0, 16);
	}

	/** Alt text fit to store: no control characters, spaces collapsed, {@code null} when blank. */
	static String cleanAlt(String alt) {
		if (alt == null) {
			return null;
		}
		String text = alt.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_ALT) {
			throw new RefusedException("admin.photos.error.altLength");
		}
		return text;
	}

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** {@code image/jpeg}, {@code image/png} or {@code image/webp} from the file's signature. */
	static Optional<String> imageType(byte[] data) {
		if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
			return Optional.of("image/jpeg");
		}
		if (data.length >= PNG.length && Arrays.equals(Arrays.copyOf(data, PNG.length), PNG)) {
			return Optional.of("image/png");
		}
		if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W'
				&& data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	/** A file name fit to show: no path, no control characters, at most 255 characters. */
	static String clean(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
		if (base.isEmpty()) {
			return null;
		}
		return base.length() > 255 ? base.substring(0, 255) : base;
	}

}
