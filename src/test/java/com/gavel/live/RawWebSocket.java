package com.gavel.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain {@link Socket}: the HTTP upgrade and the frames are written by
 * hand, so a test can send what no real client library would (unmasked frames, unknown opcodes,
 * oversized frames) and see exactly what the server answers, down to a bare TCP close.
 */
final class RawWebSocket implements AutoCloseable {

	/** What ended the conversation: a close frame (with its code), or the connection just ending. */
	record Ending(boolean closeFrame, int code, String reason) {
	}

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private String handshake = "";

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	/** Opens {@code /ws} anonymously with the gavel.v1 subprotocol. */
	static RawWebSocket open(int port) throws IOException {
		return open(port, null, null, 0);
	}

	/**
	 * Opens {@code /ws} with the gavel.v1 subprotocol and checks the server switched protocols.
	 * @param username signs in with HTTP Basic when not {@code null}
	 * @param receiveBuffer the socket's receive buffer in bytes (small makes a stalled reader bite
	 * early), or 0 for the system's default
	 */
	static RawWebSocket open(int port, String username, String password, int receiveBuffer) throws IOException {
		return open(port, username, password, receiveBuffer, "");
	}

	/** Opens {@code /ws} anonymously, offering the given WebSocket extensions as a browser does. */
	static RawWebSocket openOffering(int port, String extensions) throws IOException {
		return open(port, null, null, 0, "Sec-WebSocket-Extensions: " + extensions + "\r\n");
	}

	private static RawWebSocket open(int port, String username, String password, int receiveBuffer,
			String extraHeaders) throws IOException {
		Socket socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(10_000);
		RawWebSocket ws = new RawWebSocket(socket);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\n").append("Host: localhost:")
			.append(port)
			.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
			.append("Sec-WebSocket-Key: ")
			.append(Base64.getEncoder().encodeToString(nonce))
			.append("\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: gavel.v1\r\n");
		if (username != null) {
			String token = Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.append("Authorization: Basic ").append(token).append("\r\n");
		}
		request.append(extraHeaders).append("\r\n");
		ws.out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
		ws.out.flush();
		String status = ws.readHeaders();
		if (!status.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new IOException("no upgrade: " + status);
		}
		return ws;
	}

	private String readHeaders() throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("the server closed during the handshake");
			}
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : (b == '\r' ? 1 : 0);
		}
		String text = head.toString(StandardCharsets.US_ASCII);
		this.handshake = text;
		return text.substring(0, text.indexOf("\r\n"));
	}

	/** A header of the server's handshake response, or {@code null} if it sent none. */
	String handshakeHeader(String name) {
		for (String line : this.handshake.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

	/** Writes one final frame; {@code mask} false writes it unmasked, which a client must never do. */
	void frame(int opcode, byte[] payload, boolean mask) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x80 | opcode);
		int maskBit = mask ? 0x80 : 0;
		if (payload.length < 126) {
			frame.write(maskBit | payload.length);
		}
		else if (payload.length < 65536) {
			frame.write(maskBit | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xff);
		}
		else {
			frame.write(maskBit | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				frame.write((int) ((long) payload.length >>> shift) & 0xff);
			}
		}
		byte[] body = payload.clone();
		if (mask) {
			byte[] key = new byte[4];
			ThreadLocalRandom.current().nextBytes(key);
			frame.write(key);
			for (int i = 0; i < body.length; i++) {
				body[i] ^= key[i % 4];
			}
		}
		frame.write(body);
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	void text(String text) throws IOException {
		frame(0x1, text.getBytes(StandardCharsets.UTF_8), true);
	}

	/** The next text message from the server, skipping nothing: it must be a text frame. */
	String readText() throws IOException {
		int first = this.in.readUnsignedByte();
		int opcode = first & 0x0f;
		byte[] payload = payload();
		if (opcode != 0x1) {
			throw new IOException("expected a text frame, got opcode " + opcode);
		}
		return new String(payload, StandardCharsets.UTF_8);
	}

	/**
	 * Reads until the server ends the conversation: a close frame, or the end of the stream (a
	 * bare TCP close, or a reset) without one.
	 */
	Ending awaitEnd() throws IOException {
		while (true) {
			int first;
			try {
				first = this.in.read();
			}
			catch (SocketTimeoutException ex) {
				throw new IOException("the server neither closed nor answered within the timeout", ex);
			}
			catch (IOException ex) {
				return new Ending(false, -1, ex.toString());
			}
			if (first < 0) {
				return new Ending(false, -1, "end of stream");
			}
			byte[] payload = payload();
			if ((first & 0x0f) == 0x8) {
				int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
				String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
						: "";
				return new Ending(true, code, reason);
			}
		}
	}

	private byte[] payload() throws IOException {
		int second = this.in.readUnsignedByte();
		long length = second & 0x7f;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		byte[] payload = new byte[Math.toIntExact(length)];
		this.in.readFully(payload);
		return payload;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
