package com.gavel.account;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the {@link SignInThrottle} into Spring Security: its filter joins the security filter
 * chain (Spring Security applies every {@code Customizer<HttpSecurity>} bean to it) ahead of the
 * form login and HTTP Basic filters, and the outcome of every password check is reported to it
 * from Spring Security's authentication events.
 */
@Configuration(proxyBeanMethods = false)
class SignInThrottling {

	private final SignInThrottle throttle;

	SignInThrottling(SignInThrottle throttle, MeterRegistry meters) {
		this.throttle = throttle;
		Gauge.builder("gavel.signin.tracked", throttle, SignInThrottle::trackedUsernames)
			.description("Usernames and client addresses remembered for sign-in throttling")
			.tag("kind", "username")
			.register(meters);
		Gauge.builder("gavel.signin.tracked", throttle, SignInThrottle::trackedAddresses)
			.description("Usernames and client addresses remembered for sign-in throttling")
			.tag("kind", "address")
			.register(meters);
	}

	@Bean
	Customizer<HttpSecurity> signInThrottleFilter(MessageSource messages, JsonMapper json, MeterRegistry meters) {
		// Not a bean itself: a Filter bean would also be registered with the servlet container.
		SignInThrottleFilter filter = new SignInThrottleFilter(this.throttle, messages, json, meters);
		return (http) -> http.addFilterBefore(filter, UsernamePasswordAuthenticationFilter.class);
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Authentication attempt = event.getAuthentication();
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		this.throttle.failed(attempt.getName(), address);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName());
	}

}
