package com.gavel.admin;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The photo form sends its CSRF token in the URL (Spring Security's advice for multipart forms).
 * Spring Security reads it with {@code getParameter}, which makes the server parse the whole
 * multipart body first; for an upload over the server's limit Tomcat then fails the request
 * right there, with a bare 413, before the lot page could say what was wrong. This filter, ahead
 * of Spring Security and only for photo uploads (a lot's, and a sale's photos and CSV import), answers {@code getParameter("_csrf")} from the
 * query string alone (when the token is there), so the body is parsed later by Spring MVC, whose
 * size error the admin pages turn into a clear message ({@link AdminUploadErrors}).
 */
@Configuration(proxyBeanMethods = false)
class PhotoUploadCsrf {

	/** A lot's photo form, and a sale's photo and import forms (admin/sale.html). */
	private static final Pattern PHOTO_UPLOAD = Pattern.compile("/admin/lots/\\d+/photos|/admin/sales/\\d+/(photos|import)");

	private static final String TOKEN = "_csrf";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> photoUploadCsrfFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new TokenFromQuery());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.addUrlPatterns("/admin/lots/*", "/admin/sales/*");
		return registration;
	}

	static final class TokenFromQuery extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String type = request.getContentType();
			return !"POST".equals(request.getMethod()) || type == null
					|| !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
					|| !PHOTO_UPLOAD.matcher(request.getRequestURI()).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String token = fromQuery(request.getQueryString());
			if (token == null) {
				chain.doFilter(request, response);
				return;
			}
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public String getParameter(String name) {
					return TOKEN.equals(name) ? token : super.getParameter(name);
				}
			}, response);
		}

		static String fromQuery(String query) {
			if (query == null) {
				return null;
			}
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0 && TOKEN.equals(pair.substring(0, eq))) {
					return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
			}
			return null;
		}

	}

}
