package com.gavel.config;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for CSRF tokens on the JSON API: a request that changes something under {@code /api}
 * (POST, PUT, PATCH, DELETE) must say {@code Content-Type: application/json}, with a body or
 * without. A cross-site form cannot send that type, and a cross-site script cannot send it without
 * a CORS preflight that Gavel never grants; so a signed-in admin's cookie alone never pauses a lot.
 * A browser that says the request is cross-site ({@code Sec-Fetch-Site}) is refused as well. Both
 * refusals happen before sign-in and before any controller, so they change nothing.
 */
final class ApiWriteGuard extends OncePerRequestFilter {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** What a browser says about where a request came from; programs send no such header. */
	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	private final RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private final JsonMapper json;

	ApiWriteGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WRITES.contains(request.getMethod()) || !this.api.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !OWN_SITE.contains(site)) {
			refuse(request, response, HttpStatus.FORBIDDEN, "cross-site",
					"The API does not take changes sent from another site's page.");
			return;
		}
		if (!isJson(request.getContentType())) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "json-required",
					"Requests that change something under /api must be sent with Content-Type: application/json, "
							+ "even when they have no body.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String reason,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("reason", reason);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

}
