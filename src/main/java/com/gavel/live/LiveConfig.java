package com.gavel.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Wires {@code /ws}. Without configured origins Spring accepts only the application's own origin
 * (and clients that send none), so a foreign page cannot open a socket with a visitor's cookies.
 * The handshake notes the client's address for the per-address cap.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfig implements WebSocketConfigurer {

	private final LiveHandler handler;

	private final LiveProperties properties;

	LiveConfig(LiveHandler handler, LiveProperties properties) {
		this.handler = handler;
		this.properties = properties;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// The standard (Jakarta WebSocket) upgrade on every container: the handler and the outbox
		// use its session and asynchronous remote, which Spring's Jetty-native upgrade would not give.
		DefaultHandshakeHandler handshake = new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy());
		handshake.setSupportedProtocols(LiveHandler.PROTOCOL);
		WebSocketHandlerRegistration registration = registry.addHandler(this.handler, "/ws")
			.setHandshakeHandler(handshake)
			.addInterceptors(new ClientAddressInterceptor());
		if (!this.properties.allowedOrigins().isEmpty()) {
			registration.setAllowedOrigins(this.properties.allowedOrigins().toArray(String[]::new));
		}
	}

	@Bean
	FilterRegistrationBean<UncompressedFrames> uncompressedFrames() {
		FilterRegistrationBean<UncompressedFrames> registration = new FilterRegistrationBean<>(new UncompressedFrames());
		registration.addUrlPatterns("/ws");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	HandshakeObservations handshakeObservations() {
		return new HandshakeObservations();
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(this.properties.maxMessageBytes());
		container.setMaxBinaryMessageBufferSize(this.properties.maxMessageBytes());
		container.setAsyncSendTimeout(this.properties.sendTimeout().toMillis());
		// Idle sockets are closed by LiveHousekeeping after gavel.live.idle-timeout, with its reason;
		// the container must not close them sooner (Jetty's own default is 30 s, Tomcat has none).
		container.setMaxSessionIdleTimeout(0L);
		return container;
	}

}
