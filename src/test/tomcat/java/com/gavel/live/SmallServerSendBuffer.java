package com.gavel.live;

import org.apache.catalina.connector.Connector;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Tomcat's part of the slow-consumer tests: a 2 KiB socket send buffer, so that a watcher that
 * stops reading fills it after a few frames instead of megabytes.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallServerSendBuffer {

	@Bean
	TomcatConnectorCustomizer smallSendBuffer() {
		return (Connector connector) -> connector.setProperty("socket.txBufSize", "2048");
	}

}
