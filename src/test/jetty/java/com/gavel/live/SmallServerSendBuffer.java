package com.gavel.live;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Jetty's part of the slow-consumer tests: a 2 KiB socket send buffer, so that a watcher that
 * stops reading fills it after a few frames instead of megabytes.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallServerSendBuffer {

	@Bean
	JettyServerCustomizer smallSendBuffer() {
		return (Server server) -> {
			for (Connector connector : server.getConnectors()) {
				if (connector instanceof ServerConnector serverConnector) {
					serverConnector.setAcceptedSendBufferSize(2048);
				}
			}
		};
	}

}
