package com.gavel.auction;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.gavel.GavelApplication;
import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.Role;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The house survives a restart: the application is started on a file database in a fresh
 * folder, used, shut down, and started again on the same folder half an hour later. Lots, bids,
 * aliases and the event log are all there, the sequence goes on without a gap, request ids are
 * still remembered, and lots whose time came while the application was down are opened and
 * closed at once.
 */
class AuctionDurabilityTests {

	/** Shared by both runs, so the second one starts where the first one's time left off. */
	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2031-06-01T12:00:00Z"));

	@TempDir
	Path dataDir;

	@Test
	void everythingSurvivesARestart() {
		Instant start = CLOCK.instant();
		long running;
		long endsWhileDown;
		long opensAndEndsWhileDown;
		LotView runningBefore;
		List<BidHistoryEntry> historyBefore;
		List<String> eventsBefore;
		String adaName;
		BidResult adasFirst;

		try (ConfigurableApplicationContext first = start()) {
			AuctionEngine engine = first.getBean(AuctionEngine.class);
			AuctionCatalog catalog = first.getBean(AuctionCatalog.class);
			AccountService accounts = first.getBean(AccountService.class);
			Account ada = TestAccounts.newBidder(accounts, "ada");
			Account ben = TestAccounts.newBidder(accounts, "ben");
			adaName = ada.username();

			running = open(engine, start, start.plus(Duration.ofHours(2)));
			endsWhileDown = open(engine, start, start.plus(Duration.ofMinutes(10)));
			opensAndEndsWhileDown = engine
				.createLot(LotTerms.of("EUR", "1.00")
					.running(start.plus(Duration.ofMinutes(5)), start.plus(Duration.ofMinutes(20)))
					.spec())
				.id();
			engine.schedule(opensAndEndsWhileDown);

			adasFirst = engine.placeBid(BidRequest.of(running, ada.id(), "ada-1", null, new BigDecimal("50.00")));
			engine.placeBid(BidRequest.of(running, ben.id(), "ben-1", new BigDecimal("20.00"), null));
			engine.placeBid(BidRequest.of(endsWhileDown, ben.id(), "ben-2", new BigDecimal("1.00"), null));

			runningBefore = catalog.lot(running).orElseThrow();
			historyBefore = catalog.history(running);
			eventsBefore = catalog.eventsAfter(running, 0, 1000).orElseThrow();
			assertThat(runningBefore.price()).isEqualTo("20.50");
			assertThat(eventsBefore).hasSize(3);
		}

		CLOCK.advance(Duration.ofMinutes(30));

		try (ConfigurableApplicationContext second = start()) {
			AuctionEngine engine = second.getBean(AuctionEngine.class);
			AuctionCatalog catalog = second.getBean(AuctionCatalog.class);
			AccountService accounts = second.getBean(AccountService.class);

			// Everything that was there is there, exactly.
			assertThat(catalog.lot(running)).contains(runningBefore);
			assertThat(catalog.history(running)).isEqualTo(historyBefore);
			assertThat(catalog.eventsAfter(running, 0, 1000)).contains(eventsBefore);
			assertThat(catalog.replayedView(running)).contains(runningBefore);
			Account ada = accounts.findByUsername(adaName).orElseThrow();
			assertThat(accounts.all()).filteredOn((a) -> a.role() == Role.ADMIN).hasSize(1);

			// Lots whose time passed while the house was down are dealt with at once.
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				assertThat(catalog.lot(endsWhileDown).orElseThrow().status()).isEqualTo("closed");
				assertThat(catalog.lot(opensAndEndsWhileDown).orElseThrow().status()).isEqualTo("closed");
			});
			assertThat(catalog.lot(endsWhileDown).orElseThrow().outcome()).isEqualTo("sold");
			assertThat(kinds(second, opensAndEndsWhileDown)).containsExactly("scheduled", "opened", "closed");

			// A retry of a request made before the restart still gets its first outcome...
			BidResult retried = engine
				.placeBid(BidRequest.of(running, ada.id(), "ada-1", null, new BigDecimal("50.00")));
			assertThat(retried.bidId()).isEqualTo(adasFirst.bidId());
			assertThat(retried.sequence()).isEqualTo(adasFirst.sequence());

			// ...and new bids carry on the sequence and the aliases.
			BidResult next = engine.placeBid(BidRequest.of(running, ada.id(), "ada-2", null, new BigDecimal("80.00")));
			assertThat(next.accepted()).isTrue();
			assertThat(next.sequence()).isEqualTo(runningBefore.sequence() + 1);
			assertThat(next.alias()).isEqualTo("Bidder 1");
			List<String> events = catalog.eventsAfter(running, 0, 1000).orElseThrow();
			assertThat(events).hasSize(4).startsWith(eventsBefore.toArray(String[]::new));
			assertThat(catalog.replayedView(running)).isEqualTo(catalog.lot(running));
		}
	}

	private static long open(AuctionEngine engine, Instant start, Instant end) {
		long id = engine.createLot(LotTerms.of("EUR", "1.00").running(start, end).spec()).id();
		engine.openNow(id);
		return id;
	}

	private static List<String> kinds(ConfigurableApplicationContext context, long lot) {
		EventLog log = context.getBean(EventLog.class);
		return context.getBean(AuctionCatalog.class)
			.eventsAfter(lot, 0, 100)
			.orElseThrow()
			.stream()
			.map((payload) -> log.parse(payload).kind())
			.toList();
	}

	/** The application as shipped, on a file database in this test's folder, with the test's clock. */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(GavelApplication.class, TestClock.class)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("mainClassesOnly", new MainClassesOnly()))
			.properties("gavel.data-dir=" + this.dataDir.toAbsolutePath(), "server.port=0",
					"gavel.demo.enabled=false", "gavel.admin.password=" + TestAccounts.ADMIN_PASSWORD,
					"gavel.auction.tick=100ms", "spring.main.banner-mode=off")
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock durabilityClock() {
			return CLOCK;
		}

	}

	/**
	 * Keeps the application's component scan to the main classes: this context is started by
	 * hand, so the test support that normally hides test configurations is not there.
	 */
	static final class MainClassesOnly extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof MainClassesOnly;
		}

		@Override
		public int hashCode() {
			return MainClassesOnly.class.hashCode();
		}

	}

}
