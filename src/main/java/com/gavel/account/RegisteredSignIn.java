package com.gavel.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in a bidder who has just registered, who proved their password by choosing it: the same
 * sign-in the login form makes, kept in the HTTP session (so in the database) by the filter chain's
 * own {@link SecurityContextRepository}. As the login form does, it gives the session a new id
 * (so an id planted before cannot ride on the sign-in) and a new CSRF token.
 */
@Component
class RegisteredSignIn {

	private final SecurityContextRepository contexts;

	private final GavelUserDetailsService users;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SessionAuthenticationStrategy session = new CompositeSessionAuthenticationStrategy(
			List.of(new ChangeSessionIdAuthenticationStrategy(),
					new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

	RegisteredSignIn(SecurityContextRepository contexts, GavelUserDetailsService users) {
		this.contexts = contexts;
		this.users = users;
	}

	void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		GavelUser user = (GavelUser) this.users.loadUserByUsername(account.username());
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		authentication.setDetails(new WebAuthenticationDetails(request));
		this.session.onAuthentication(authentication, request, response);
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
