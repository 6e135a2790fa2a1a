package com.gavel.auction;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Group soft close, as HiBid's "soft close grouping": when a late bid extends lot N of a sale that
 * asks for it, every later lot of the sale (by lot number) that has not closed moves by the same
 * amount, each with an {@code extended} event its watchers see.
 * <p>
 * <b>Why after the commit, one lot at a time.</b> A lot is changed only in its own turn of the
 * lot writer (and, on a shared database, under its advisory lock). The bid that extended lot N
 * holds lot N's turn; if it also waited for the turns of lots N+1, N+2, ... while a bid on one of
 * those, holding its turn, waited for another lot in the same way, each would wait for the other
 * for ever (the writer's stripes and batches do not follow lot numbers, so no order of taking
 * turns rules that out). So the bid's transaction only writes the move it owes ({@link SaleMoves}),
 * and right after it committed a worker moves the later lots here, in lot-number order, each in a
 * turn of its own like any change: never two turns held at once, so nothing to deadlock with, and
 * a bid on a later lot waits only for that lot's one small change.
 * <p>
 * Meanwhile a later lot whose end comes before its move reached it is not closed (the scheduler
 * asks {@link SaleMoves#owedTo}); a move a node did not finish (it died, say) is finished by the
 * first node that finds it older than {@code gavel.sales.move-sweep}.
 */
@Component
class GroupSoftClose {

	private static final Logger log = LoggerFactory.getLogger(GroupSoftClose.class);

	private final SaleMoves moves;

	private final LotRepository lots;

	private final AuctionEngine engine;

	private final Clock clock;

	private final Duration sweep;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "gavel-sale-moves");
		thread.setDaemon(true);
		return thread;
	});

	/** Moves handed to the worker and not done yet, so the sweep does not hand them over twice. */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	GroupSoftClose(SaleMoves moves, LotRepository lots, AuctionEngine engine, Clock clock, SaleProperties properties) {
		this.moves = moves;
		this.lots = lots;
		this.engine = engine;
		this.clock = clock;
		this.sweep = properties.moveSweep();
	}

	@EventListener
	void pending(SaleMoves.MovePending pending) {
		submit(pending.moveId());
	}

	@Scheduled(fixedDelayString = "${gavel.auction.tick:500ms}")
	void sweep() {
		try {
			this.moves.writtenBefore(this.clock.instant().minus(this.sweep)).forEach((move) -> submit(move.id()));
		}
		catch (RuntimeException ex) {
			log.error("Looking for unfinished group soft close moves failed; trying again on the next tick", ex);
		}
	}

	private void submit(long moveId) {
		if (!this.queued.add(moveId)) {
			return;
		}
		try {
			this.worker.execute(() -> {
				try {
					carryOut(moveId);
				}
				finally {
					this.queued.remove(moveId);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the move stays in the database for the next start, or another node.
			this.queued.remove(moveId);
		}
	}

	/** Moves every later lot the move has not reached yet, in lot-number order, then forgets it. */
	void carryOut(long moveId) {
		SaleMoves.Move move = this.moves.find(moveId).orElse(null);
		if (move == null) {
			return;
		}
		List<LotRepository.Numbered> later = this.lots.findLaterInSale(move.saleId(), move.movedThrough());
		for (LotRepository.Numbered lot : later) {
			try {
				this.engine.followGroup(lot.getId(), move);
			}
			catch (RuntimeException ex) {
				// Not past this lot: the ones after it wait, and the sweep takes the move up again.
				log.warn("Could not move lot {} for group soft close (sale {}); trying again shortly", lot.getId(),
						move.saleId(), ex);
				return;
			}
		}
		this.moves.finish(moveId);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.worker.shutdown();
		this.worker.awaitTermination(10, TimeUnit.SECONDS);
	}

}
