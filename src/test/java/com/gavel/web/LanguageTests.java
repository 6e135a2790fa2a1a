package com.gavel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gavel.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which language a page is in, through the real server: the browser's Accept-Language, matched
 * to the languages Gavel speaks (English otherwise), unless the reader chose one with
 * {@code ?lang=}, which a cookie remembers; {@code <html lang>} names the language the page is in.
 */
@WebSpringBootTest
class LanguageTests {

	private static final Pattern HTML_LANG = Pattern.compile("<html lang=\"([^\"]+)\"");

	private static final Pattern H1 = Pattern.compile("<h1[^>]*>([^<]+)</h1>");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "pt-BR|pt-BR|Catálogo", "pt-PT,pt;q=0.9|pt-BR|Catálogo",
			"pt|pt-BR|Catálogo", "de-DE,de;q=0.9,pt-BR;q=0.5|pt-BR|Catálogo", "en-GB,pt-BR;q=0.8|en|Catalogue",
			"de-DE,de;q=0.9|en|Catalogue", "fr|en|Catalogue", "*|en|Catalogue" })
	void theBrowsersLanguageDecidesWhenGavelSpeaksIt(String acceptLanguage, String language, String heading) {
		HttpResponse<String> page = get("/", acceptLanguage, null);
		assertThat(htmlLang(page)).isEqualTo(language);
		assertThat(h1(page)).isEqualTo(heading);
	}

	@Test
	void withoutAnAcceptLanguageThePageIsInEnglish() {
		HttpResponse<String> page = get("/login", null, null);
		assertThat(htmlLang(page)).isEqualTo("en");
		assertThat(h1(page)).isEqualTo("Sign in");
	}

	@Test
	void aChosenLanguageIsRememberedForAYearAndOutranksTheBrowsers() {
		HttpResponse<String> chosen = get("/login?lang=pt-BR", "en-US", null);
		assertThat(htmlLang(chosen)).isEqualTo("pt-BR");
		assertThat(h1(chosen)).isEqualTo("Entrar");
		String cookie = languageCookie(chosen).orElseThrow();
		assertThat(cookie).startsWith("gavel-lang=pt-BR;").contains("Path=/", "Max-Age=31536000", "HttpOnly",
				"SameSite=Lax");

		HttpResponse<String> later = get("/register", "en-US", "gavel-lang=pt-BR");
		assertThat(htmlLang(later)).isEqualTo("pt-BR");
		assertThat(h1(later)).isEqualTo("Criar uma conta de licitante");
		HttpResponse<String> back = get("/register?lang=en", "pt-BR", "gavel-lang=pt-BR");
		assertThat(htmlLang(back)).isEqualTo("en");
		assertThat(languageCookie(back)).hasValueSatisfying((c) -> assertThat(c).startsWith("gavel-lang=en;"));
	}

	@Test
	void aLanguageGavelDoesNotSpeakIsNeitherShownNorRemembered() {
		HttpResponse<String> page = get("/?lang=xx-YY", "pt-BR", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(htmlLang(page)).isEqualTo("pt-BR");
		assertThat(languageCookie(page)).isEmpty();
		assertThat(htmlLang(get("/?lang=not+a%25language", null, null))).isEqualTo("en");
		// A cookie that names no language Gavel speaks leaves the choice to the browser.
		assertThat(htmlLang(get("/", "pt-BR", "gavel-lang=de"))).isEqualTo("pt-BR");
		assertThat(htmlLang(get("/", "pt-BR", "gavel-lang=%3Cscript%3E"))).isEqualTo("pt-BR");
	}

	@Test
	void theSwitcherLinksToThisPageWithItsQueryInEachLanguage() {
		String html = get("/?q=pocket+watch&lang=en&category=Clocks", null, null).body();
		assertThat(html).contains("href=\"/?q=pocket+watch&amp;category=Clocks&amp;lang=pt-BR\" lang=\"pt-BR\"")
			.contains("href=\"/?q=pocket+watch&amp;category=Clocks&amp;lang=en\" lang=\"en\"");
		// Sign in and Register come back here, in any language.
		assertThat(html).contains("href=\"/login?next=/?q%3Dpocket%2Bwatch%26category%3DClocks\"");
	}

	@Test
	void anErrorPageIsInTheReadersLanguageAndSwitchesToTheFailedPage() {
		HttpResponse<String> missing = get("/lots/987654321", "pt-BR", null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(htmlLang(missing)).isEqualTo("pt-BR");
		assertThat(h1(missing)).isEqualTo("Não encontramos esta página");
		assertThat(missing.body()).contains("href=\"/lots/987654321?lang=en\"");
	}

	private Optional<String> languageCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(LanguageResolver.COOKIE + "="))
			.findFirst();
	}

	private static String htmlLang(HttpResponse<String> page) {
		Matcher lang = HTML_LANG.matcher(page.body());
		assertThat(lang.find()).as("<html lang> in %s", page.uri()).isTrue();
		return lang.group(1);
	}

	private static String h1(HttpResponse<String> page) {
		Matcher h1 = H1.matcher(page.body());
		assertThat(h1.find()).as("<h1> in %s", page.uri()).isTrue();
		return h1.group(1).strip();
	}

	private HttpResponse<String> get(String path, String acceptLanguage, String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.GET();
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return ApiClient.send(this.http, request);
	}

}
