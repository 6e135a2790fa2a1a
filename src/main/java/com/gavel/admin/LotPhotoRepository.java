package com.gavel.admin;

import java.time.Instant;
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

	}

	List<Info> findByLotIdOrderByIdAsc(long lotId);

	long countByLotId(long lotId);

}
