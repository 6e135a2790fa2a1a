package com.gavel.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.gavel.account.GavelUser;
import com.gavel.admin.AuditEntry.Via;
import com.gavel.admin.AuditLog.Subject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos waiting for a sale's CSV import ({@code sale_photo}): an admin uploads them by file name,
 * with the import or before it, and the import's {@code photos} column names them. Each is checked
 * as a lot photo is (type from its bytes, size, decodable) when it comes in, so an import never
 * finds one it cannot use; an import that succeeds gives the photos it used to its lots and drops
 * them from here. One that is refused leaves them, so the corrected file can be sent alone.
 */
@Service
class SalePhotos {

	/** Photos one sale may hold for imports at a time. */
	static final int MAX_PER_SALE = 500;

	/** A photo waiting, without its bytes. */
	record Held(String name, String contentType, int sizeBytes, Instant uploadedAt) {
	}

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	SalePhotos(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Held> of(long saleId) {
		return this.jdbc.query(
				"select name, content_type, size_bytes, uploaded_at from sale_photo where sale_id = ? order by name",
				(row, n) -> new Held(row.getString(1), row.getString(2), row.getInt(3),
						row.getTimestamp(4).toInstant()),
				saleId);
	}

	@Transactional(readOnly = true)
	Set<String> names(long saleId) {
		return new LinkedHashSet<>(
				this.jdbc.queryForList("select name from sale_photo where sale_id = ? order by name", String.class, saleId));
	}

	@Transactional(readOnly = true)
	Optional<byte[]> data(long saleId, String name) {
		return this.jdbc
			.query("select data from sale_photo where sale_id = ? and name = ?", (row, n) -> row.getBytes(1), saleId, name)
			.stream()
			.findFirst();
	}

	/**
	 * Keeps a photo for the sale's imports under its file name (without any folder), replacing
	 * one of the same name.
	 * @return the name it is kept under
	 * @throws LotPhotos.RefusedException when it is no photo a lot could have, or the sale holds as
	 * many as it may
	 */
	@Transactional
	String add(GavelUser admin, Via via, long saleId, String fileName, byte[] data) {
		String name = fileName == null ? null : LotPhotos.clean(fileName);
		if (name == null) {
			throw new LotPhotos.RefusedException("admin.sale.photos.error.name");
		}
		if (data == null || data.length == 0) {
			throw new LotPhotos.RefusedException("admin.photos.error.empty");
		}
		if (data.length > LotPhotos.MAX_BYTES) {
			throw new LotPhotos.RefusedException("admin.photos.error.tooBig");
		}
		String type = LotPhotos.imageType(data).orElseThrow(() -> new LotPhotos.RefusedException("admin.photos.error.type"));
		try {
			PhotoVariants.of(data);
		}
		catch (PhotoVariants.UnusableException ex) {
			throw new LotPhotos.RefusedException(ex.messageKey());
		}
		boolean replaced = this.jdbc.update("delete from sale_photo where sale_id = ? and name = ?", saleId, name) > 0;
		Integer held = this.jdbc.queryForObject("select count(*) from sale_photo where sale_id = ?", Integer.class, saleId);
		if (held != null && held >= MAX_PER_SALE) {
			throw new LotPhotos.RefusedException("admin.sale.photos.error.tooMany");
		}
		this.jdbc.update(
				"insert into sale_photo (sale_id, name, content_type, size_bytes, data, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?)",
				saleId, name, type, data.length, data, Timestamp.from(this.clock.instant()), admin.id());
		this.audit.record(admin, via, AuditAction.SALE_PHOTOS_CHANGED, Subject.none(), AdminSaleActions.sale(saleId)
				+ ": " + (replaced ? "replaced" : "added") + " photo " + name + ", " + type + ", " + data.length + " bytes",
				null);
		return name;
	}

	@Transactional
	boolean remove(GavelUser admin, Via via, long saleId, String name) {
		boolean removed = this.jdbc.update("delete from sale_photo where sale_id = ? and name = ?", saleId, name) > 0;
		if (removed) {
			this.audit.record(admin, via, AuditAction.SALE_PHOTOS_CHANGED, Subject.none(),
					AdminSaleActions.sale(saleId) + ": removed photo " + name, null);
		}
		return removed;
	}

	/** Drops photos an import gave to lots, in the import's transaction. */
	void used(long saleId, Set<String> names) {
		names.forEach((name) -> this.jdbc.update("delete from sale_photo where sale_id = ? and name = ?", saleId, name));
	}

}
