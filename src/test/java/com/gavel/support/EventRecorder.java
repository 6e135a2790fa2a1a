package com.gavel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.gavel.auction.AuctionEvent;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listens to every {@link AuctionEvent} like the live channel does, and notes for each one
 * whether the change it reports was already committed when it arrived. It checks that from a
 * new transaction on another connection, which cannot see uncommitted rows: an event published
 * from inside the writing transaction would be noted as not committed.
 */
public class EventRecorder {

	/** One event as it arrived, and whether its lot row and log row were visible to others. */
	public record Seen(AuctionEvent event, boolean committed) {
	}

	private final Map<Long, List<Seen>> byLot = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate newTransaction;

	EventRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.newTransaction.setReadOnly(true);
	}

	@EventListener
	void on(AuctionEvent event) {
		boolean committed = Boolean.TRUE.equals(this.newTransaction.execute((status) -> isCommitted(event)));
		// The engine publishes a lot's events under that lot's lock, so per lot this list is in
		// publishing order.
		List<Seen> seen = this.byLot.computeIfAbsent(event.lotId(), (id) -> new ArrayList<>());
		synchronized (seen) {
			seen.add(new Seen(event, committed));
		}
	}

	private boolean isCommitted(AuctionEvent event) {
		List<Long> lastSequence = this.jdbc.queryForList("select last_sequence from lot where id = ?", Long.class,
				event.lotId());
		Integer logged = this.jdbc.queryForObject("select count(*) from lot_event where lot_id = ? and sequence = ?",
				Integer.class, event.lotId(), event.sequence());
		return lastSequence.size() == 1 && lastSequence.get(0) >= event.sequence() && logged != null && logged == 1;
	}

	/** The events of one lot in the order they were published. */
	public List<Seen> of(long lotId) {
		List<Seen> seen = this.byLot.get(lotId);
		if (seen == null) {
			return List.of();
		}
		synchronized (seen) {
			return List.copyOf(seen);
		}
	}

}
