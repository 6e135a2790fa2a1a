package com.gavel.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Where the sign-in form sends people (every {@code Customizer<HttpSecurity>} bean is applied to
 * Spring Security's filter chain): on success as {@link SignInLanding} decides; on a wrong password
 * back to the form, which keeps the page it will return to.
 */
@Configuration(proxyBeanMethods = false)
class SignInFlow {

	@Bean
	Customizer<HttpSecurity> signInLanding() {
		RedirectStrategy redirect = new DefaultRedirectStrategy();
		AuthenticationFailureHandler failed = (request, response, exception) -> {
			redirect.sendRedirect(request, response, "/login?error" + ReturnPath.carriedOn(request, "&"));
		};
		return (http) -> http.formLogin((form) -> form.successHandler(new SignInLanding()).failureHandler(failed));
	}

}
