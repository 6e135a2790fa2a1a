package com.gavel.account;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import com.gavel.account.SignInThrottle.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Puts every sign-in attempt (the login form's POST, or HTTP Basic credentials) to the
 * {@link SignInThrottle} before Spring Security checks its password. A refused attempt never
 * reaches the password check, so while refused a right and a wrong password get the same answer:
 * the login page says how long to wait, an API client gets 429 with {@code Retry-After}.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

	private final RequestMatcher loginForm = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	private final SignInThrottle throttle;

	private final MessageSource messages;

	private final JsonMapper json;

	private final MeterRegistry meters;

	SignInThrottleFilter(SignInThrottle throttle, MessageSource messages, JsonMapper json, MeterRegistry meters) {
		this.throttle = throttle;
		this.messages = messages;
		this.json = json;
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = this.loginForm.matches(request);
		String username = form ? Optional.ofNullable(request.getParameter("username")).orElse("")
				: basicUsername(request);
		if (username == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Optional<Refusal> refusal = this.throttle.begin(username, address);
		if (refusal.isPresent()) {
			refuse(refusal.get(), form, request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.throttle.end(username, address);
		}
	}

	/** The username of Basic credentials that Spring Security is about to check, or null. */
	private String basicUsername(HttpServletRequest request) {
		UsernamePasswordAuthenticationToken credentials;
		try {
			credentials = this.basic.convert(request);
		}
		catch (AuthenticationException ex) {
			// A malformed header: BasicAuthenticationFilter answers it without checking a password.
			return null;
		}
		if (credentials == null) {
			return null;
		}
		String username = credentials.getName();
		Authentication current = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		boolean alreadySignedIn = current != null && current.isAuthenticated()
				&& !(current instanceof AnonymousAuthenticationToken) && username.equals(current.getName());
		return alreadySignedIn ? null : username;
	}

	private void refuse(Refusal refusal, boolean form, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Counter.builder("gavel.signin.throttled")
			.description("Sign-in attempts refused without checking their password")
			.tag("limit", refusal.limit().name().toLowerCase(Locale.ROOT))
			.tag("via", form ? "form" : "basic")
			.register(this.meters)
			.increment();
		long seconds = refusal.seconds();
		if (form) {
			this.redirect.sendRedirect(request, response,
					"/login?throttled=" + seconds + ReturnPath.carriedOn(request, "&"));
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				this.messages.getMessage(Refusal.message(seconds), request.getLocale()));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("reason", "sign-in-throttled");
		problem.setProperty("retryAfter", seconds);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

}
