package com.gavel.live;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream whose reader takes nothing holds no thread and slows nobody down: it writes only what
 * its connection takes, what comes meanwhile waits in its bounded queue, and after
 * {@code send-timeout} without progress it is dropped. The server's socket send buffer is made
 * small here, so a reader that does not read fills it after a few messages instead of megabytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-stream-slow;DB_CLOSE_DELAY=-1",
				"gavel.live.stream.send-timeout=1s", "gavel.live.stream.queue-capacity=16" })
@Import(LiveStreamSlowReaderTests.SmallSendBuffers.class)
class LiveStreamSlowReaderTests extends LiveTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSendBuffers {

		@Bean
		TomcatConnectorCustomizer smallSendBuffers() {
			return (connector) -> connector.setProperty("socket.txBufSize", "4096");
		}

	}

	@Autowired
	LiveStreams streams;

	@Test
	void aReaderThatStopsReadingSlowsNobodyDownAndIsDropped() throws Exception {
		LotView lot = openLot();
		Account ada = bidder("ada");
		Account ben = bidder("ben");
		try (Socket stuck = new Socket();
				StreamTestClient reader = StreamTestClient.open(this.port, "lots=" + lot.id(), null)) {
			stuck.setReceiveBufferSize(1024);
			stuck.connect(new InetSocketAddress("localhost", this.port));
			OutputStream request = stuck.getOutputStream();
			request.write(("GET /api/lots/stream?lots=" + lot.id() + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			request.flush();
			awaitTrue("both streams are open", () -> this.streams.count() == 2);
			long seq = reader.next("snapshot").data().path("lot").path("sequence").asLong();

			// Far more than the stuck reader's connection and queue hold. The reading one is given
			// each batch before the next (fewer than its queue holds), so what is checked is that it
			// gets every event in order while the stuck one backs up, not whether this test's own
			// client keeps pace with bids made as fast as the engine takes them on a busy machine.
			int bids = 200;
			int batch = 8;
			String ask = lot.ask();
			long seen = seq;
			for (int i = 0; i < bids; i++) {
				BidResult result = restBid((i % 2 == 0) ? ada : ben, lot.id(), ask);
				assertThat(result.accepted()).isTrue();
				ask = result.lot().ask();
				if ((i + 1) % batch == 0 || i + 1 == bids) {
					seen = readThrough(reader, seen, seq + i + 1);
				}
			}
			long last = seq + bids;
			assertThat(seen).isEqualTo(last);

			// The stuck one made no progress for longer than the send timeout: it is dropped.
			awaitTrue("the stuck stream is dropped", () -> {
				this.streams.sweep();
				return this.streams.count() == 1;
			});
			restBid(ada, lot.id(), ask);
			assertThat(reader.next("event").data().path("seq").asLong()).isEqualTo(last + 1);
		}
	}

	/** Reads the stream from {@code seen} up to {@code through}, each event in order; answers where it got. */
	private static long readThrough(StreamTestClient reader, long seen, long through) {
		while (seen < through) {
			StreamTestClient.Message m = reader.next((each) -> !each.type().equals("heartbeat"));
			long at = m.type().equals("event") ? m.data().path("seq").asLong()
					: m.data().path("lot").path("sequence").asLong();
			assertThat(at).as("the reader gets every event, in order").isEqualTo(seen + 1);
			seen = at;
		}
		return seen;
	}

}
