package com.gavel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's fixed buffers per connection, sized for many mostly idle live sockets. By default
 * Tomcat gives every connection 8 KiB to read the socket and 8 KiB to write it, and every
 * WebSocket 8 KiB each for frame input, frame output and text encoding: about 40 KiB of heap per
 * socket before anything is sent. Gavel's client messages are a few hundred bytes and its event
 * frames about 500; a larger frame (a snapshot, a batch) is written in several parts.
 * docs/performance.md ("Container comparison") has the measurements.
 *
 * @param socketRead Tomcat's {@code socket.appReadBufSize}: the read buffer of every connection
 * @param socketWrite Tomcat's {@code socket.appWriteBufSize}: the write buffer of every connection
 * @param webSocket the frame input, output and encoder buffers of every WebSocket (Tomcat's
 * system property {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE}, which wins if it is
 * set)
 */
@ConfigurationProperties("gavel.tomcat.buffers")
record TomcatBuffers(@DefaultValue("1KB") DataSize socketRead, @DefaultValue("1KB") DataSize socketWrite,
		@DefaultValue("1KB") DataSize webSocket) {
}
