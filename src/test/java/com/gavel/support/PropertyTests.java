package com.gavel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The property harness: a failure must say how to replay it, and replaying must find the same
 * failure, or a red build could not be investigated.
 */
class PropertyTests {

	/** Lists of up to ten numbers from 0 to 1,000; one above 990 turns up every few hundred tries. */
	private static final Function<Gen, List<Long>> SMALL_NUMBERS = (gen) -> {
		List<Long> values = new ArrayList<>();
		int size = gen.uniform(0, 10);
		for (int i = 0; i < size; i++) {
			values.add(gen.between(0, 1_000));
		}
		return values;
	};

	@Test
	void aFailingPropertyNamesItsSeedTryAndInput() {
		List<List<Long>> tried = new ArrayList<>();
		AssertionError failure = catchThrowableOfType(AssertionError.class,
				() -> Property.check(77, 1000, SMALL_NUMBERS, (values) -> {
					tried.add(values);
					assertThat(values).hasSizeLessThan(9);
				}));

		assertThat(failure).isNotNull();
		List<Long> failing = tried.get(tried.size() - 1);
		assertThat(failing).hasSizeGreaterThanOrEqualTo(9);
		assertThat(failure).hasMessageStartingWith("Property failed on try " + tried.size() + " of 1000 with seed 77")
			.hasMessageContaining("-Dgavel.seed=77")
			.hasMessageContaining("Input: " + failing);
		// The property's own assertion stays attached, so the report says what was wrong.
		assertThat(failure.getCause()).hasMessageContaining("to be less than 9");
	}

	@Test
	void anExceptionFromTheCodeUnderTestAlsoNamesItsSeed() {
		AssertionError failure = catchThrowableOfType(AssertionError.class,
				() -> Property.check(5, 100, SMALL_NUMBERS, (values) -> values.get(9)));

		assertThat(failure).hasMessageContaining("with seed 5");
		assertThat(failure.getCause()).isInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void theSeedInAFailureReplaysTheSameInputs() {
		long randomSeed = Property.seeds(null).get(1);
		List<List<Long>> firstRun = new ArrayList<>();
		AssertionError failure = catchThrowableOfType(AssertionError.class,
				() -> Property.check(randomSeed, 10_000, SMALL_NUMBERS, (values) -> {
					firstRun.add(values);
					assertThat(values).allMatch((value) -> value <= 990);
				}));
		assertThat(failure).isNotNull();

		Matcher replay = Pattern.compile("-Dgavel\\.seed=(-?\\d+)").matcher(failure.getMessage());
		assertThat(replay.find()).isTrue();
		List<List<Long>> secondRun = new ArrayList<>();
		AssertionError again = catchThrowableOfType(AssertionError.class,
				() -> Property.check(Long.parseLong(replay.group(1)), 10_000, SMALL_NUMBERS, (values) -> {
					secondRun.add(values);
					assertThat(values).allMatch((value) -> value <= 990);
				}));

		assertThat(secondRun).isEqualTo(firstRun);
		assertThat(again).hasMessage(failure.getMessage());
	}

	@Test
	void differentSeedsGenerateDifferentInputs() {
		List<List<Long>> one = new ArrayList<>();
		List<List<Long>> other = new ArrayList<>();
		Property.check(1, 50, SMALL_NUMBERS, one::add);
		Property.check(2, 50, SMALL_NUMBERS, other::add);

		assertThat(one).hasSize(50).isNotEqualTo(other);
	}

	@Test
	void aPassingPropertyRunsEveryTry() {
		List<List<Long>> tried = new ArrayList<>();

		assertThatNoException().isThrownBy(() -> Property.check(3, 200, SMALL_NUMBERS, tried::add));
		assertThat(tried).hasSize(200);
	}

	@Test
	void everyRunHasTheFixedSeedAndAFewRandomOnes() {
		List<Long> seeds = Property.seeds(null);

		assertThat(seeds).hasSize(1 + Property.RANDOM_SEEDS).first().isEqualTo(Property.FIXED_SEED);
		assertThat(seeds).doesNotHaveDuplicates();
		assertThat(Property.seeds(null).subList(1, seeds.size())).isNotEqualTo(seeds.subList(1, seeds.size()));
	}

	@Test
	void aRequestedSeedRunsAlone() {
		assertThat(Property.seeds("-4242")).containsExactly(-4242L);
		assertThat(Property.seeds(" ")).hasSize(1 + Property.RANDOM_SEEDS);
	}

	@Test
	void eachSeedIsOneTestNamedAfterItThatRunsTheProperty() {
		List<DynamicTest> tests = Property.forAll(List.of(11L, -12L), 100, SMALL_NUMBERS, (values) -> {
			assertThat(values).hasSizeLessThan(9);
		}).collect(Collectors.toList());

		assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("seed 11", "seed -12");
		AssertionError failure = catchThrowableOfType(AssertionError.class,
				() -> tests.get(1).getExecutable().execute());
		assertThat(failure).hasMessageContaining("with seed -12 (replay: -Dgavel.seed=-12)");
	}

}
