package com.gavel.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Form login for people, HTTP Basic for API clients. CSRF tokens protect every form; the JSON API
 * is exempt because it only accepts {@code application/json}, which a cross-site form cannot send
 * and a cross-site script cannot send without a CORS preflight that Gavel never grants.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.requestMatchers("/my/**").authenticated()
			.anyRequest().permitAll())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		// Sign-in throttling joins this chain from account/SignInThrottling, a Customizer<HttpSecurity> bean.
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
