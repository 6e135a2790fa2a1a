package com.gavel.auction;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical form that event hashes cover: the expected texts below were written by Python's
 * {@code json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}, which is
 * how docs/ledger.md tells a verifier to make it.
 */
class CanonicalJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private String canonical(String text) {
		return CanonicalJson.write(this.json.readTree(text));
	}

	@Test
	void sortsMembersAtEveryDepthAndDropsWhitespace() {
		assertThat(canonical("{ \"b\": 1, \"a\": [true, false, null, \"x\"], \"A\": {\"z\": -5, \"y\": 9007199254740991} }"))
			.isEqualTo("{\"A\":{\"y\":9007199254740991,\"z\":-5},\"a\":[true,false,null,\"x\"],\"b\":1}");
		assertThat(canonical("{}")).isEqualTo("{}");
		assertThat(canonical("[]")).isEqualTo("[]");
		assertThat(canonical("{\"lot\":{\"title\":\"t\",\"id\":2},\"detail\":{}}"))
			.isEqualTo("{\"detail\":{},\"lot\":{\"id\":2,\"title\":\"t\"}}");
	}

	@Test
	void escapesOnlyWhatJsonRequiresInLowerCaseHex() {
		// Control characters, quote and backslash escaped; slash, DEL, U+2028, accents and emoji as they are.
		String value = "\u0001\b\t\n\f\r\"\\/\u007f\u2028é😀\u001f";
		String written = this.json.writeValueAsString(List.of(value));
		assertThat(canonical(written)).isEqualTo("[\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u2028é😀\\u001f\"]");
	}

	@Test
	void anUnpairedSurrogateBecomesTheReplacementCharacter() {
		assertThat(canonical("[\"a\\ud800b\"]")).isEqualTo("[\"a\uFFFDb\"]");
		assertThat(canonical("[\"\\ud83d\\ude00\"]")).isEqualTo("[\"😀\"]");
	}

	@Test
	void refusesNumbersThatReadersOfJsonWouldNotAgreeOn() {
		assertThatThrownBy(() -> canonical("[1.5]")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> canonical("[9007199254740992]")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> canonical("[-9007199254740992]")).isInstanceOf(IllegalArgumentException.class);
		assertThat(canonical("[-9007199254740991, 0]")).isEqualTo("[-9007199254740991,0]");
	}

	@Test
	void theCanonicalFormIsItsOwnCanonicalForm() {
		String once = canonical("{\"z\":{\"b\":[1,{\"d\":\"\\u0000\",\"c\":null}],\"a\":true},\"y\":\"\\\"\"}");
		assertThat(canonical(once)).isEqualTo(once);
	}

}
