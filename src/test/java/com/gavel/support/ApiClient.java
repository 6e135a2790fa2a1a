package com.gavel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.gavel.account.Account;

/**
 * A plain HTTP client for the JSON API on the test's embedded server, signing in with HTTP Basic
 * (or not at all), the way an API client would.
 */
public final class ApiClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final int port;

	public ApiClient(int port) {
		this.port = port;
	}

	/** Credentials, or {@link #ANONYMOUS}. */
	public record Login(String username, String password) {

		public static Login of(Account account) {
			return new Login(account.username(), TestAccounts.PASSWORD);
		}

		public static Login admin() {
			return new Login(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
		}

	}

	public static final Login ANONYMOUS = null;

	public HttpResponse<String> get(String path, Login login) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), login);
	}

	public HttpResponse<String> post(String path, Login login, String json) {
		return post(path, login, "application/json", json);
	}

	public HttpResponse<String> post(String path, Login login, String contentType, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)), login);
	}

	public HttpResponse<String> put(String path, Login login, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)), login);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, Login login) {
		request.timeout(Duration.ofSeconds(30));
		if (login != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)));
		}
		return send(this.http, request);
	}

	/** Sends through {@code client} and reads the body as UTF-8 text; failures become unchecked. */
	public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
