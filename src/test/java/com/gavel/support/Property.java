package com.gavel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Property tests on plain JUnit 5: a property runs {@code tries} times on generated inputs, once
 * per seed. Every try draws from its own generator split off the seed, so a seed regenerates the
 * same inputs in the same order. The fixed seed runs on every build, so a failure it finds
 * reproduces anywhere; a few random seeds per run search further over time. A failure names its
 * seed and try, and {@code -Dgavel.seed=<seed>} runs just that seed again.
 */
public final class Property {

	/** The system property that replays one seed instead of the usual ones. */
	public static final String SEED_PROPERTY = "gavel.seed";

	public static final long FIXED_SEED = 1729;

	static final int RANDOM_SEEDS = 3;

	private Property() {
	}

	/** One dynamic test per seed, named after it; return it from a {@code @TestFactory}. */
	public static <T> Stream<DynamicTest> forAll(int tries, Function<Gen, T> generator, Consumer<T> property) {
		return forAll(seeds(System.getProperty(SEED_PROPERTY)), tries, generator, property);
	}

	static <T> Stream<DynamicTest> forAll(List<Long> seeds, int tries, Function<Gen, T> generator,
			Consumer<T> property) {
		return seeds.stream()
			.map((seed) -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed, tries, generator, property)));
	}

	/** The seed asked for, or else the fixed seed and a few random ones. */
	static List<Long> seeds(String requested) {
		if (requested != null && !requested.isBlank()) {
			return List.of(Long.parseLong(requested.strip()));
		}
		List<Long> seeds = new ArrayList<>();
		seeds.add(FIXED_SEED);
		ThreadLocalRandom.current().longs(RANDOM_SEEDS).forEach(seeds::add);
		return seeds;
	}

	/** Runs the property on {@code tries} inputs generated from the seed; stops at the first failure. */
	public static <T> void check(long seed, int tries, Function<Gen, T> generator, Consumer<T> property) {
		SplittableRandom seeded = new SplittableRandom(seed);
		for (int attempt = 1; attempt <= tries; attempt++) {
			T input = generator.apply(new Gen(seeded.split()));
			try {
				property.accept(input);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("Property failed on try %d of %d with seed %d (replay: -D%s=%d)%nInput: %s"
					.formatted(attempt, tries, seed, SEED_PROPERTY, seed, input), ex);
			}
		}
	}

}
