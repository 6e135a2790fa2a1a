package com.gavel.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The sizes made from an upload: what a page gets for a large, a small, a transparent and a WebP photo. */
class PhotoVariantsTests {

	static byte[] image(int width, int height, String format, boolean transparent) throws IOException {
		BufferedImage image = new BufferedImage(width, height,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		if (!transparent) {
			g.setColor(new Color(0x2b4a80));
			g.fillRect(0, 0, width, height);
		}
		g.setColor(new Color(0x8a2d1f));
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	static BufferedImage read(PhotoVariants.Variant variant) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(variant.data()));
	}

	@Test
	void aLargePhotoGetsAThumbnailAndADisplaySizeKeepingItsShape() throws Exception {
		List<PhotoVariants.Variant> variants = PhotoVariants.of(image(4000, 3000, "png", false));
		assertThat(variants).extracting(PhotoVariants.Variant::kind)
			.containsExactly(PhotoVariants.Kind.THUMB, PhotoVariants.Kind.DISPLAY);
		PhotoVariants.Variant thumb = variants.get(0);
		PhotoVariants.Variant display = variants.get(1);
		assertThat(thumb.contentType()).isEqualTo("image/jpeg");
		assertThat(new int[] { thumb.width(), thumb.height() }).containsExactly(320, 240);
		assertThat(new int[] { display.width(), display.height() }).containsExactly(1200, 900);
		// What is stored is what is said: a JPEG of that size, named by the SHA-256 of its bytes.
		assertThat(read(display).getWidth()).isEqualTo(1200);
		assertThat(read(thumb).getHeight()).isEqualTo(240);
		assertThat(display.hash()).isEqualTo(PhotoVariants.sha256(display.data())).hasSize(64);
		assertThat(thumb.hash()).isNotEqualTo(display.hash());
		// The middle is the red circle, the corner the blue ground: the picture survived the resizing.
		Color middle = new Color(read(display).getRGB(600, 450));
		Color corner = new Color(read(display).getRGB(20, 20));
		assertThat(middle.getRed()).isGreaterThan(100);
		assertThat(corner.getBlue()).isGreaterThan(100);
	}

	@Test
	void aSmallPhotoIsNeverBlownUp() throws Exception {
		List<PhotoVariants.Variant> variants = PhotoVariants.of(image(200, 100, "png", false));
		assertThat(variants).allSatisfy((v) -> {
			assertThat(v.width()).isEqualTo(200);
			assertThat(v.height()).isEqualTo(100);
		});
	}

	@Test
	void aTallPhotoIsBoundedByItsHeight() throws Exception {
		PhotoVariants.Variant thumb = PhotoVariants.of(image(900, 1800, "jpeg", false)).get(0);
		assertThat(new int[] { thumb.width(), thumb.height() }).containsExactly(160, 320);
	}

	@Test
	void transparentAreasComeOutWhite() throws Exception {
		PhotoVariants.Variant display = PhotoVariants.of(image(400, 300, "png", true)).get(1);
		Color corner = new Color(read(display).getRGB(5, 5));
		assertThat(corner.getRed()).isGreaterThan(240);
		assertThat(corner.getGreen()).isGreaterThan(240);
		assertThat(corner.getBlue()).isGreaterThan(240);
	}

	/** A 1 x 1 lossless WebP (the image browsers' WebP checks use): the JDK alone cannot read it. */
	@Test
	void aWebpPhotoIsReadToo() throws Exception {
		byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
		assertThat(LotPhotos.imageType(webp)).hasValue("image/webp");
		List<PhotoVariants.Variant> variants = PhotoVariants.of(webp);
		assertThat(variants.get(1).width()).isEqualTo(1);
		assertThat(read(variants.get(1))).isNotNull();
	}

	@Test
	void bytesThatAreNoImageAreRefusedAsUnreadable() {
		byte[] fake = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3, 4, 5, 6, 7, 8 };
		assertThatExceptionOfType(PhotoVariants.UnusableException.class).isThrownBy(() -> PhotoVariants.of(fake))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("admin.photos.error.unreadable"));
	}

	/** A small file that claims 20,000 x 20,000 pixels is refused from its header, never decoded. */
	@Test
	void aPhotoWithTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
		byte[] png = image(8, 8, "png", false);
		ByteBuffer ihdr = ByteBuffer.wrap(png, 16, 8);
		ihdr.putInt(20_000).putInt(20_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		assertThatExceptionOfType(PhotoVariants.UnusableException.class).isThrownBy(() -> PhotoVariants.of(png))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("admin.photos.error.pixels"));
	}

}
