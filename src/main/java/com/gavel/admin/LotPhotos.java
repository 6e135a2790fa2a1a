package com.gavel.admin;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of lots: uploaded by admins with their size and type checked, kept in the database,
 * served to everyone once the lot is public. The type is decided by the file's first bytes, not
 * by its name or the type the browser claimed, and only JPEG, PNG and WebP images are taken.
 */
@Service
public class LotPhotos {

	/** The largest photo taken, in bytes. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The most photos one lot may have. */
	static final int MAX_PER_LOT = 12;

	private final LotPhotoRepository photos;

	private final AuditLog audit;

	private final Clock clock;

	LotPhotos(LotPhotoRepository photos, AuditLog audit, Clock clock) {
		this.photos = photos;
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

	/** A photo of a lot, as pages link it. */
	public record Photo(long id, long lotId, String contentType, int sizeBytes, String originalName) {
	}

	/** The photos of a lot, in the order they were added. */
	@Transactional(readOnly = true)
	public List<Photo> of(long lotId) {
		return this.photos.findByLotIdOrderByIdAsc(lotId)
			.stream()
			.map((p) -> new Photo(p.getId(), p.getLotId(), p.getContentType(), p.getSizeBytes(), p.getOriginalName()))
			.toList();
	}

	/**
	 * Stores a photo for a lot and notes it in the audit log.
	 * @throws RefusedException when the file is empty, too big, not an image Gavel takes, or the lot
	 * has as many photos as it may
	 */
	@Transactional
	Photo add(GavelUser admin, long lotId, byte[] data, String originalName) {
		if (data == null || data.length == 0) {
			throw new RefusedException("admin.photos.error.empty");
		}
		if (data.length > MAX_BYTES) {
			throw new RefusedException("admin.photos.error.tooBig");
		}
		String type = imageType(data).orElseThrow(() -> new RefusedException("admin.photos.error.type"));
		if (this.photos.countByLotId(lotId) >= MAX_PER_LOT) {
			throw new RefusedException("admin.photos.error.tooMany");
		}
		String name = originalName == null ? null : clean(originalName);
		LotPhoto photo = this.photos.save(new LotPhoto(lotId, type, data, name, this.clock.instant(), admin.id()));
		this.audit.record(admin, Via.PAGE, AuditAction.PHOTO_ADDED, Subject.lot(lotId),
				"photo " + photo.getId() + (name == null ? "" : " (" + name + ")") + ", " + type + ", " + data.length
						+ " bytes",
				null);
		return new Photo(photo.getId(), lotId, type, data.length, name);
	}

	@Transactional
	boolean remove(GavelUser admin, long lotId, long photoId) {
		Optional<LotPhoto> photo = this.photos.findById(photoId).filter((p) -> p.getLotId() == lotId);
		if (photo.isEmpty()) {
			return false;
		}
		this.photos.delete(photo.get());
		this.audit.record(admin, Via.PAGE, AuditAction.PHOTO_REMOVED, Subject.lot(lotId), "photo " + photoId, null);
		return true;
	}

	/** The photo's type and bytes, if the lot has it. */
	@Transactional(readOnly = true)
	Optional<LotPhoto> load(long lotId, long photoId) {
		return this.photos.findById(photoId).filter((p) -> p.getLotId() == lotId);
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
