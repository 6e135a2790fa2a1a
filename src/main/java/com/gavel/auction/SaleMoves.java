package com.gavel.auction;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The moves group soft close owes ({@code sale_move}): a late bid extended lot N of a sale that
 * asks for group soft close, so every later lot of the sale must move by as much.
 * <p>
 * A move is written in the bid's own transaction, so it exists exactly when the extension does;
 * once that committed, {@link MovePending} tells {@link GroupSoftClose}, which moves the later lots
 * one by one. Each lot's move {@link #claim claims} its lot number in the same transaction, so no
 * lot moves twice for one move, whoever (this node after a restart, or another node) finishes it.
 */
@Component
class SaleMoves {

	/** A move owed: lots numbered above {@code movedThrough} still move by {@code shift}. */
	record Move(long id, long saleId, int afterLotNumber, Duration shift, int movedThrough) {
	}

	/** A move was committed and waits to be carried out. */
	record MovePending(long moveId) {
	}

	private static final RowMapper<Move> MOVE = (row, n) -> new Move(row.getLong("id"), row.getLong("sale_id"),
			row.getInt("after_lot_number"), Duration.of(row.getLong("shift_micros"), ChronoUnit.MICROS),
			row.getInt("moved_through"));

	private final JdbcTemplate jdbc;

	private final SaleRepository sales;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	SaleMoves(JdbcTemplate jdbc, SaleRepository sales, ApplicationEventPublisher publisher, Clock clock) {
		this.jdbc = jdbc;
		this.sales = sales;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * In the transaction of a bid on {@code lot} whose end was {@code endBefore}: when the bid
	 * extended a lot of a group-soft-close sale, writes the move the later lots owe.
	 */
	void extended(Lot lot, Instant endBefore) {
		if (lot.getSaleId() == null || lot.getLotNumber() == null || lot.getStatus() != LotStatus.OPEN
				|| !lot.getEndsAt().isAfter(endBefore)) {
			return;
		}
		boolean group = this.sales.findById(lot.getSaleId()).map(Sale::isGroupSoftClose).orElse(false);
		if (!group) {
			return;
		}
		Duration shift = Duration.between(endBefore, lot.getEndsAt());
		long id = insert(lot.getSaleId(), lot.getLotNumber(), shift);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					SaleMoves.this.publisher.publishEvent(new MovePending(id));
				}
			});
		}
	}

	private long insert(long saleId, int lotNumber, Duration shift) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into sale_move (sale_id, after_lot_number, shift_micros, moved_through, created_at)"
							+ " values (?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setLong(1, saleId);
			insert.setInt(2, lotNumber);
			insert.setLong(3, shift.toNanos() / 1000);
			insert.setInt(4, lotNumber);
			insert.setTimestamp(5, Timestamp.from(this.clock.instant()));
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * In the transaction that moves lot {@code lotNumber} for the move: notes it moved, or answers
	 * {@code false} when it has already (then it must not move again).
	 */
	boolean claim(long moveId, int lotNumber) {
		return this.jdbc.update("update sale_move set moved_through = ? where id = ? and moved_through < ?", lotNumber,
				moveId, lotNumber) == 1;
	}

	/**
	 * Whether a move that lot {@code lotNumber} of the sale owes has not reached it yet: its end is
	 * about to move, so it must not close at the end it has now.
	 */
	boolean owedTo(long saleId, int lotNumber) {
		Integer owed = this.jdbc.queryForObject(
				"select count(*) from sale_move where sale_id = ? and after_lot_number < ? and moved_through < ?",
				Integer.class, saleId, lotNumber, lotNumber);
		return owed != null && owed > 0;
	}

	Optional<Move> find(long moveId) {
		return this.jdbc.query("select * from sale_move where id = ?", MOVE, moveId).stream().findFirst();
	}

	/** Moves written before {@code before}, oldest first: those their node has not finished. */
	List<Move> writtenBefore(Instant before) {
		return this.jdbc.query("select * from sale_move where created_at < ? order by id", MOVE, Timestamp.from(before));
	}

	/** Every later lot has moved. */
	void finish(long moveId) {
		this.jdbc.update("delete from sale_move where id = ?", moveId);
	}

}
