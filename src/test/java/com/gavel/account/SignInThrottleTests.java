package com.gavel.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.gavel.account.SignInThrottle.Limit;
import com.gavel.account.SignInThrottle.Refusal;
import com.gavel.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle on its own, on a clock the test moves: when attempts are refused, for how long,
 * what clears or forgets a count, and that it stays small whatever it is sent.
 */
class SignInThrottleTests {

	private static final String HOME = "192.0.2.10";

	private final MutableClock clock = new MutableClock(MutableClock.START);

	private SignInThrottle throttle = throttle(10_000);

	@Test
	void aUsernameIsRefusedAfterFiveFailuresForAGrowingTimeThatStopsAtFifteenMinutes() {
		for (int i = 0; i < 4; i++) {
			assertThat(fail("ada", HOME)).isEmpty();
		}
		assertThat(fail("ada", HOME)).isEmpty();

		List<Duration> refusals = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Refusal refusal = this.throttle.begin("ada", HOME).orElseThrow();
			assertThat(refusal.limit()).isEqualTo(Limit.USERNAME);
			refusals.add(refusal.retryAfter());
			this.clock.advance(refusal.retryAfter());
			assertThat(fail("ada", HOME)).as("allowed once the refusal ran out").isEmpty();
		}
		assertThat(refusals).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
				Duration.ofSeconds(8));
		assertThat(refusals).isSorted().allSatisfy((d) -> assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(15)));
		assertThat(refusals.get(refusals.size() - 1)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aRefusalNamesWholeSecondsRoundedUp() {
		failTimes("ben", HOME, 5);
		this.clock.advance(Duration.ofMillis(300));
		Refusal refusal = this.throttle.begin("ben", HOME).orElseThrow();
		assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMillis(700));
		assertThat(refusal.seconds()).isEqualTo(1);
	}

	@Test
	void theOwnersSuccessClearsTheUsernamesCount() {
		failTimes("cy", HOME, 5);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.begin("cy", HOME)).isEmpty();
		this.throttle.succeeded("cy");
		this.throttle.end("cy", HOME);

		// Counting starts again from nothing: it takes five new failures to be refused again.
		failTimes("cy", HOME, 4);
		assertThat(this.throttle.begin("cy", HOME)).isEmpty();
		this.throttle.end("cy", HOME);
	}

	@Test
	void usernamesAreThrottledWhateverTheirCaseAndSurroundingSpaces() {
		failTimes("Dora", HOME, 5);
		assertThat(this.throttle.begin(" dORA ", HOME)).get().extracting(Refusal::limit).isEqualTo(Limit.USERNAME);
	}

	@Test
	void anAddressIsRefusedAfterTwentyFailuresOverAnyUsernames() {
		for (int i = 0; i < 20; i++) {
			assertThat(fail("guess-" + i, "203.0.113.7")).isEmpty();
		}
		Optional<Refusal> refused = this.throttle.begin("eve", "203.0.113.7");
		assertThat(refused).get().extracting(Refusal::limit).isEqualTo(Limit.ADDRESS);
		assertThat(refused.get().retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.begin("eve", HOME)).as("the same username from elsewhere").isEmpty();
		this.throttle.end("eve", HOME);

		// A success from that address does not clear it: one good account must not launder guesses.
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.begin("eve", "203.0.113.7")).isEmpty();
		this.throttle.succeeded("eve");
		this.throttle.end("eve", "203.0.113.7");
		assertThat(fail("guess-20", "203.0.113.7")).isEmpty();
		assertThat(this.throttle.begin("guess-21", "203.0.113.7")).get()
			.extracting(Refusal::retryAfter)
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64Network() {
		for (int i = 0; i < 20; i++) {
			assertThat(fail("guess-" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1))).isEmpty();
		}
		assertThat(this.throttle.begin("eve", "2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).get()
			.extracting(Refusal::limit)
			.isEqualTo(Limit.ADDRESS);
		assertThat(this.throttle.begin("eve", "2001:db8:1:3::1")).as("the next /64 is someone else").isEmpty();

		assertThat(SignInThrottle.addressKey("2001:DB8:0:0:1::1")).isEqualTo("2001:db8:0:0::/64");
		assertThat(SignInThrottle.addressKey("[::1]")).isEqualTo("0:0:0:0::/64");
		assertThat(SignInThrottle.addressKey("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
		assertThat(SignInThrottle.addressKey("192.0.2.10")).isEqualTo("192.0.2.10");
		assertThat(SignInThrottle.addressKey("::ffff:192.0.2.10")).isEqualTo("::ffff:192.0.2.10");
		assertThat(SignInThrottle.addressKey("not:an:address")).isEqualTo("not:an:address");
	}

	@Test
	void countsAreForgottenAfterAQuietWindow() {
		failTimes("fay", HOME, 4);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(fail("fay", HOME)).as("the four failures were forgotten").isEmpty();
		failTimes("fay", HOME, 4);
		assertThat(this.throttle.begin("fay", HOME)).isPresent();

		// The window starts again when a refusal ends, not when it began.
		this.clock.advance(Duration.ofSeconds(1).plus(Duration.ofMinutes(15)).minusMillis(1));
		assertThat(fail("fay", HOME)).isEmpty();
		assertThat(this.throttle.begin("fay", HOME)).as("still counted: refused again").isPresent();
	}

	@Test
	void attemptsStillBeingCheckedCountAgainstWhatIsLeft() {
		failTimes("gil", HOME, 3);
		assertThat(this.throttle.begin("gil", HOME)).isEmpty();
		assertThat(this.throttle.begin("gil", HOME)).isEmpty();
		Optional<Refusal> third = this.throttle.begin("gil", HOME);
		assertThat(third).as("five attempts at once would be checked before any failed").isPresent();
		assertThat(third.get().limit()).isEqualTo(Limit.USERNAME);

		this.throttle.succeeded("gil");
		this.throttle.end("gil", HOME);
		this.throttle.end("gil", HOME);
		assertThat(this.throttle.begin("gil", HOME)).isEmpty();
		this.throttle.end("gil", HOME);

		// Many people behind one address sign in at once: that alone is never refused.
		for (int i = 0; i < 100; i++) {
			assertThat(this.throttle.begin("crowd-" + i, "198.51.100.1")).isEmpty();
		}
	}

	@Test
	void aSprayOfMadeUpUsernamesAndAddressesKeepsOnlyTheCappedNumber() {
		this.throttle = throttle(100);
		for (int i = 0; i < 10_000; i++) {
			fail("spray-" + i, "10.0." + (i / 256) + "." + (i % 256));
			assertThat(this.throttle.trackedUsernames()).isLessThanOrEqualTo(100);
			assertThat(this.throttle.trackedAddresses()).isLessThanOrEqualTo(100);
		}
		assertThat(this.throttle.trackedUsernames()).isEqualTo(100);

		// Successful sign-ins leave nothing behind.
		SignInThrottle fresh = throttle(100);
		for (int i = 0; i < 1_000; i++) {
			assertThat(fresh.begin("user-" + i, HOME)).isEmpty();
			fresh.succeeded("user-" + i);
			fresh.end("user-" + i, HOME);
		}
		assertThat(fresh.trackedUsernames()).isZero();
		assertThat(fresh.trackedAddresses()).isZero();
	}

	@Test
	void aHugeMadeUpUsernameIsRememberedCutShort() {
		String huge = "x".repeat(1_000_000);
		failTimes(huge, HOME, 5);
		assertThat(this.throttle.begin(huge, HOME)).isPresent();
		assertThat(this.throttle.begin("x".repeat(128) + "y", HOME)).as("shares the cut-short key").isPresent();
	}

	private SignInThrottle throttle(int maxTrackedKeys) {
		return new SignInThrottle(new SignInProperties(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(1),
				Duration.ofMinutes(15), maxTrackedKeys), this.clock);
	}

	/** One whole attempt with a wrong password; the refusal, if it was refused instead. */
	private Optional<Refusal> fail(String username, String address) {
		Optional<Refusal> refusal = this.throttle.begin(username, address);
		if (refusal.isEmpty()) {
			this.throttle.failed(username, address);
			this.throttle.end(username, address);
		}
		return refusal;
	}

	private void failTimes(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(fail(username, address)).isEmpty();
		}
	}

}
