package com.gavel.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which return paths a sign-in may send a person back to: pages on Gavel, nothing else. */
class ReturnPathTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/lots/42", "/lots/42?from=card", "/?q=pocket+watch&category=Clocks", "/my/bids",
			"/admin/users", "/lots/%2F%2Fevil.example", "/search?next=https://evil.example" })
	void aPathOnThisSiteIsKept(String path) {
		assertThat(ReturnPath.of(path)).contains(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "lots/42", "https://evil.example/", "http://localhost/lots/1", "//evil.example/lots/1",
			"///evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "/lots/1\r\nSet-Cookie: a=b",
			"/lots/1\tx", "/lots/ 1", "/lots/{id}", "/login", "/login?next=/lots/1", "/register", "/logout", "/error",
			"mailto:someone@example.test" })
	void anythingElseIsRefused(String candidate) {
		assertThat(ReturnPath.of(candidate)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1001, 5000 })
	void anOverlyLongPathIsRefused(int length) {
		assertThat(ReturnPath.of("/" + "a".repeat(length - 1))).isEmpty();
		assertThat(ReturnPath.of("/" + "a".repeat(999))).isPresent();
	}

	@Test
	void noPathIsNoReturnPath() {
		assertThat(ReturnPath.of((String) null)).isEmpty();
	}

}
