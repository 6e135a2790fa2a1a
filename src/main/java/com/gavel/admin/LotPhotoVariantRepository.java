package com.gavel.admin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LotPhotoVariantRepository extends JpaRepository<LotPhotoVariant, Long> {

	/** A variant without its bytes, for building pages. */
	interface Info {

		long getPhotoId();

		String getKind();

		int getWidth();

		int getHeight();

		String getHash();

	}

	List<Info> findByPhotoIdIn(Collection<Long> photoIds);

	/** The variant of a photo of that lot, bytes included, for serving it. */
	@Query("select v from LotPhotoVariant v, LotPhoto p where v.photoId = p.id and p.id = :photoId and p.lotId = :lotId and v.kind = :kind")
	Optional<LotPhotoVariant> find(@Param("lotId") long lotId, @Param("photoId") long photoId,
			@Param("kind") String kind);

	/** The first photo (lowest id) that has variants, of each of these lots. */
	@Query("select min(p.id) from LotPhoto p where p.lotId in :lotIds and exists (select v.id from LotPhotoVariant v where v.photoId = p.id) group by p.lotId")
	List<Long> firstPhotos(@Param("lotIds") Collection<Long> lotIds);

	@Modifying
	@Query("delete from LotPhotoVariant v where v.photoId = :photoId")
	void deleteByPhoto(@Param("photoId") long photoId);

}
