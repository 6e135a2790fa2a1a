package com.gavel.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	boolean existsByEmailIgnoreCase(String email);

	boolean existsByRole(Role role);

	List<User> findAllByOrderByUsernameAsc();

	/** What a signed-in user may do, read on each of their requests: two columns, no entity. */
	Optional<Standing> findStandingById(long id);

	record Standing(Role role, boolean banned) {
	}

}
