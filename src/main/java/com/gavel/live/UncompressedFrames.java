package com.gavel.live;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides a handshake's WebSocket extension offers from the container, so no extension is agreed
 * and frames go out plain. Browsers offer permessage-deflate, which would compress every frame
 * again for every socket (an event is encoded once for all its watchers) and keep a compressor
 * per socket: about 160 KiB of memory per browser socket on Tomcat, 130 KiB on Jetty
 * (docs/performance.md, "Container comparison"). Spring's handshake cannot refuse the offer
 * itself: with the standard upgrade the container agrees extensions on its own.
 */
class UncompressedFrames extends OncePerRequestFilter {

	static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter((request.getHeader(EXTENSIONS) != null) ? new WithoutOffers(request) : request, response);
	}

	private static final class WithoutOffers extends HttpServletRequestWrapper {

		WithoutOffers(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !EXTENSIONS.equalsIgnoreCase(name))
				.toList());
		}

	}

}
