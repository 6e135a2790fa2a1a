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
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Form login for people, HTTP Basic for API clients. CSRF tokens protect every form; the JSON API
 * is exempt because {@link ApiWriteGuard} lets a write through only as {@code application/json},
 * which a cross-site form cannot send and a cross-site script cannot send without a CORS preflight
 * that Gavel never grants. Every response carries a Content-Security-Policy that allows scripts,
 * styles, images and sockets from Gavel itself only, so injected markup cannot run.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/**
	 * No inline script or style anywhere (pages hand data to scripts in data-* attributes and
	 * {@code <script type="application/json">} blocks, which are never executed). 'self' in
	 * connect-src covers the same host's ws: and wss: sockets.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.requestMatchers("/my/**").authenticated()
			.anyRequest().permitAll())
			// Where a sign-in lands, and a failed one returns to: account/SignInFlow.
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"))
			.addFilterBefore(new ApiWriteGuard(json), CsrfFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
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
