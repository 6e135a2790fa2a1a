package com.gavel.config;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.apache.tomcat.websocket.server.WsServerContainer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Closes (1008) the sockets opened with a session that was signed out of. Tomcat notes the HTTP
 * session of every signed-in socket at its handshake, but hears of the end of a session only from
 * its own session manager, which Spring Session replaces; so it is told here.
 */
@Component
class SignedOutSockets {

	private final ServletContext servletContext;

	SignedOutSockets(ServletContext servletContext) {
		this.servletContext = servletContext;
	}

	@EventListener
	void on(SessionSignedOut signedOut) {
		if (this.servletContext.getAttribute(ServerContainer.class.getName()) instanceof WsServerContainer tomcat) {
			tomcat.handleHttpSessionKeyUnbound(signedOut.sessionId());
		}
	}

}
