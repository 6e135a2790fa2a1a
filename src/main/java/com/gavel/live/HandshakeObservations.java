package com.gavel.live;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Leaves WebSocket handshakes out of the request observations ({@code http.server.requests} and
 * Spring Security's filter chains). A socket is not a request: on Jetty the handshake's request
 * lives as long as its socket, and so would its observations, about 4 KiB of heap per socket
 * (docs/performance.md, "Container comparison"), with every open socket counted as an active
 * request.
 */
class HandshakeObservations implements ObservationPredicate {

	@Override
	public boolean test(String name, Observation.Context context) {
		HttpServletRequest request = (context instanceof ServerRequestObservationContext server) ? server.getCarrier()
				: currentRequest();
		return request == null || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
	}

	/** The request this thread serves, if any: the security filter chain runs inside Spring's request scope. */
	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
