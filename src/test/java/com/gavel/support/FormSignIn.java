package com.gavel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forms as a browser fills them in: the CSRF token read from the page, and signing in through
 * {@code /login} with a client that keeps the session cookie (so no password is checked again).
 */
public final class FormSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private FormSignIn() {
	}

	/** The CSRF token of the page's form, or {@code null} when it has none. */
	public static String csrfToken(String html) {
		Matcher token = CSRF.matcher(html);
		return token.find() ? token.group(1) : null;
	}

	/**
	 * A client signed in as {@code username} through the sign-in form; it keeps the session cookie
	 * and does not follow redirects.
	 * @throws AssertionError when the sign-in fails
	 */
	public static HttpClient signIn(String base, String username, String password) {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> form = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).GET());
		String token = csrfToken(form.body());
		if (token == null) {
			throw new AssertionError("the sign-in form has no CSRF token: HTTP " + form.statusCode());
		}
		HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
					+ "&_csrf=" + enc(token))));
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("signing in as " + username + " failed: HTTP " + signedIn.statusCode() + " to "
					+ location);
		}
		return http;
	}

	/** The Cookie header the client's browser would send with its session: {@code SESSION=…}. */
	public static String sessionCookie(HttpClient http) {
		CookieManager jar = (CookieManager) http.cookieHandler().orElseThrow();
		return jar.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("SESSION"))
			.findFirst()
			.map((c) -> c.getName() + "=" + c.getValue())
			.orElseThrow(() -> new AssertionError("no SESSION cookie in " + jar.getCookieStore().getCookies()));
	}

	/**
	 * Signs the client out through the sign-out form of a page it can see (its CSRF token).
	 * @throws AssertionError when the sign-out is not answered with a redirect
	 */
	public static void signOut(String base, HttpClient http) {
		String page = send(http, HttpRequest.newBuilder(URI.create(base + "/my/bids")).header("Accept", "text/html"))
			.body();
		HttpResponse<String> out = send(http, HttpRequest.newBuilder(URI.create(base + "/logout"))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrfToken(page)))));
		if (out.statusCode() != 302) {
			throw new AssertionError("signing out failed: HTTP " + out.statusCode());
		}
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
