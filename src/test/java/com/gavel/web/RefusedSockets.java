package com.gavel.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Plays a proxy that refuses WebSocket upgrades, for the browsers that carry the cookie
 * {@value #COOKIE}{@code =yes}: their {@code /ws} handshakes are answered 403, everyone else's
 * sockets open as usual. Part of every page test's context ({@link WebSpringBootTest}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RefusedSockets {

	static final String COOKIE = "refuse-websocket";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> refuseSocketUpgrades() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade")) && refused(request)) {
							response.sendError(HttpServletResponse.SC_FORBIDDEN, "upgrades refused by the test proxy");
							return;
						}
						chain.doFilter(request, response);
					}

				});
		registration.addUrlPatterns("/ws");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static boolean refused(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && "yes".equals(cookie.getValue())) {
				return true;
			}
		}
		return false;
	}

}
