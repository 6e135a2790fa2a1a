package com.gavel.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client that breaks the WebSocket protocol hears, seen from a plain TCP socket: every
 * close the server makes is a close frame with the code docs/protocol.md gives, never a bare
 * end of the connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gavel.demo.enabled=false", "gavel.admin.password=admin-password-1",
				"spring.datasource.url=jdbc:h2:mem:live-close-frames;DB_CLOSE_DELAY=-1",
				"gavel.live.max-sockets-per-address=2" })
class LiveCloseFrameTests extends LiveTestSupport {

	@Autowired
	SessionRegistry registry;

	@BeforeEach
	void noSocketsLeftFromOtherTests() {
		awaitTrue("sockets of earlier tests are gone", () -> this.registry.count() == 0);
	}

	@Test
	void aBinaryFrameIsClosedWith1003() throws IOException {
		try (RawWebSocket ws = open()) {
			ws.frame(0x2, new byte[] { 1, 2, 3 }, true);
			assertClosedWith(ws.awaitEnd(), 1003);
		}
	}

	@Test
	void aMessageOverTheLimitIsClosedWith1009() throws IOException {
		try (RawWebSocket ws = open()) {
			ws.text("{\"type\":\"ping\",\"t\":1,\"pad\":\"" + "x".repeat(5000) + "\"}");
			assertClosedWith(ws.awaitEnd(), 1009);
		}
	}

	@Test
	void anUnmaskedFrameIsClosedWith1002() throws IOException {
		try (RawWebSocket ws = open()) {
			ws.frame(0x1, "{\"type\":\"ping\",\"t\":1}".getBytes(StandardCharsets.UTF_8), false);
			assertClosedWith(ws.awaitEnd(), 1002);
		}
	}

	@Test
	void anUnknownOpcodeIsClosedWith1002() throws IOException {
		try (RawWebSocket ws = open()) {
			ws.frame(0x3, new byte[] { 1 }, true);
			assertClosedWith(ws.awaitEnd(), 1002);
		}
	}

	@Test
	void textThatIsNotUtf8IsClosedWith1007() throws IOException {
		try (RawWebSocket ws = open()) {
			ws.frame(0x1, new byte[] { '"', (byte) 0xc3, (byte) 0x28, '"' }, true);
			assertClosedWith(ws.awaitEnd(), 1007);
		}
	}

	@Test
	void aSocketOverTheAddressCapHearsACloseFrameWith1013() throws IOException {
		try (RawWebSocket first = open(); RawWebSocket second = open();
				RawWebSocket third = RawWebSocket.open(this.port)) {
			RawWebSocket.Ending ending = third.awaitEnd();
			assertClosedWith(ending, 1013);
			assertThat(ending.reason()).isEqualTo("too many sockets from this address");
		}
	}

	@Test
	void aBurstOfPingsThatIsNotReadIsRateLimitedNotClosed() throws IOException, InterruptedException {
		try (RawWebSocket ws = open()) {
			for (int i = 0; i < 2000; i++) {
				ws.text("{\"type\":\"ping\",\"t\":" + i + "}");
			}
			boolean limited = false;
			for (int i = 0; i < 100 && !limited; i++) {
				JsonNode message = LiveTestClient.JSON.readTree(ws.readText());
				limited = message.path("type").asString().equals("error")
						&& message.path("code").asString().equals("rate-limited");
			}
			assertThat(limited).as("told it is rate-limited").isTrue();
			// The socket is still there and answers once its allowance refilled.
			Thread.sleep(1500);
			ws.text("{\"type\":\"ping\",\"t\":424242}");
			JsonNode next;
			do {
				next = LiveTestClient.JSON.readTree(ws.readText());
			}
			while (!next.path("type").asString().equals("pong"));
			assertThat(next.path("t").asLong()).isEqualTo(424242);
		}
	}

	private RawWebSocket open() throws IOException {
		RawWebSocket ws = RawWebSocket.open(this.port);
		assertThat(ws.readText()).contains("\"type\":\"hello\"");
		return ws;
	}

	private static void assertClosedWith(RawWebSocket.Ending ending, int code) {
		assertThat(ending.closeFrame()).as("a close frame, not a bare end of the connection: %s", ending).isTrue();
		assertThat(ending.code()).isEqualTo(code);
	}

}
