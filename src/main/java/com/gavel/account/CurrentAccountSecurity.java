package com.gavel.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Wires {@link CurrentAccountContextRepository} into Spring Security (every
 * {@code Customizer<HttpSecurity>} bean is applied to the filter chain): the same repositories as
 * Spring Security's default, with the session's sign-in brought up to date with the account.
 */
@Configuration(proxyBeanMethods = false)
class CurrentAccountSecurity {

	@Bean
	Customizer<HttpSecurity> currentAccountContexts(UserRepository users) {
		DelegatingSecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(),
				new CurrentAccountContextRepository(new HttpSessionSecurityContextRepository(), users));
		return (http) -> http.securityContext((context) -> context.securityContextRepository(contexts));
	}

}
