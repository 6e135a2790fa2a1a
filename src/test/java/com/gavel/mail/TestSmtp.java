package com.gavel.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.fail;

/**
 * An SMTP server in the test JVM (GreenMail) on a loopback port of its own, which a test may stop
 * and start again on the same port, as a house's mail server goes down and comes back.
 */
final class TestSmtp implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(15);

	private final int port;

	private GreenMail server;

	private TestSmtp(int port) {
		this.port = port;
	}

	/** On a loopback port that was free a moment ago; not started. */
	static TestSmtp onFreePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return new TestSmtp(probe.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	synchronized TestSmtp start() {
		if (this.server == null) {
			this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			this.server.start();
		}
		return this;
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	/** The mails this server received for {@code address} since it last started. */
	synchronized List<MimeMessage> to(String address) {
		if (this.server == null) {
			return List.of();
		}
		return Arrays.stream(this.server.getReceivedMessages()).filter((m) -> addressedTo(m, address)).toList();
	}

	/** Waits (at most {@link #WAIT}) until {@code address} received {@code count} mails, and returns them. */
	List<MimeMessage> awaitTo(String address, int count) {
		Instant until = Instant.now().plus(WAIT);
		List<MimeMessage> received = to(address);
		while (received.size() < count && Instant.now().isBefore(until)) {
			pause(50);
			received = to(address);
		}
		if (received.size() < count) {
			fail("%s received %d mails, expected %d", address, received.size(), count);
		}
		return received;
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String body(MimeMessage message) {
		try {
			// SMTP carries lines ending in CRLF.
			return message.getContent().toString().replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Arrays.stream(to).anyMatch((a) -> a.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
