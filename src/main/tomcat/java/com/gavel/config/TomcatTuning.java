package com.gavel.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Tomcat's connections the buffers of {@link TomcatBuffers}. Compiled only into the Tomcat
 * build (pom.xml, {@code gavel.container}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TomcatBuffers.class)
class TomcatTuning {

	static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	@Bean
	TomcatConnectorCustomizer connectionBuffers(TomcatBuffers buffers) {
		return (connector) -> {
			connector.setProperty("socket.appReadBufSize", Long.toString(buffers.socketRead().toBytes()));
			connector.setProperty("socket.appWriteBufSize", Long.toString(buffers.socketWrite().toBytes()));
			// Tomcat reads this once, when its WebSocket support starts, after the connector is made.
			if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
				System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Long.toString(buffers.webSocket().toBytes()));
			}
		};
	}

}
