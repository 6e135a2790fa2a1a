package com.gavel.admin;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRepository extends JpaRepository<AuditEntry, Long> {

	Page<AuditEntry> findAllByOrderByIdDesc(Pageable pageable);

	List<AuditEntry> findByLotIdOrderByIdDesc(long lotId);

	List<AuditEntry> findAllByOrderByIdAsc();

}
