package com.gavel.auction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/ledger.md's worked example, read from the page itself: every hash on it recomputed by the
 * rules it states, and the lot's events rebuilt from the terms it gives with Gavel's own code, so
 * the page can drift neither from its own arithmetic nor from what Gavel writes.
 */
class LedgerDocTests {

	private static final Path PAGE = Path.of("docs", "ledger.md");

	private final JsonMapper json = JsonMapper.builder().build();

	private String page;

	private JsonNode exported;

	private String canonical;

	@BeforeEach
	void read() throws IOException {
		this.page = Files.readString(PAGE, StandardCharsets.UTF_8);
		this.exported = this.json.readTree(example("exported"));
		this.canonical = example("canonical").strip();
	}

	@Test
	void theExportedEventWithoutItsLinksHasTheCanonicalFormShown() {
		ObjectNode bare = ((ObjectNode) this.exported).deepCopy();
		bare.remove("prevHash");
		bare.remove("hash");

		assertThat(CanonicalJson.write(bare)).isEqualTo(this.canonical);
		Matcher size = Pattern.compile("its canonical form is these (\\d+) bytes").matcher(this.page);
		assertThat(size.find()).isTrue();
		assertThat(this.canonical.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(size.group(1)));
		assertThat(EventChain.link(this.exported.get("prevHash").asString(), this.canonical))
			.isEqualTo(this.exported.get("hash").asString());
	}

	@Test
	void theShellLinesComputeWhatTheySay() {
		String shell = example("shell");
		Matcher genesis = Pattern.compile("printf '%s' 'gavel:lot:(\\d+)' \\| sha256sum\\n([0-9a-f]{64})  -")
			.matcher(shell);
		assertThat(genesis.find()).isTrue();
		assertThat(EventChain.genesis(Long.parseLong(genesis.group(1)))).isEqualTo(genesis.group(2));

		Matcher link = Pattern
			.compile("printf '%s%s' ([0-9a-f]{64}) \\\\\\n\\s+'(.+)' \\\\\\n\\s+\\| sha256sum\\n([0-9a-f]{64})  -")
			.matcher(shell);
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo(this.exported.get("prevHash").asString());
		assertThat(link.group(2)).isEqualTo(this.canonical);
		assertThat(link.group(3)).isEqualTo(this.exported.get("hash").asString())
			.isEqualTo(EventChain.link(link.group(1), link.group(2)));
	}

	@Test
	void theReceiptAndTheHeadOfTheHouseAgreeWithTheEvents() {
		JsonNode receipt = this.json.readTree(example("receipt"));
		assertThat(receipt.get("hash").asString()).isEqualTo(this.exported.get("hash").asString());
		assertThat(receipt.get("sequence").asLong()).isEqualTo(this.exported.get("seq").asLong());
		assertThat(receipt.get("arrivedAt").asString()).isEqualTo(this.exported.get("at").asString());
		assertThat(receipt.get("beforeEndMs").asLong()).isEqualTo(Duration
			.between(Instant.parse(receipt.get("arrivedAt").asString()), Instant.parse(receipt.get("endsAt").asString()))
			.toMillis());

		JsonNode head = this.json.readTree(example("head"));
		StringBuilder lines = new StringBuilder();
		for (JsonNode lot : head.get("lots")) {
			lines.append(lot.get("lotId").asLong())
				.append(' ')
				.append(lot.get("sequence").asLong())
				.append(' ')
				.append(lot.get("hash").asString())
				.append('\n');
		}
		assertThat(EventChain.hash(lines.toString())).isEqualTo(head.get("digest").asString());
		assertThat(this.page).contains("printf '" + lines.toString().replace("\n", "\\n") + "' | sha256sum");
	}

	@Test
	void gavelWritesTheExampleLotsEventsExactlyAsShown() {
		// The terms the page gives: lot 1, EUR 60.00, open 09:00:01 to 11:00:01, Bidder 1's 62.00.
		Instant opened = Instant.parse("2030-01-01T09:00:01Z");
		Lot lot = new Lot(new LotSpec("Silver pocket watch, 1890s", "Key-wound, runs well.", "EUR", 6000, null, null,
				opened, opened.plus(Duration.ofHours(2)), null, Duration.ofMinutes(2), Duration.ofMinutes(2), null),
				opened);
		lot.assignId(1);
		IncrementTable increments = IncrementTable.defaults();
		lot.open(opened, increments);
		lot.placeBid(7, 1, BidKind.BID, 6200L, null, Instant.parse("2030-01-01T10:01:02.250123Z"), increments);
		lot.close(Instant.parse("2030-01-01T10:11:02.250123Z"), increments);

		List<EventLog.Link> links = new ArrayList<>();
		for (LotEventRecord record : lot.drainEvents()) {
			links.add(EventLog.link(this.json, lot, record));
		}

		assertThat(links).hasSize(3);
		assertThat(links.get(0).prevHash()).isEqualTo(EventChain.genesis(1));
		assertThat(links.get(1).payload()).isEqualTo(this.canonical);
		assertThat(links.get(1).prevHash()).isEqualTo(this.exported.get("prevHash").asString());
		assertThat(links.get(1).hash()).isEqualTo(this.exported.get("hash").asString());
		JsonNode head = this.json.readTree(example("head"));
		assertThat(links.get(2).hash()).isEqualTo(head.get("lots").get(0).get("hash").asString())
			.isEqualTo(lot.getLastHash());
	}

	/** The fenced block right after {@code <!-- ledger-example:name -->}. */
	private String example(String name) {
		Matcher block = Pattern
			.compile("<!-- ledger-example:" + Pattern.quote(name) + " -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL)
			.matcher(this.page);
		assertThat(block.find()).as("docs/ledger.md's example '%s'", name).isTrue();
		return block.group(1);
	}

}
