package com.gavel.auction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gavel.account.AccountService;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bidders in a live sale's room, by paddle number: each paddle is an account of its own
 * (role FLOOR), made the first time the clerk enters it, so a floor bid is a bid like any other.
 */
@Component
class FloorPaddles {

	/** Paddle numbers as printed on paddles: small positive numbers. */
	static final int LARGEST = 99_999;

	private final JdbcTemplate jdbc;

	private final AccountService accounts;

	private final TransactionTemplate transactions;

	FloorPaddles(JdbcTemplate jdbc, AccountService accounts, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.transactions = transactions;
	}

	/** The account bidding with {@code paddle} in the sale, made now if it has not bid before. */
	long bidder(long saleId, int paddle) {
		if (paddle < 1 || paddle > LARGEST) {
			throw new IllegalArgumentException("a paddle number is 1 to " + LARGEST);
		}
		Optional<Long> known = find(saleId, paddle);
		if (known.isPresent()) {
			return known.get();
		}
		try {
			return this.transactions.execute((tx) -> {
				long userId = this.accounts.createFloorBidder("Paddle " + paddle + " · sale " + saleId).id();
				this.jdbc.update("insert into floor_paddle (sale_id, paddle, user_id) values (?, ?, ?)", saleId, paddle,
						userId);
				return userId;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another clerk's first bid with this paddle came first; theirs is the paddle's account.
			return find(saleId, paddle).orElseThrow(() -> ex);
		}
	}

	/** The sale's paddles by account. */
	Map<Long, Integer> of(long saleId) {
		Map<Long, Integer> paddles = new HashMap<>();
		this.jdbc.query("select user_id, paddle from floor_paddle where sale_id = ?",
				(row) -> {
					paddles.put(row.getLong(1), row.getInt(2));
				}, saleId);
		return paddles;
	}

	private Optional<Long> find(long saleId, int paddle) {
		List<Long> ids = this.jdbc.queryForList("select user_id from floor_paddle where sale_id = ? and paddle = ?",
				Long.class, saleId, paddle);
		return ids.stream().findFirst();
	}

}
