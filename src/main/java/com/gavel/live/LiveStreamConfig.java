package com.gavel.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** Wires the event streams' endpoint, {@code GET /api/lots/stream} ({@link LiveStreamServlet}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveStreamProperties.class)
class LiveStreamConfig {

	@Bean
	ServletRegistrationBean<LiveStreamServlet> liveStreamServlet(LiveStreams streams, LiveStreamProperties properties,
			JsonMapper json) {
		ServletRegistrationBean<LiveStreamServlet> registration = new ServletRegistrationBean<>(
				new LiveStreamServlet(streams, properties, json), LiveStreamServlet.PATH);
		registration.setName("liveStream");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

}
