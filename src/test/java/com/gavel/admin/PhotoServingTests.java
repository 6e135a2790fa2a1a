package com.gavel.admin;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An upload makes the photo's variants at once; they are served from the same host under URLs
 * that never change, cached for a year, answered with 304 when the browser has them; the alt text
 * the admin writes is what the lot page says; older photos get their variants from migration 14.1.
 */
@AdminSpringBootTest
class PhotoServingTests {

	private static final Pattern DISPLAY = Pattern
		.compile("src=\"(/lots/(\\d+)/photos/(\\d+)/display-([0-9a-f]{16})\\.jpg)\"");

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

	@Autowired
	DataSource dataSource;

	final HttpClient http = HttpClient.newHttpClient();

	Account admin;

	@BeforeEach
	void setUp() {
		this.admin = AdminFixtures.admin(this.accounts, "variant-admin");
	}

	HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	String page(String path) throws Exception {
		return new String(get(path, Map.of()).body(), java.nio.charset.StandardCharsets.UTF_8);
	}

	long upload(long lotId, byte[] image, String alt) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/admin/lots/" + lotId + "/photos").file(new MockMultipartFile("photo", "big.png",
					"image/png", image))
				.param("alt", alt)
				.with(csrf())
				.with(as(this.admin)))
			.andReturn();
		assertThat(result.getFlashMap().get("notice")).isEqualTo("Photo added.");
		return this.jdbc.queryForObject("select max(id) from lot_photo where lot_id = ?", Long.class, lotId);
	}

	@Test
	void anUploadMakesTheVariantsAndTheyAreServedForGood() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Variant lot"));
		long photoId = upload(lot.id(), PhotoVariantsTests.image(2400, 1800, "png", false),
				"  Dial of the clock,\n with its hands at ten past ten ");

		List<Map<String, Object>> stored = this.jdbc.queryForList(
				"select kind, content_type, width, height, size_bytes from lot_photo_variant where photo_id = ? order by kind",
				photoId);
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0)).containsEntry("KIND", "display").containsEntry("WIDTH", 1200).containsEntry("HEIGHT", 900);
		assertThat(stored.get(1)).containsEntry("KIND", "thumb").containsEntry("WIDTH", 320).containsEntry("HEIGHT", 240);
		assertThat(this.jdbc.queryForObject("select alt_text from lot_photo where id = ?", String.class, photoId))
			.isEqualTo("Dial of the clock, with its hands at ten past ten");

		// The lot page shows the display size with the admin's alt text and its size.
		String html = page("/lots/" + lot.id());
		Matcher display = DISPLAY.matcher(html);
		assertThat(display.find()).as("the lot page shows the display variant").isTrue();
		assertThat(display.group(3)).isEqualTo(Long.toString(photoId));
		assertThat(html).contains("alt=\"Dial of the clock, with its hands at ten past ten\"")
			.contains("width=\"1200\"")
			.contains("height=\"900\"");

		HttpResponse<byte[]> first = get(display.group(1), Map.of());
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		String cache = first.headers().firstValue("Cache-Control").orElseThrow();
		assertThat(cache).contains("public").contains("max-age=31536000").contains("immutable").doesNotContain("no-cache");
		assertThat(first.headers().firstValue("Pragma")).isEmpty();
		assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"" + display.group(4)).hasSize(66);
		assertThat(ImageIO.read(new ByteArrayInputStream(first.body())).getWidth()).isEqualTo(1200);

		// A browser that has it asks again only if it must, and gets no bytes.
		HttpResponse<byte[]> again = get(display.group(1), Map.of("If-None-Match", etag));
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		// A URL whose hash is not the variant's is never answered with other bytes.
		String stale = display.group(1).replace(display.group(4), "0000000000000000");
		assertThat(get(stale, Map.of()).statusCode()).isEqualTo(404);
		assertThat(get("/lots/" + lot.id() + "/photos/" + photoId + "/huge-" + display.group(4) + ".jpg", Map.of())
			.statusCode()).isEqualTo(404);
		// The original is kept and still served as uploaded.
		assertThat(get("/lots/" + lot.id() + "/photos/" + photoId, Map.of()).headers().firstValue("Content-Type"))
			.hasValue("image/png");
	}

	@Test
	void aDraftsVariantsAreTheAdminsAlone() throws Exception {
		LotView draft = this.engine.createLot(AdminFixtures.spec(AdminFixtures.unique("Draft variant"), Instant.now(),
				Duration.ofHours(1), null, null));
		long photoId = upload(draft.id(), PhotoVariantsTests.image(640, 480, "png", false), "");
		String hash = this.jdbc.queryForObject("select hash from lot_photo_variant where photo_id = ? and kind = 'thumb'",
				String.class, photoId);
		String path = "/lots/" + draft.id() + "/photos/" + photoId + "/thumb-" + hash.substring(0, 16) + ".jpg";
		assertThat(get(path, Map.of()).statusCode()).isEqualTo(404);
		MvcResult admins = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/admin" + path)
			.with(as(this.admin))).andReturn();
		assertThat(admins.getResponse().getStatus()).isEqualTo(200);
		assertThat(admins.getResponse().getHeader("Cache-Control")).contains("private").doesNotContain("public");
		// Blank alt text is stored as none: pages use the lot's title.
		assertThat(this.jdbc.queryForObject("select alt_text from lot_photo where id = ?", String.class, photoId))
			.isNull();
	}

	@Test
	void theAdminChangesTheAltTextAndTheCategory() throws Exception {
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Described lot"));
		long photoId = upload(lot.id(), PhotoVariantsTests.image(300, 200, "png", false), "");
		assertThat(page("/lots/" + lot.id())).contains("alt=\"" + lot.title() + "\"");

		MvcResult described = this.mvc
			.perform(post("/admin/lots/" + lot.id() + "/photos/" + photoId + "/alt").param("alt", "Back of the case")
				.with(csrf())
				.with(as(this.admin)))
			.andReturn();
		assertThat(described.getFlashMap().get("notice")).isEqualTo("Alt text saved.");
		MvcResult tooLong = this.mvc
			.perform(post("/admin/lots/" + lot.id() + "/photos/" + photoId + "/alt").param("alt", "x".repeat(301))
				.with(csrf())
				.with(as(this.admin)))
			.andReturn();
		assertThat(tooLong.getFlashMap().get("photoError")).isEqualTo("Alt text may be at most 300 characters.");
		MvcResult categorised = this.mvc
			.perform(post("/admin/lots/" + lot.id() + "/category").param("category", " Clocks  &  watches ")
				.with(csrf())
				.with(as(this.admin)))
			.andReturn();
		assertThat(categorised.getFlashMap().get("notice")).isEqualTo("Category saved.");

		String html = page("/lots/" + lot.id());
		assertThat(html).contains("alt=\"Back of the case\"").contains("Clocks &amp; watches");
		String catalogue = page("/?category=clocks+%26+watches");
		assertThat(catalogue).contains(lot.title()).contains("data-role=\"card-category\"");
		assertThat(this.jdbc.queryForList("select action from audit_entry where lot_id = ? order by id", String.class,
				lot.id()))
			.containsSubsequence("photo-added", "photo-described", "category-set");
	}

	@Test
	void photosStoredBeforeVersion14GetTheirVariantsFromMigration141() throws Exception {
		assertThat(this.jdbc.queryForObject(
				"select count(*) from \"flyway_schema_history\" where \"version\" = '14.1' and \"success\"", Integer.class))
			.isEqualTo(1);
		LotView lot = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Old photos"));
		byte[] old = PhotoVariantsTests.image(1600, 1200, "jpeg", false);
		for (byte[] data : List.of(old, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3 })) {
			this.jdbc.update("insert into lot_photo (lot_id, content_type, size_bytes, data, uploaded_at, uploaded_by) "
					+ "values (?, 'image/jpeg', ?, ?, current_timestamp, ?)", lot.id(), data.length, data,
					this.admin.id());
		}
		try (Connection connection = this.dataSource.getConnection()) {
			new PhotoVariantsMigration().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}
		List<Map<String, Object>> made = this.jdbc.queryForList("select p.id, v.kind, v.width from lot_photo p "
				+ "left join lot_photo_variant v on v.photo_id = p.id where p.lot_id = ? order by p.id, v.kind", lot.id());
		// The readable photo got both sizes; the broken one none, and it did not stop the others.
		assertThat(made).hasSize(3);
		assertThat(made.get(0)).containsEntry("KIND", "display").containsEntry("WIDTH", 1200);
		assertThat(made.get(1)).containsEntry("KIND", "thumb").containsEntry("WIDTH", 320);
		assertThat(made.get(2).get("KIND")).isNull();
		// Pages show the readable one only.
		assertThat(DISPLAY.matcher(page("/lots/" + lot.id())).results().map((m) -> m.group(3)).distinct())
			.containsExactly(made.get(0).get("ID").toString());
	}

}
