package com.gavel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's shapes: values stay in their range, and the edges the bidding rules care about
 * come up often enough for a thousand tries to meet them.
 */
class GenTests {

	private static final int DRAWS = 10_000;

	private static <T> List<T> draw(Function<Gen, T> value) {
		Gen gen = new Gen(new SplittableRandom(Property.FIXED_SEED));
		List<T> values = new ArrayList<>();
		for (int i = 0; i < DRAWS; i++) {
			values.add(value.apply(gen));
		}
		return values;
	}

	@Test
	void betweenStaysInItsRangeAndOftenMeetsItsLowerBoundWithoutLosingTheTop() {
		List<Long> values = draw((gen) -> gen.between(0, 200_000));

		assertThat(values).allMatch((v) -> v >= 0 && v <= 200_000);
		// Uniform would give 0 about once in 200,001 draws; the rules' edges need it far more often.
		assertThat(values).filteredOn((v) -> v == 0).hasSizeGreaterThan(DRAWS / 100);
		// Each power of two is as likely as the next, so the top of the range still comes up.
		assertThat(values).filteredOn((v) -> v > 150_000).hasSizeGreaterThan(DRAWS / 200);
		assertThat(values).filteredOn((v) -> v > 1_000 && v <= 2_000).hasSizeGreaterThan(DRAWS / 40);
	}

	@Test
	void betweenCoversATinyRangeAndASingleValue() {
		assertThat(draw((gen) -> gen.between(1, 3))).containsOnly(1L, 2L, 3L).contains(1L, 2L, 3L);
		assertThat(draw((gen) -> gen.between(7, 7))).containsOnly(7L);
	}

	@Test
	void uniformCoversItsRangeEvenly() {
		List<Integer> values = draw((gen) -> gen.uniform(1, 4));

		for (int v = 1; v <= 4; v++) {
			int value = v;
			assertThat(values).filteredOn((x) -> x == value).hasSizeBetween(DRAWS / 4 - 500, DRAWS / 4 + 500);
		}
	}

	@Test
	void weightedChoosesEachIndexInProportion() {
		List<Integer> indexes = draw((gen) -> gen.weighted(4, 1, 5, 0));

		assertThat(indexes).filteredOn((i) -> i == 0).hasSizeBetween(DRAWS * 4 / 10 - 500, DRAWS * 4 / 10 + 500);
		assertThat(indexes).filteredOn((i) -> i == 1).hasSizeBetween(DRAWS / 10 - 300, DRAWS / 10 + 300);
		assertThat(indexes).filteredOn((i) -> i == 2).hasSizeBetween(DRAWS / 2 - 500, DRAWS / 2 + 500);
		assertThat(indexes).doesNotContain(3);
	}

	@Test
	void chanceAndPickFollowTheirOdds() {
		assertThat(draw((gen) -> gen.chance(0.6))).filteredOn((b) -> b)
			.hasSizeBetween(DRAWS * 6 / 10 - 500, DRAWS * 6 / 10 + 500);
		assertThat(draw((gen) -> gen.pick("EUR", "EUR", "JPY"))).filteredOn("JPY"::equals)
			.hasSizeBetween(DRAWS / 3 - 500, DRAWS / 3 + 500);
	}

}
