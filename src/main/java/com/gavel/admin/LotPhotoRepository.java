package com.gavel.admin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LotPhotoRepository extends JpaRepository<LotPhoto, Long> {

	/** A photo without its bytes, for lists. */
	interface Info {

		Long getId();

		long getLotId();

		String getContentType();

		int getSizeBytes();

		String getOriginalName();

		Instant getUploadedAt();

		String getAltText();

	}

	List<Info> findByLotIdOrderByIdAsc(long lotId);

	List<Info> findByIdIn(Collection<Long> ids);

	long countByLotId(long lotId);

}
