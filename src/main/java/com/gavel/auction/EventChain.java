package com.gavel.auction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The rules of a lot's hash chain (docs/ledger.md): each event's hash is the SHA-256 of the
 * previous event's hash, as its 64 lower-case hex characters, followed by the event's canonical
 * JSON ({@link CanonicalJson}) in UTF-8; the first event of a lot follows the lot's genesis
 * value, the SHA-256 of {@code "gavel:lot:<id>"}. Hashes are written as lower-case hex.
 * <p>
 * Hex text rather than raw bytes goes into the next hash so that anyone can check a link with
 * {@code printf '%s%s' "$prev" "$event" | sha256sum}.
 */
public final class EventChain {

	/** What the first event of a lot chains from, before the lot's id: {@code gavel:lot:}. */
	public static final String GENESIS_PREFIX = "gavel:lot:";

	private static final HexFormat HEX = HexFormat.of();

	/** A digest per thread: creating one costs more than hashing an event. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(EventChain::sha256);

	private EventChain() {
	}

	/** The value a lot's first event chains from. */
	public static String genesis(long lotId) {
		return hash(GENESIS_PREFIX + lotId);
	}

	/** The hash of an event whose canonical JSON is {@code canonicalEvent}, following {@code previous}. */
	public static String link(String previous, String canonicalEvent) {
		MessageDigest digest = SHA_256.get();
		digest.update(previous.getBytes(StandardCharsets.US_ASCII));
		return HEX.formatHex(digest.digest(canonicalEvent.getBytes(StandardCharsets.UTF_8)));
	}

	/** The SHA-256 of the text's UTF-8 bytes, as lower-case hex. */
	public static String hash(String text) {
		return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The SHA-256 of the lines' UTF-8 bytes one after the other, as lower-case hex. */
	public static String digest(Stream<String> lines) {
		MessageDigest digest = sha256();
		lines.forEach((line) -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
		return HEX.formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
