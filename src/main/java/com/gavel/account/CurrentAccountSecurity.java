package com.gavel.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Wires {@link CurrentAccountContextRepository} into Spring Security (every
 * {@code Customizer<HttpSecurity>} bean is applied to the filter chain): the same repositories as
 * Spring Security's default, with the session's sign-in brought up to date with the account. The
 * repository is a bean too, so that {@link RegisteredSignIn} keeps a sign-in where the chain does.
 */
@Configuration(proxyBeanMethods = false)
class CurrentAccountSecurity {

	@Bean
	SecurityContextRepository securityContextRepository(UserRepository users) {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new CurrentAccountContextRepository(new HttpSessionSecurityContextRepository(), users));
	}

	@Bean
	Customizer<HttpSecurity> currentAccountContexts(SecurityContextRepository contexts) {
		return (http) -> http.securityContext((context) -> context.securityContextRepository(contexts));
	}

}
