package com.gavel.auction;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lot as it goes on the wire and into the log: the sale's members only where they apply, so a
 * lot outside any sale keeps the frame it had before sales; and an event stored before sales (or
 * without them) still reads, as a lot that is not live.
 */
class LotViewJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Instant start = Instant.parse("2030-01-01T09:00:00Z");

	@Test
	void aLotOutsideAnySaleHasNoSaleMembers() {
		JsonNode lot = this.json.valueToTree(lot().view(IncrementTable.defaults()));
		assertThat(lot.has("saleId")).isFalse();
		assertThat(lot.has("lotNumber")).isFalse();
		assertThat(lot.has("live")).isFalse();
		assertThat(lot.has("upAt")).isFalse();
		assertThat(lot.has("fairWarningEndsAt")).isFalse();
		assertThat(lot.get("endsAt").asString()).isEqualTo("2030-01-01T11:00:00Z");
	}

	@Test
	void aLiveLotUpUnderFairWarningCarriesThemAll() {
		Lot lot = lot();
		lot.catalogue(7L, 12, null, null);
		lot.callByClerk(true);
		lot.open(this.start, IncrementTable.defaults());
		lot.placeBid(1, 1, BidKind.BID, 6000L, null, this.start.plusSeconds(10), IncrementTable.defaults());
		lot.bringUp(this.start.plusSeconds(20), IncrementTable.defaults());
		lot.callFairWarning(Duration.ofSeconds(5), this.start.plusSeconds(30), IncrementTable.defaults());
		JsonNode view = this.json.valueToTree(lot.view(IncrementTable.defaults()));
		assertThat(view.get("saleId").asLong()).isEqualTo(7);
		assertThat(view.get("lotNumber").asInt()).isEqualTo(12);
		assertThat(view.get("live").asBoolean()).isTrue();
		assertThat(view.get("upAt").asString()).isEqualTo("2030-01-01T09:00:20Z");
		assertThat(view.get("fairWarningEndsAt").asString()).isEqualTo("2030-01-01T09:00:35Z");
	}

	@Test
	void anEventStoredBeforeSalesReadsAsALotThatIsNotLive() {
		// docs/ledger.md's worked example: an event as stored before lots had sale members.
		String stored = "{\"at\":\"2030-01-01T10:01:02.250123Z\",\"detail\":{\"amount\":\"62.00\",\"bidder\":\"Bidder 1\","
				+ "\"kind\":\"bid\"},\"kind\":\"bid\",\"lot\":{\"ask\":\"63.00\",\"bids\":1,\"buyNow\":null,\"closedAt\":null,"
				+ "\"currency\":\"EUR\",\"endsAt\":\"2030-01-01T11:00:01Z\",\"extensions\":0,\"id\":1,\"leader\":\"Bidder 1\","
				+ "\"originalEndsAt\":\"2030-01-01T11:00:01Z\",\"outcome\":null,\"price\":\"62.00\",\"reserve\":\"none\","
				+ "\"sequence\":2,\"startsAt\":\"2030-01-01T09:00:01Z\",\"status\":\"open\","
				+ "\"title\":\"Silver pocket watch, 1890s\"},\"lotId\":1,\"seq\":2}";
		LotView lot = this.json.readValue(stored, EventLog.Payload.class).lot();
		assertThat(lot.live()).isFalse();
		assertThat(lot.saleId()).isNull();
		assertThat(lot.upAt()).isNull();
		assertThat(lot.price()).isEqualTo("62.00");
	}

	private Lot lot() {
		Lot lot = new Lot(new LotSpec("Silver pocket watch", "", "EUR", 5000, null, null, this.start,
				this.start.plus(Duration.ofHours(2)), null, Duration.ZERO, Duration.ZERO, null), this.start);
		lot.assignId(1);
		return lot;
	}

}
