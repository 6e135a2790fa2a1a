package com.gavel.support;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Where one try of a property draws its input from: the few shapes of random value the
 * properties need, bounds inclusive because that is how a range reads in a test.
 */
public final class Gen {

	private final SplittableRandom random;

	Gen(SplittableRandom random) {
		this.random = random;
	}

	/**
	 * A value in {@code [min, max]} whose distance above {@code min} is drawn on a logarithmic
	 * scale: within 0, 1, 3, 7, 15... of it, each scale equally likely, up to the whole range.
	 * The rules' edges (a bid exactly at the ask, two equal maximums, a maximum exactly at the
	 * reserve) sit at small distances, which a uniform draw from a wide range would almost never
	 * produce, while every magnitude still comes up. For values below zero, negate a positive
	 * range, so they gather near zero too. {@code max - min} must be below {@code Long.MAX_VALUE}.
	 */
	public long between(long min, long max) {
		long span = max - min;
		int bits = this.random.nextInt(Long.SIZE - Long.numberOfLeadingZeros(span) + 1);
		long scale = Math.min(span, (1L << bits) - 1);
		return min + this.random.nextLong(scale + 1);
	}

	/**
	 * Uniform in {@code [min, max]}, for sizes and small choices; {@code max} must be below
	 * {@code Integer.MAX_VALUE}.
	 */
	public int uniform(int min, int max) {
		return this.random.nextInt(min, max + 1);
	}

	/** True with the given probability. */
	public boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	/** One of the values, each equally likely; repeat a value to weight it. */
	@SafeVarargs
	public final <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	/**
	 * An index {@code i} with probability {@code weights[i]} over the sum of the weights, for a
	 * test to choose between differently shaped values with a switch.
	 */
	public int weighted(int... weights) {
		int roll = this.random.nextInt(IntStream.of(weights).sum());
		int index = 0;
		while (roll >= weights[index]) {
			roll -= weights[index];
			index++;
		}
		return index;
	}

}
