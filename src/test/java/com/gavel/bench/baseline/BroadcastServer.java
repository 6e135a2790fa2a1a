package com.gavel.bench.baseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The benchmark's ceiling: the same stack as Gavel (Spring Boot, the same embedded server with
 * the same connection settings, Spring's WebSocket support) with one handler that re-sends every
 * text message it receives to every open session, and nothing else: no database, no security, no
 * per-socket queues of its own. Sessions are wrapped in Spring's
 * {@link ConcurrentWebSocketSessionDecorator}, the standard way to let several threads send to one
 * session; a session whose unsent data passes 1 MiB, or that takes 30 s for one send, is closed.
 * Its auto-configurations are listed in {@code META-INF/spring/<this class>.imports}: the
 * embedded server's is whichever of Tomcat's and Jetty's is on the class path.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration
@EnableWebSocket
public class BroadcastServer implements WebSocketConfigurer {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BroadcastServer.class);
		app.setDefaultProperties(Map.of("spring.config.name", "baseline", "server.tomcat.max-connections", "30000",
				"server.tomcat.accept-count", "1000", "server.tomcat.threads.max", "200",
				"server.jetty.max-connections", "30000", "server.jetty.threads.max", "200"));
		app.run(args);
	}

	private final Broadcaster broadcaster = new Broadcaster();

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.broadcaster, "/ws").setAllowedOriginPatterns("*");
	}

	static class Broadcaster extends TextWebSocketHandler {

		private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.sessions.put(session.getId(), new ConcurrentWebSocketSessionDecorator(session, 30_000, 1 << 20));
		}

		@Override
		protected void handleTextMessage(WebSocketSession from, TextMessage message) {
			for (WebSocketSession session : this.sessions.values()) {
				try {
					session.sendMessage(message);
				}
				catch (Exception ex) {
					this.sessions.remove(session.getId());
				}
			}
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			this.sessions.remove(session.getId());
		}

	}

}
