package com.gavel.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gavel.auction.SaleKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo house's note of its own lots ({@code demo_lot}): which item each one sells and when a
 * demo bidder bids on it next. In the database, so every node of a house reads the same plan and
 * a bid one node made is not made again by another.
 */
@Component
class DemoLots {

	private final JdbcTemplate jdbc;

	DemoLots(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A demo lot whose next bid is due. */
	record Due(long lotId, String item) {
	}

	void add(long lotId, String item, Instant nextBidAt) {
		this.jdbc.update("insert into demo_lot (lot_id, item, next_bid_at) values (?, ?, ?)", lotId, item,
				nextBidAt == null ? null : Timestamp.from(nextBidAt));
	}

	/** The demo lots whose next bid is due at {@code now}, oldest plan first. */
	List<Due> dueToBid(Instant now) {
		return this.jdbc.query(
				"select lot_id, item from demo_lot where next_bid_at is not null and next_bid_at <= ? order by next_bid_at, lot_id",
				(row, n) -> new Due(row.getLong(1), row.getString(2)), Timestamp.from(now));
	}

	/** When a demo bidder bids on the lot next; {@code null}: never again. */
	void nextBid(long lotId, Instant at) {
		this.jdbc.update("update demo_lot set next_bid_at = ? where lot_id = ?", at == null ? null : Timestamp.from(at),
				lotId);
	}

	/** How many demo sales of this kind the house has put up. */
	int sales(SaleKind kind) {
		return this.jdbc.queryForObject("select count(distinct s.id) from demo_lot d join lot l on l.id = d.lot_id"
				+ " join sale s on s.id = l.sale_id where s.kind = ?", Integer.class, kind.name());
	}

	/** How many demo sales of this kind are coming or running. */
	int runningSales(SaleKind kind) {
		return this.jdbc.queryForObject("select count(distinct s.id) from demo_lot d join lot l on l.id = d.lot_id"
				+ " join sale s on s.id = l.sale_id where s.kind = ? and s.status in ('SCHEDULED', 'OPEN')",
				Integer.class, kind.name());
	}

	/** The demo's live sales that are open, oldest first. */
	List<Long> openLiveSales() {
		return this.jdbc.queryForList("select distinct s.id from demo_lot d join lot l on l.id = d.lot_id"
				+ " join sale s on s.id = l.sale_id where s.kind = 'LIVE' and s.status = 'OPEN' order by s.id",
				Long.class);
	}

	/** When the live sale a demo lot is in goes live (the clerk begins calling it). */
	Optional<Instant> goesLive(long lotId) {
		return this.jdbc
			.queryForList("select s.first_lot_ends_at from lot l join sale s on s.id = l.sale_id"
					+ " where l.id = ? and s.kind = 'LIVE'", Timestamp.class, lotId)
			.stream()
			.findFirst()
			.map(Timestamp::toInstant);
	}

	/** The item a demo lot sells. */
	Optional<String> item(long lotId) {
		return this.jdbc.queryForList("select item from demo_lot where lot_id = ?", String.class, lotId)
			.stream()
			.findFirst();
	}

	int count() {
		return this.jdbc.queryForObject("select count(*) from demo_lot", Integer.class);
	}

	/**
	 * Whether the house may put up another demo sale of this kind with {@code lots} lots: it has
	 * put up its loose lots already, no sale of the kind is coming or running, and the lots fit
	 * under {@code maxLots}.
	 */
	boolean roomForSale(SaleKind kind, int lots, int maxLots) {
		int count = count();
		return count > 0 && runningSales(kind) == 0 && count + lots <= maxLots;
	}

	/** The newest lot outside any sale of each item the house has put up, by item. */
	Map<String, Long> newestByItem() {
		Map<String, Long> newest = new LinkedHashMap<>();
		this.jdbc.query("select item, max(lot_id) from demo_lot where lot_id in (select id from lot where sale_id is null)"
				+ " group by item order by max(lot_id)",
				(row) -> {
					newest.put(row.getString(1), row.getLong(2));
				});
		return newest;
	}

}
