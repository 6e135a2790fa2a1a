package com.gavel.ship;

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

import com.gavel.support.FormSignIn;

/**
 * Signs up a bidder the way a person does: GET the form (session cookie and CSRF token), POST it,
 * expect the redirect to the sign-in page.
 */
public final class Registration {

	private Registration() {
	}

	public static void register(String base, String username, String password) {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		try {
			HttpResponse<String> form = http.send(
					HttpRequest.newBuilder(URI.create(base + "/register")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			String token = FormSignIn.csrfToken(form.body());
			if (form.statusCode() != 200 || token == null) {
				throw new IllegalStateException("no registration form with a CSRF token: HTTP " + form.statusCode());
			}
			String body = "_csrf=" + enc(token) + "&username=" + enc(username) + "&email="
					+ enc(username + "@bench.gavel.test") + "&password=" + enc(password);
			HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/register"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			// Registered: signed in and sent on (to the catalogue); refused: the form again, with its errors.
			if (posted.statusCode() != 302) {
				throw new IllegalStateException("registering " + username + " failed: HTTP " + posted.statusCode());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
