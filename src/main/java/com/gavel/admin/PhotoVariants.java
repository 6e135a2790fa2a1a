package com.gavel.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Makes the sizes pages show from an uploaded photo, once: a thumbnail for cards and the gallery
 * strip, and a display size for the lot page and its enlarged view, both JPEG (the one lossy
 * format the JDK writes), upright (a camera's EXIF orientation applied), transparent areas on
 * white. Plain Java, no Spring and no database, so the upload and the migration that gives older
 * photos their variants make exactly the same files.
 * <p>
 * Memory stays bounded whatever is uploaded: the image's size is read from its header first and
 * refused above {@link #MAX_PIXELS}; large images are decoded subsampled to about twice the
 * display size; and one image is worked on at a time.
 */
final class PhotoVariants {

	/** The most pixels a photo may have (a decompression bomb is small on disk, huge in memory). */
	static final long MAX_PIXELS = 50_000_000L;

	private static final Object ONE_AT_A_TIME = new Object();

	static {
		// In the packaged jar the WebP reader sits in a nested jar: look for it with this class's loader too.
		ImageIO.scanForPlugins();
	}

	/** The sizes made, by the longest side they may have. */
	enum Kind {

		THUMB(320, 0.80f), DISPLAY(1200, 0.85f);

		private final int longSide;

		private final float quality;

		Kind(int longSide, float quality) {
			this.longSide = longSide;
			this.quality = quality;
		}

		/** {@code thumb} or {@code display}, as stored and as in URLs. */
		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		int longSide() {
			return this.longSide;
		}

	}

	/** One resized copy: JPEG bytes with their size and the SHA-256 (hex) that names them in URLs. */
	record Variant(Kind kind, String contentType, int width, int height, byte[] data, String hash) {
	}

	/** Why a photo cannot have variants, as a key of admin-messages.properties. */
	static final class UnusableException extends Exception {

		private final String messageKey;

		UnusableException(String messageKey, String detail, Throwable cause) {
			super(detail, cause);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

	private PhotoVariants() {
	}

	/**
	 * Every variant of a photo, in {@link Kind} order.
	 * @throws UnusableException when the bytes cannot be decoded as an image, or it has too many
	 * pixels
	 */
	static List<Variant> of(byte[] original) throws UnusableException {
		synchronized (ONE_AT_A_TIME) {
			BufferedImage upright = flattened(decode(original));
			List<Variant> variants = new ArrayList<>();
			for (Kind kind : Kind.values()) {
				variants.add(variant(kind, upright));
			}
			return variants;
		}
	}

	private static BufferedImage decode(byte[] data) throws UnusableException {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw new UnusableException("admin.photos.error.unreadable", "no image reader for these bytes", null);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, false);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					throw new UnusableException("admin.photos.error.pixels", width + " x " + height + " pixels", null);
				}
				Orientation orientation = orientation(reader);
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (2 * Kind.DISPLAY.longSide()));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage image = reader.read(0, param);
				if (orientation != null && orientation != Orientation.TOP_LEFT) {
					image = ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new UnusableException("admin.photos.error.unreadable", "could not decode the image", ex);
		}
	}

	/** The EXIF orientation of a camera JPEG, or {@code null} when the image says nothing usable. */
	private static Orientation orientation(ImageReader reader) {
		try {
			return ExifUtils.getExifOrientation(reader, 0);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** An opaque RGB copy (transparent areas on white), as JPEG needs. */
	private static BufferedImage flattened(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	private static Variant variant(Kind kind, BufferedImage image) throws UnusableException {
		try {
			BufferedImage sized = image;
			if (Math.max(image.getWidth(), image.getHeight()) > kind.longSide()) {
				sized = Thumbnails.of(image).size(kind.longSide(), kind.longSide()).asBufferedImage();
			}
			byte[] jpeg = jpeg(sized, kind.quality);
			return new Variant(kind, "image/jpeg", sized.getWidth(), sized.getHeight(), jpeg, sha256(jpeg));
		}
		catch (IOException ex) {
			throw new UnusableException("admin.photos.error.unreadable", "could not write the " + kind.code(), ex);
		}
	}

	private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
