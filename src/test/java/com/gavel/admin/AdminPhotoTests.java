package com.gavel.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Lot photos: a real image is stored and served (to everyone once the lot is public); a file that
 * is not a JPEG, PNG or WebP, or is too large, is refused with a clear message and nothing stored.
 */
@AdminSpringBootTest
class AdminPhotoTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	Account admin;

	@BeforeEach
	void setUp() {
		this.admin = AdminFixtures.admin(this.accounts, "photo-admin");
	}

	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x8a2d1f));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	MvcResult upload(long lotId, MockMultipartFile file) throws Exception {
		return this.mvc.perform(multipart("/admin/lots/" + lotId + "/photos").file(file).with(csrf()).with(as(this.admin)))
			.andReturn();
	}

	int photosOf(long lotId) {
		return this.jdbc.queryForObject("select count(*) from lot_photo where lot_id = ?", Integer.class, lotId);
	}

	@Test
	void aPhotoIsStoredAndServedOnceTheLotIsPublic() throws Exception {
		LotView draft = this.engine.createLot(AdminFixtures.spec(AdminFixtures.unique("Photo lot"),
				java.time.Instant.now(), java.time.Duration.ofHours(1), null, null));
		byte[] image = png(320, 240);
		MvcResult result = upload(draft.id(), new MockMultipartFile("photo", "C:\\fakepath\\clock.png", "image/png", image));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/lots/" + draft.id() + "#photos");
		assertThat(result.getFlashMap().get("notice")).isEqualTo("Photo added.");
		long photoId = this.jdbc.queryForObject("select id from lot_photo where lot_id = ?", Long.class, draft.id());
		assertThat(this.jdbc.queryForObject("select original_name from lot_photo where id = ?", String.class, photoId))
			.isEqualTo("clock.png");

		MvcResult admins = this.mvc.perform(get("/admin/lots/" + draft.id() + "/photos/" + photoId).with(as(this.admin)))
			.andReturn();
		assertThat(admins.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(admins.getResponse().getContentAsByteArray()).isEqualTo(image);
		assertThat(admins.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		// A draft is nobody else's business; once the lot is open its photos are public.
		String publicUrl = "/lots/" + draft.id() + "/photos/" + photoId;
		assertThat(this.mvc.perform(get(publicUrl)).andReturn().getResponse().getStatus()).isEqualTo(404);
		this.engine.openNow(draft.id());
		MvcResult anyone = this.mvc.perform(get(publicUrl)).andReturn();
		assertThat(anyone.getResponse().getStatus()).isEqualTo(200);
		assertThat(anyone.getResponse().getContentAsByteArray()).isEqualTo(image);
		assertThat(this.mvc.perform(get("/lots/" + draft.id() + "/photos/" + (photoId + 1000)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		String page = this.mvc.perform(get("/admin/lots/" + draft.id()).with(as(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/admin/lots/" + draft.id() + "/photos/" + photoId)
			.contains("alt=\"" + draft.title() + ", photo 1 of 1\"");
		assertThat(this.jdbc.queryForObject("select action from audit_entry where actor_id = ? order by id desc limit 1",
				String.class, this.admin.id())).isEqualTo("photo-added");
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedWhateverItsNameAndType() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Typed lot"));
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		for (MockMultipartFile file : List.of(new MockMultipartFile("photo", "photo.png", "image/png", html),
				new MockMultipartFile("photo", "photo.gif", "image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)),
				new MockMultipartFile("photo", "empty.jpg", "image/jpeg", new byte[0]))) {
			MvcResult result = upload(lot.id(), file);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/lots/" + lot.id() + "#photos");
			assertThat((String) result.getFlashMap().get("photoError")).as(file.getOriginalFilename())
				.isIn("That file is not a JPEG, PNG or WebP image.", "Choose an image file to upload.");
		}
		assertThat(photosOf(lot.id())).isZero();
	}

	@Test
	void aPhotoOverTheLimitIsRefused() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Heavy lot"));
		byte[] big = Arrays.copyOf(png(8, 8), LotPhotos.MAX_BYTES + 1);
		MvcResult result = upload(lot.id(), new MockMultipartFile("photo", "big.png", "image/png", big));
		assertThat(result.getFlashMap().get("photoError")).isEqualTo("That file is too large: a photo may be at most 5 MB.");
		assertThat(photosOf(lot.id())).isZero();
	}

	/**
	 * Past the server's own multipart limit the request never reaches the controller; through the
	 * real server the admin still lands back on the lot page with the same message.
	 */
	@Test
	void anUploadOverTheServersLimitGetsTheSameClearMessage() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Huge lot"));
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((this.admin.username() + ":" + AdminFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String base = "http://localhost:" + this.port;
		String page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/lots/" + lot.id()))
			.header("Authorization", auth)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher action = Pattern.compile("action=\"(/admin/lots/" + lot.id() + "/photos\\?_csrf=[^\"]+)\"").matcher(page);
		assertThat(action.find()).as("the photo form posts its CSRF token in the URL").isTrue();

		String boundary = "gavel-test-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"huge.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] image = Arrays.copyOf(png(8, 8), 7 * 1024 * 1024);
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
					.header("Authorization", auth)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, image, tail)))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString()
			.endsWith("/admin/lots/" + lot.id() + "#photos");

		String after = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/lots/" + lot.id()))
			.header("Authorization", auth)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(after).contains("That file is too large: a photo may be at most 5 MB.");
		assertThat(photosOf(lot.id())).isZero();
	}

	@Test
	void theTypeComesFromTheFirstBytes() {
		assertThat(LotPhotos.imageType(png(2, 2))).hasValue("image/png");
		assertThat(LotPhotos.imageType(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 })).hasValue("image/jpeg");
		assertThat(LotPhotos.imageType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).hasValue("image/webp");
		assertThat(LotPhotos.imageType("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(LotPhotos.imageType("<svg xmlns=".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(LotPhotos.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(LotPhotos.clean("C:\\Users\\ada\\clock.jpg")).isEqualTo("clock.jpg");
	}

}
