package com.gavel.live;

import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Notes the client's address at the handshake, for the per-address socket cap. It is the
 * servlet request's remote address: the TCP peer's, or the one a proxy forwarded only when the
 * operator turned that on ({@code server.forward-headers-strategy}), so a client cannot pick its
 * own address with an {@code X-Forwarded-For} header.
 */
final class ClientAddressInterceptor implements HandshakeInterceptor {

	private static final String ATTRIBUTE = ClientAddressInterceptor.class.getName();

	/** The address noted for the socket, or {@code null} if there is none. */
	static String of(WebSocketSession socket) {
		return (String) socket.getAttributes().get(ATTRIBUTE);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String address = null;
		if (request instanceof ServletServerHttpRequest servlet) {
			address = servlet.getServletRequest().getRemoteAddr();
		}
		else {
			InetSocketAddress remote = request.getRemoteAddress();
			if (remote != null && remote.getAddress() != null) {
				address = remote.getAddress().getHostAddress();
			}
		}
		if (address != null) {
			attributes.put(ATTRIBUTE, address);
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
