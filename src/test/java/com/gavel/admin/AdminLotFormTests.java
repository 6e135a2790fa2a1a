package com.gavel.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.auction.AuctionCatalog;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.LotAdminView;
import com.gavel.auction.LotSpec;
import com.gavel.auction.LotView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

import static com.gavel.admin.AdminFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The lot editor: what it accepts, the field errors it shows, and what it lets change on an open lot. */
@AdminSpringBootTest
class AdminLotFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuctionEngine engine;

	@Autowired
	AuctionCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	Account admin;

	@BeforeEach
	void setUp() {
		this.admin = AdminFixtures.admin(this.accounts, "form-admin");
	}

	static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	Map<String, String> valid(String title) {
		Instant now = Instant.now();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("description", "Gold case, running.");
		form.put("currency", "EUR");
		form.put("startPrice", "40.00");
		form.put("reservePrice", "100");
		form.put("buyNowPrice", "");
		form.put("startsAt", local(now.plus(Duration.ofHours(1))));
		form.put("endsAt", local(now.plus(Duration.ofDays(2))));
		form.put("hardStopAt", "");
		form.put("softCloseWindowMinutes", "2");
		form.put("softCloseExtensionMinutes", "1");
		form.put("maxExtensions", "10");
		return form;
	}

	MockHttpServletRequestBuilder submit(String url, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(url).with(csrf()).with(as(this.admin));
		form.forEach(request::param);
		return request;
	}

	/** The fields the form page shows an error for. */
	java.util.Set<String> errorsOf(MvcResult result) {
		BindingResult binding = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "lotForm");
		java.util.Set<String> fields = new java.util.TreeSet<>();
		binding.getFieldErrors().forEach((e) -> fields.add(e.getField()));
		return fields;
	}

	@Test
	void aValidFormCreatesTheLotAsTyped() throws Exception {
		String title = AdminFixtures.unique("Pocket watch");
		Map<String, String> form = valid(title);
		form.put("schedule", "true");
		MvcResult result = this.mvc.perform(submit("/admin/lots", form)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/admin/lots/", ""));
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow();
		assertThat(lot.lot().title()).isEqualTo(title);
		assertThat(lot.status()).isEqualTo("scheduled");
		assertThat(lot.terms().description()).isEqualTo("Gold case, running.");
		assertThat(lot.terms().startPrice()).isEqualTo(4000);
		assertThat(lot.terms().reservePrice()).isEqualTo(10000);
		assertThat(lot.terms().buyNowPrice()).isNull();
		assertThat(lot.terms().softCloseExtension()).isEqualTo(Duration.ofSeconds(60));
		assertThat(lot.terms().maxExtensions()).isEqualTo(10);
		assertThat(local(lot.terms().endsAt())).isEqualTo(form.get("endsAt"));
	}

	@Test
	void eachBadFieldGetsItsOwnClearErrorAndNothingIsCreated() throws Exception {
		Integer before = this.jdbc.queryForObject("select count(*) from lot", Integer.class);
		Instant now = Instant.now();
		List<Map.Entry<Map<String, String>, String>> cases = List.of(
				bad("title", "  ", "Give the lot a title."),
				bad("currency", "euro", "Enter a three-letter currency code such as EUR."),
				bad("currency", "ABC", "That is not a currency code we know."),
				bad("startPrice", "", "Enter a start price."),
				bad("startPrice", "forty", "Enter an amount such as 40 or 12.50."),
				bad("startPrice", "-5", "Must be more than zero."),
				bad("startPrice", "40.001", "EUR amounts have at most 2 decimals."),
				bad("reservePrice", "10", "The reserve cannot be below the start price."),
				bad("buyNowPrice", "50", "Buy now cannot be below the reserve."),
				bad("endsAt", local(now.minus(Duration.ofHours(1))), "The end must be in the future."),
				bad("startsAt", local(now.plus(Duration.ofDays(3))), "The lot must end after it starts.", "endsAt"),
				bad("hardStopAt", local(now.plus(Duration.ofDays(1))), "The hard stop cannot be before the end."),
				bad("softCloseWindowMinutes", "-1", "Enter a number of minutes from 0 to 1440, such as 2 or 1.5."),
				bad("softCloseWindowMinutes", "1441", "Enter a number of minutes from 0 to 1440, such as 2 or 1.5."),
				bad("softCloseExtensionMinutes", "1.255", "Enter a number of minutes from 0 to 1440, such as 2 or 1.5."),
				bad("softCloseExtensionMinutes", "", "Enter a number of minutes from 0 to 1440, such as 2 or 1.5."),
				bad("maxExtensions", "1.5", "Enter a whole number."));
		for (Map.Entry<Map<String, String>, String> c : cases) {
			String field = c.getKey().get("__field");
			Map<String, String> form = c.getKey();
			form.remove("__field");
			MvcResult result = this.mvc.perform(submit("/admin/lots", form)).andReturn();
			assertThat(result.getResponse().getStatus()).as(field).isEqualTo(200);
			assertThat(errorsOf(result)).as(field).containsOnly(field);
			String page = result.getResponse().getContentAsString();
			assertThat(page).as(field).contains("id=\"" + field + "-error\"").contains(escape(c.getValue()));
			assertThat(page).as(field).contains("aria-invalid=\"true\"");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from lot", Integer.class)).isEqualTo(before);
	}

	@Test
	void timesAreTheAdminsOwnWallClockTimesInTheZoneTheFormGives() throws Exception {
		Map<String, String> form = valid(AdminFixtures.unique("Zoned clock"));
		ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
		LocalDateTime end = LocalDateTime.now(saoPaulo).plusDays(3).withHour(20).withMinute(30).truncatedTo(ChronoUnit.MINUTES);
		form.put("zone", saoPaulo.getId());
		form.put("startsAt", LocalDateTime.now(saoPaulo).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
		form.put("endsAt", end.toString());
		MvcResult result = this.mvc.perform(submit("/admin/lots", form)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/admin/lots/", ""));
		assertThat(this.catalog.adminLot(id).orElseThrow().terms().endsAt()).isEqualTo(end.atZone(saoPaulo).toInstant());
	}

	@Test
	void aZoneTheServerDoesNotKnowIsRefusedAndNothingIsCreated() throws Exception {
		Integer before = this.jdbc.queryForObject("select count(*) from lot", Integer.class);
		Map<String, String> form = valid(AdminFixtures.unique("Unzoned clock"));
		form.put("zone", "Mars/Olympus_Mons");
		MvcResult result = this.mvc.perform(submit("/admin/lots", form)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains(escape("a time zone we do not know (Mars/Olympus_Mons)"));
		assertThat(this.jdbc.queryForObject("select count(*) from lot", Integer.class)).isEqualTo(before);
	}

	@Test
	void softCloseWindowsAreInMinutesAndAnUntouchedOneKeepsItsExactSeconds() throws Exception {
		Map<String, String> form = valid(AdminFixtures.unique("Minute clock"));
		form.put("softCloseWindowMinutes", "1.5");
		form.put("softCloseExtensionMinutes", "0.75");
		MvcResult created = this.mvc.perform(submit("/admin/lots", form)).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/admin/lots/", ""));
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow();
		assertThat(lot.terms().softCloseWindow()).isEqualTo(Duration.ofSeconds(90));
		assertThat(lot.terms().softCloseExtension()).isEqualTo(Duration.ofSeconds(45));

		// A window set elsewhere (the JSON API) in seconds that are no round number of minutes...
		Instant now = Instant.now();
		LotView odd = this.engine.createLot(new LotSpec(AdminFixtures.unique("Odd window"), "Odd.", "EUR", 4000, null,
				null, now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)), null, Duration.ofSeconds(10),
				Duration.ofSeconds(100), null));
		// ...shows rounded, and saving the form without touching it keeps it to the second.
		MvcResult page = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/admin/lots/" + odd.id() + "/edit")
			.with(as(this.admin))).andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("value=\"0.17\"").contains("value=\"1.67\"");
		Map<String, String> untouched = valid(odd.title() + " (renamed)");
		untouched.put("softCloseWindowMinutes", "0.17");
		untouched.put("softCloseExtensionMinutes", "1.67");
		this.mvc.perform(submit("/admin/lots/" + odd.id(), untouched)).andReturn();
		LotAdminView saved = this.catalog.adminLot(odd.id()).orElseThrow();
		assertThat(saved.lot().title()).endsWith("(renamed)");
		assertThat(saved.terms().softCloseWindow()).isEqualTo(Duration.ofSeconds(10));
		assertThat(saved.terms().softCloseExtension()).isEqualTo(Duration.ofSeconds(100));
	}

	@Test
	void aYenPriceTakesNoDecimals() throws Exception {
		Map<String, String> form = valid(AdminFixtures.unique("Netsuke"));
		form.put("currency", "JPY");
		form.put("startPrice", "4000.5");
		form.put("reservePrice", "");
		MvcResult result = this.mvc.perform(submit("/admin/lots", form)).andReturn();
		assertThat(errorsOf(result)).containsOnly("startPrice");
		assertThat(result.getResponse().getContentAsString()).contains("JPY amounts have at most 0 decimals.");
	}

	Map.Entry<Map<String, String>, String> bad(String field, String value, String message) {
		return bad(field, value, message, field);
	}

	Map.Entry<Map<String, String>, String> bad(String field, String value, String message, String errorField) {
		Map<String, String> form = valid(AdminFixtures.unique("Bad lot"));
		form.put(field, value);
		form.put("__field", errorField);
		return Map.entry(form, message);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;").replace("\"", "&quot;");
	}

	@Test
	void aScheduledLotMayChangeEveryTerm() throws Exception {
		String title = AdminFixtures.unique("Clock");
		MvcResult created = this.mvc.perform(submit("/admin/lots", withSchedule(valid(title)))).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/admin/lots/", ""));

		Map<String, String> form = valid(title + " (restored)");
		form.put("startPrice", "55.50");
		form.put("reservePrice", "");
		form.put("buyNowPrice", "500");
		MvcResult result = this.mvc.perform(submit("/admin/lots/" + id, form)).andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/lots/" + id);
		LotAdminView lot = this.catalog.adminLot(id).orElseThrow();
		assertThat(lot.lot().title()).isEqualTo(title + " (restored)");
		assertThat(lot.terms().startPrice()).isEqualTo(5550);
		assertThat(lot.terms().reservePrice()).isNull();
		assertThat(lot.terms().buyNowPrice()).isEqualTo(50000);
		assertThat(lastEventKind(id)).isEqualTo("updated");
	}

	static Map<String, String> withSchedule(Map<String, String> form) {
		form.put("schedule", "true");
		return form;
	}

	@Test
	void anOpenLotKeepsItsTermsAndChangesOnlyTitleAndDescription() throws Exception {
		LotView open = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Open lot"));
		Account bidder = AdminFixtures.bidder(this.accounts, "form-bidder");
		AdminFixtures.bid(this.engine, open.id(), bidder, "40.00", null);
		LotAdminView before = this.catalog.adminLot(open.id()).orElseThrow();

		// The page shows the terms read-only; a forged post that raises the start price changes nothing of them.
		String page = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/admin/lots/" + open.id() + "/edit")
			.with(as(this.admin))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("only its title and description can change").contains("readonly");

		Map<String, String> form = valid("Renamed open lot");
		form.put("description", "Now with its box.");
		form.put("startPrice", "9999");
		form.put("endsAt", local(Instant.now().plus(Duration.ofDays(30))));
		MvcResult result = this.mvc.perform(submit("/admin/lots/" + open.id(), form)).andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/lots/" + open.id());
		LotAdminView after = this.catalog.adminLot(open.id()).orElseThrow();
		assertThat(after.lot().title()).isEqualTo("Renamed open lot");
		assertThat(after.terms().description()).isEqualTo("Now with its box.");
		assertThat(after.terms().startPrice()).isEqualTo(before.terms().startPrice());
		assertThat(after.terms().endsAt()).isEqualTo(before.terms().endsAt());
		assertThat(after.terms().reservePrice()).isEqualTo(before.terms().reservePrice());
		assertThat(after.lot().price()).isEqualTo(before.lot().price());
		assertThat(lastEventKind(open.id())).isEqualTo("updated");
		assertThat(this.jdbc.queryForObject(
				"select payload from lot_event where lot_id = ? order by sequence desc limit 1", String.class, open.id()))
			.contains("\"fields\":[\"title\",\"description\"]")
			.contains("\"title\":\"Renamed open lot\"");
	}

	@Test
	void theEngineRefusesNewTermsForAnOpenLot() {
		LotView open = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Guarded lot"));
		LotAdminView lot = this.catalog.adminLot(open.id()).orElseThrow();
		com.gavel.auction.LotSpec raised = new com.gavel.auction.LotSpec(lot.terms().title(),
				lot.terms().description(), "EUR", lot.terms().startPrice() + 100, null, null, lot.terms().startsAt(),
				lot.terms().endsAt(), null, lot.terms().softCloseWindow(), lot.terms().softCloseExtension(), null);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.engine.amend(open.id(), raised))
			.isInstanceOf(com.gavel.auction.LotStateException.class)
			.hasMessageContaining("only its title and description");
		assertThat(this.catalog.adminLot(open.id()).orElseThrow().terms().startPrice())
			.isEqualTo(lot.terms().startPrice());
	}

	@Test
	void aClosedLotCannotBeEdited() throws Exception {
		LotView open = AdminFixtures.openLot(this.engine, AdminFixtures.unique("Closed lot"));
		this.engine.closeNow(open.id());
		MvcResult result = this.mvc.perform(submit("/admin/lots/" + open.id(), valid("Renamed"))).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/lots/" + open.id());
		assertThat(result.getFlashMap().get("alert")).asString().contains("can no longer be edited");
		assertThat(this.catalog.adminLot(open.id()).orElseThrow().lot().title()).isEqualTo(open.title());
	}

	String lastEventKind(long lotId) {
		return this.jdbc.queryForObject("select type from lot_event where lot_id = ? order by sequence desc limit 1",
				String.class, lotId);
	}

}
