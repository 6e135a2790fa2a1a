package com.gavel.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class GavelUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	GavelUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		User user = this.users.findByUsernameIgnoreCase(username)
			.filter((u) -> u.getRole() != Role.FLOOR)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return new GavelUser(user.getId(), user.getUsername(), user.getPasswordHash(), user.getRole(), user.isBanned());
	}

}
