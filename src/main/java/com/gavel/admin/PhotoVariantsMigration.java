package com.gavel.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Migration 14.1: gives the photos stored before V14 their variants, once per database, with the
 * same {@link PhotoVariants} an upload uses. Done here rather than on a photo's first request so
 * that afterwards every photo a page may show has its variants (their sizes and hashes, which
 * the pages put in the markup) and no GET ever writes, nor do two nodes race to make the same
 * variant. Flyway runs it in one transaction under its own lock, one photo in memory at a time.
 * <p>
 * A photo that cannot be decoded keeps no variants: the public pages leave it out and the admin
 * page still lists it, to be removed. Plain JDBC, so it runs unchanged on H2 and PostgreSQL. A
 * Spring bean (Spring Boot hands such beans to Flyway), which works in the packaged jar as well.
 */
@Component
class PhotoVariantsMigration implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(PhotoVariantsMigration.class);

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("14.1");
	}

	@Override
	public String getDescription() {
		return "photo variants for earlier photos";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		int made = 0;
		for (long photoId : photosWithoutVariants(connection)) {
			try {
				for (PhotoVariants.Variant variant : PhotoVariants.of(original(connection, photoId))) {
					insert(connection, photoId, variant);
				}
				made++;
			}
			catch (PhotoVariants.UnusableException ex) {
				log.warn("Photo {} cannot be decoded ({}): the public pages will not show it; remove it on the admin "
						+ "lot page", photoId, ex.getMessage());
			}
		}
		if (made > 0) {
			log.info("Made the thumbnail and display sizes of {} earlier photos", made);
		}
	}

	private static List<Long> photosWithoutVariants(Connection connection) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("select p.id from lot_photo p where not exists "
				+ "(select 1 from lot_photo_variant v where v.photo_id = p.id) order by p.id");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private static byte[] original(Connection connection, long photoId) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("select data from lot_photo where id = ?")) {
			select.setLong(1, photoId);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getBytes(1);
			}
		}
	}

	private static void insert(Connection connection, long photoId, PhotoVariants.Variant variant)
			throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into lot_photo_variant (photo_id, kind, content_type, width, height, size_bytes, "
					+ "hash, data) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setLong(1, photoId);
			insert.setString(2, variant.kind().code());
			insert.setString(3, variant.contentType());
			insert.setInt(4, variant.width());
			insert.setInt(5, variant.height());
			insert.setInt(6, variant.data().length);
			insert.setString(7, variant.hash());
			insert.setBytes(8, variant.data());
			insert.executeUpdate();
		}
	}

}
