package com.gavel.admin;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LotCategoryRepository extends JpaRepository<LotCategory, Long> {

	List<LotCategory> findByLotIdIn(Collection<Long> lotIds);

	@Query("select distinct c.name from LotCategory c order by c.name")
	List<String> names();

}
