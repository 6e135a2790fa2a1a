package com.gavel.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.support.EventRecorder;
import com.gavel.support.GavelSpringBootTest;
import com.gavel.support.MutableClock;
import com.gavel.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine with its database: idempotent bids, who may bid, voiding, and the promise that
 * every published event was committed first and that the event log tells the same story as the
 * stored lot.
 */
@GavelSpringBootTest
class AuctionEngineTests {

	@Autowired
	private AuctionEngine engine;

	@Autowired
	private AuctionCatalog catalog;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EventRecorder recorder;

	@Autowired
	private EventLog eventLog;

	@Autowired
	private JdbcTemplate jdbc;

	private Account ada;

	private Account ben;

	private Account admin;

	@BeforeEach
	void accounts() {
		this.ada = TestAccounts.newBidder(this.accounts, "ada");
		this.ben = TestAccounts.newBidder(this.accounts, "ben");
		this.admin = this.accounts.findByUsername(TestAccounts.ADMIN_USERNAME).orElseThrow();
	}

	// ---- idempotency ----------------------------------------------------------------------

	@Test
	void aRetriedBidGetsTheFirstOutcomeAndMakesNoSecondBid() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		BidResult first = bid(lot, this.ada, "retry-1", "1.00", null);
		long sequence = this.catalog.lot(lot).orElseThrow().sequence();

		BidResult again = bid(lot, this.ada, "retry-1", "1.00", null);

		assertThat(first.accepted()).isTrue();
		assertThat(again.accepted()).isTrue();
		assertThat(again.bidId()).isEqualTo(first.bidId());
		assertThat(again.sequence()).isEqualTo(first.sequence());
		assertThat(again.arrivedAt()).isEqualTo(first.arrivedAt());
		assertThat(again.price()).isEqualTo("1.00");
		assertThat(again.leading()).isTrue();
		assertThat(bidRows(this.ada, "retry-1")).isEqualTo(1);
		LotView view = this.catalog.lot(lot).orElseThrow();
		assertThat(view.bids()).isEqualTo(1);
		assertThat(view.price()).isEqualTo("1.00");
		assertThat(view.sequence()).isEqualTo(sequence);
	}

	@Test
	void aRequestIdReusedForOtherTermsOrAnotherLotIsRefusedAndChangesNothing() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		long other = openLot(LotTerms.of("EUR", "1.00"));
		BidResult first = bid(lot, this.ada, "reused-1", "1.00", null);
		long sequence = this.catalog.lot(lot).orElseThrow().sequence();
		long otherSequence = this.catalog.lot(other).orElseThrow().sequence();

		BidResult otherTerms = bid(lot, this.ada, "reused-1", "7.00", "9.00");
		BidResult otherMaximum = bid(lot, this.ada, "reused-1", "1.00", "5.00");
		BidResult otherLot = bid(other, this.ada, "reused-1", "1.00", null);
		BidResult buyNow = this.engine.placeBid(BidRequest.buyNow(lot, this.ada.id(), "reused-1"));

		assertThat(first.accepted()).isTrue();
		for (BidResult reused : List.of(otherTerms, otherMaximum, otherLot, buyNow)) {
			assertThat(reused.accepted()).isFalse();
			assertThat(reused.reason()).isEqualTo(RejectReason.REQUEST_ID_REUSED);
			assertThat(reused.reason().status().value()).isEqualTo(409);
			assertThat(reused.bidId()).isNull();
		}
		assertThat(otherLot.lotId()).isEqualTo(other);
		assertThat(bidRows(this.ada, "reused-1")).isEqualTo(1);
		assertThat(this.catalog.lot(lot).orElseThrow().sequence()).isEqualTo(sequence);
		assertThat(this.catalog.lot(lot).orElseThrow().price()).isEqualTo("1.00");
		assertThat(this.catalog.lot(other).orElseThrow().sequence()).isEqualTo(otherSequence);
		assertThat(this.catalog.lot(other).orElseThrow().bids()).isZero();
	}

	@Test
	void aRetriedRejectedBidStaysRejected() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		bid(lot, this.ben, "ben-1", "1.00", null);

		BidResult first = bid(lot, this.ada, "too-low", "1.00", null);
		BidResult again = bid(lot, this.ada, "too-low", "1.00", null);
		BidResult raised = bid(lot, this.ada, "too-low", "2.00", null);

		assertThat(first.reason()).isEqualTo(RejectReason.BELOW_MINIMUM);
		assertThat(again.reason()).isEqualTo(RejectReason.BELOW_MINIMUM);
		// A raised bid is another bid: it needs a request id of its own.
		assertThat(raised.reason()).isEqualTo(RejectReason.REQUEST_ID_REUSED);
		assertThat(bidRows(this.ada, "too-low")).isEqualTo(1);
		assertThat(this.catalog.lot(lot).orElseThrow().leader()).isEqualTo("Bidder 1");
	}

	@Test
	void requestIdsMustBeUsable() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		for (String requestId : new String[] { null, "", "has space", "x".repeat(65), "semi;colon" }) {
			assertThatExceptionOfType(InvalidBidException.class)
				.isThrownBy(() -> bid(lot, this.ada, requestId, "1.00", null));
		}
		assertThat(bid(lot, this.ada, "a-Z_0.9:ok", "1.00", null).accepted()).isTrue();
	}

	// ---- who and what may be bid on ------------------------------------------------------------

	@Test
	void bannedUsersAndAdminsCannotBid() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		this.accounts.setBanned(this.ben.id(), true);

		assertThat(bid(lot, this.ben, "banned-1", "1.00", null).reason()).isEqualTo(RejectReason.BANNED);
		assertThat(bid(lot, this.admin, "admin-1", "1.00", null).reason()).isEqualTo(RejectReason.NOT_A_BIDDER);
		assertThatExceptionOfType(InvalidBidException.class).isThrownBy(
				() -> this.engine.placeBid(BidRequest.of(lot, 987_654_321L, "ghost-1", BigDecimal.ONE, null)));
		assertThat(this.catalog.lot(lot).orElseThrow().bids()).isZero();

		this.accounts.setBanned(this.ben.id(), false);
		assertThat(bid(lot, this.ben, "unbanned-1", "1.00", null).accepted()).isTrue();
	}

	@Test
	void draftsAndMissingLotsAreNotFound() {
		LotView draft = this.engine.createLot(terms(LotTerms.of("EUR", "1.00")).spec());
		assertThat(bid(draft.id(), this.ada, "draft-1", "1.00", null).reason()).isEqualTo(RejectReason.LOT_NOT_FOUND);
		assertThat(bid(987_654_321L, this.ada, "nolot-1", "1.00", null).reason())
			.isEqualTo(RejectReason.LOT_NOT_FOUND);
		assertThat(this.catalog.lot(draft.id())).isEmpty();
	}

	@Test
	void amountsFinerThanTheCurrencyAreInvalid() {
		long euros = openLot(LotTerms.of("EUR", "1.00"));
		long yen = openLot(LotTerms.of("JPY", "100"));
		assertThat(bid(euros, this.ada, "cents-1", "1.001", null).reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
		assertThat(bid(yen, this.ada, "yen-1", "100.5", null).reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
		assertThat(bid(yen, this.ada, "yen-2", "100", null).accepted()).isTrue();
	}

	@Test
	void aliasesBelongToOneLot() {
		long first = openLot(LotTerms.of("EUR", "1.00"));
		long second = openLot(LotTerms.of("EUR", "1.00"));
		assertThat(bid(first, this.ada, "alias-1", "1.00", null).alias()).isEqualTo("Bidder 1");
		assertThat(bid(first, this.ben, "alias-2", "1.25", null).alias()).isEqualTo("Bidder 2");
		assertThat(bid(first, this.ada, "alias-3", "1.50", null).alias()).isEqualTo("Bidder 1");
		assertThat(bid(second, this.ben, "alias-4", "1.00", null).alias()).isEqualTo("Bidder 1");
		assertThat(this.catalog.aliasOf(first, this.ben.id())).contains("Bidder 2");
	}

	// ---- voiding --------------------------------------------------------------------------

	@Test
	void voidingABidRecomputesPriceAndLeaderAndIsAnEvent() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		bid(lot, this.ada, "void-1", null, "10.00");
		BidResult bens = bid(lot, this.ben, "void-2", null, "20.00");
		assertThat(this.catalog.lot(lot).orElseThrow().price()).isEqualTo("10.50");

		LotView after = this.engine.voidBid(bens.bidId(), "shill bidding", this.admin.id());

		assertThat(after.price()).isEqualTo("1.00");
		assertThat(after.leader()).isEqualTo("Bidder 1");
		assertThat(after.bids()).isEqualTo(1);
		assertThat(this.catalog.lot(lot)).contains(after);
		EventLog.Payload voided = lastEvent(lot);
		assertThat(voided.kind()).isEqualTo("voided");
		assertThat(voided.seq()).isEqualTo(bens.sequence() + 1);
		assertThat(voided.detail()).containsEntry("reason", "shill bidding");
		assertThat(((Number) voided.detail().get("bidId")).longValue()).isEqualTo(bens.bidId());
		assertThat(voided.lot()).isEqualTo(after);
		EventRecorder.Seen published = last(this.recorder.of(lot));
		assertThat(published.event().type()).isEqualTo(LotEventType.VOIDED);
		assertThat(published.event().outbidUserId()).isEqualTo(this.ben.id());
		// The bid stays on record, marked.
		assertThat(this.catalog.history(lot)).extracting(BidHistoryEntry::voided).containsExactly(true, false);
		assertThat(this.catalog.history(lot)).extracting(BidHistoryEntry::voidReason)
			.containsExactly("shill bidding", null);
		Map<String, Object> row = this.jdbc.queryForMap("select status, void_reason, voided_by from bid where id = ?",
				bens.bidId());
		assertThat(row).containsEntry("STATUS", "VOIDED")
			.containsEntry("VOID_REASON", "shill bidding")
			.containsEntry("VOIDED_BY", this.admin.id());
	}

	@Test
	void voidingReplaysTheRemainingBidsInOrder() {
		long lot = openLot(LotTerms.of("EUR", "1.00").withReserve("50.00"));
		bid(lot, this.ben, "replay-1", null, "40.00");
		Account cy = TestAccounts.newBidder(this.accounts, "cy");
		bid(lot, cy, "replay-2", null, "40.00");
		BidResult top = bid(lot, this.ada, "replay-3", null, "60.00");
		assertThat(this.catalog.lot(lot).orElseThrow().price()).isEqualTo("50.00");

		LotView after = this.engine.voidBid(top.bidId(), "mistake", this.admin.id());

		// Ben and Cy have equal maximums: Ben was first, so he leads, at that maximum, and the
		// reserve is no longer met.
		assertThat(after.leader()).isEqualTo("Bidder 1");
		assertThat(after.price()).isEqualTo("40.00");
		assertThat(after.reserve()).isEqualTo("not-met");
		assertThat(after.bids()).isEqualTo(2);
	}

	@Test
	void voidingABidBeforeABuyNowKeepsTheSale() {
		long lot = openLot(LotTerms.of("EUR", "1.00").withReserve("50.00").withBuyNow("100.00"));
		BidResult early = bid(lot, this.ada, "buy-1", "10.00", null);
		BidResult bought = this.engine.placeBid(BidRequest.buyNow(lot, this.ben.id(), "buy-2"));
		assertThat(bought.accepted()).isTrue();

		LotView after = this.engine.voidBid(early.bidId(), "mistake", this.admin.id());

		assertThat(after.status()).isEqualTo("closed");
		assertThat(after.price()).isEqualTo("100.00");
		assertThat(after.leader()).isEqualTo("Bidder 2");
		assertThat(after.outcome()).isEqualTo("sold");
	}

	@Test
	void onlyAnAcceptedBidCanBeVoided() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		BidResult accepted = bid(lot, this.ada, "once-1", "1.00", null);
		BidResult rejected = bid(lot, this.ben, "once-2", "0.50", null);
		this.engine.voidBid(accepted.bidId(), "first time", this.admin.id());
		long sequence = this.catalog.lot(lot).orElseThrow().sequence();

		assertThatExceptionOfType(LotStateException.class)
			.isThrownBy(() -> this.engine.voidBid(accepted.bidId(), "again", this.admin.id()));
		Long rejectedId = this.jdbc.queryForObject("select id from bid where bidder_id = ? and request_id = ?",
				Long.class, this.ben.id(), rejected.requestId());
		assertThatExceptionOfType(LotStateException.class)
			.isThrownBy(() -> this.engine.voidBid(rejectedId, "never was", this.admin.id()));
		assertThatExceptionOfType(LotNotFoundException.class)
			.isThrownBy(() -> this.engine.voidBid(987_654_321L, "no such bid", this.admin.id()));
		assertThat(this.catalog.lot(lot).orElseThrow().sequence()).isEqualTo(sequence);
	}

	// ---- lifecycle through the engine ----------------------------------------------------------

	@Test
	void lifecycleMovesAreStoredAndRefusedMovesChangeNothing() {
		LotView draft = this.engine.createLot(terms(LotTerms.of("EUR", "1.00")).spec());
		assertThat(draft.status()).isEqualTo("draft");
		assertThat(this.engine.schedule(draft.id()).status()).isEqualTo("scheduled");
		assertThat(this.engine.openNow(draft.id()).status()).isEqualTo("open");
		assertThat(this.engine.pause(draft.id()).status()).isEqualTo("paused");
		assertThatExceptionOfType(LotStateException.class).isThrownBy(() -> this.engine.pause(draft.id()));
		assertThat(this.engine.resume(draft.id()).status()).isEqualTo("open");
		assertThat(this.engine.cancel(draft.id(), "withdrawn").status()).isEqualTo("cancelled");
		assertThatExceptionOfType(LotStateException.class).isThrownBy(() -> this.engine.closeNow(draft.id()));
		assertThatExceptionOfType(LotNotFoundException.class).isThrownBy(() -> this.engine.openNow(987_654_321L));

		assertThat(this.catalog.eventsAfter(draft.id(), 0, 100).orElseThrow()).extracting(this::kind)
			.containsExactly("scheduled", "opened", "paused", "resumed", "cancelled");
		assertThat(this.catalog.replayedView(draft.id())).isEqualTo(this.catalog.lot(draft.id()));
	}

	@Test
	void extendAllMovesRunningLotsOnly() {
		long open = openLot(LotTerms.of("EUR", "1.00"));
		long closed = openLot(LotTerms.of("EUR", "1.00"));
		this.engine.closeNow(closed);
		Instant openEnd = this.catalog.lot(open).orElseThrow().endsAt();
		Instant closedEnd = this.catalog.lot(closed).orElseThrow().endsAt();

		assertThat(this.engine.extendAll(Duration.ofMinutes(15))).isPositive();

		assertThat(this.catalog.lot(open).orElseThrow().endsAt()).isEqualTo(openEnd.plus(Duration.ofMinutes(15)));
		assertThat(this.catalog.lot(closed).orElseThrow().endsAt()).isEqualTo(closedEnd);
		assertThat(lastEvent(open).kind()).isEqualTo("extended");
	}

	// ---- events: after commit, in order, and the same story as the lot ---------------------------

	@Test
	void eventsArePublishedAfterCommitAndInSequenceOrder() {
		long lot = openLot(LotTerms.of("EUR", "1.00"));
		bid(lot, this.ada, "pub-1", "1.00", null);
		bid(lot, this.ben, "pub-2", null, "5.00");
		bid(lot, this.ada, "pub-3", "2.00", null);
		this.engine.pause(lot);
		this.engine.resume(lot);
		this.engine.closeNow(lot);

		List<EventRecorder.Seen> seen = this.recorder.of(lot);
		List<String> stored = this.catalog.eventsAfter(lot, 0, 100).orElseThrow();
		assertThat(seen).hasSize(stored.size());
		for (int i = 0; i < seen.size(); i++) {
			AuctionEvent event = seen.get(i).event();
			assertThat(seen.get(i).committed()).as("event %d was committed when published", i + 1).isTrue();
			assertThat(event.sequence()).isEqualTo(i + 1);
			assertThat(event.json()).isEqualTo(stored.get(i));
			assertThat(event.lot().sequence()).isEqualTo(i + 1);
		}
		assertThat(seen).extracting((s) -> s.event().type())
			.containsExactly(LotEventType.OPENED, LotEventType.BID, LotEventType.BID, LotEventType.BID,
					LotEventType.PAUSED, LotEventType.RESUMED, LotEventType.CLOSED);
	}

	@Test
	void theEventLogFoldsToTheStoredLot() {
		// Ends within the soft-close window, so the first bid extends it to a time the clock gave
		// with nanoseconds, which the database keeps to the microsecond.
		Instant now = this.clock.instant();
		LotView created = this.engine.createLot(
				LotTerms.of("EUR", "1.00").running(now.minusSeconds(60), now.plusSeconds(60)).spec());
		long lot = created.id();
		this.engine.openNow(lot);
		assertFolds(lot);

		bid(lot, this.ada, "fold-1", "1.00", null);
		assertThat(lastEvent(lot).kind()).isEqualTo("extended");
		assertFolds(lot);

		this.clock.advance(Duration.ofMillis(1500).plusNanos(321));
		this.engine.pause(lot);
		this.clock.advance(Duration.ofSeconds(7).plusNanos(777));
		this.engine.resume(lot);
		assertFolds(lot);

		bid(lot, this.ben, "fold-2", null, "3.00");
		assertFolds(lot);
		this.engine.closeNow(lot);
		assertFolds(lot);
	}

	private void assertFolds(long lot) {
		assertThat(this.catalog.replayedView(lot)).isPresent().isEqualTo(this.catalog.lot(lot));
		List<String> events = this.catalog.eventsAfter(lot, 0, 1000).orElseThrow();
		for (int i = 0; i < events.size(); i++) {
			assertThat(this.eventLog.parse(events.get(i)).seq()).isEqualTo(i + 1);
		}
	}

	// ---- helpers ----------------------------------------------------------------------------

	/** Terms for a lot that runs from now for an hour. */
	private LotTerms terms(LotTerms terms) {
		Instant now = this.clock.instant();
		return terms.running(now, now.plus(Duration.ofHours(1)));
	}

	private long openLot(LotTerms terms) {
		LotView lot = this.engine.createLot(terms(terms).spec());
		this.engine.openNow(lot.id());
		return lot.id();
	}

	private BidResult bid(long lot, Account bidder, String requestId, String amount, String maximum) {
		return this.engine.placeBid(BidRequest.of(lot, bidder.id(), requestId,
				amount == null ? null : new BigDecimal(amount), maximum == null ? null : new BigDecimal(maximum)));
	}

	private int bidRows(Account bidder, String requestId) {
		return this.jdbc.queryForObject("select count(*) from bid where bidder_id = ? and request_id = ?",
				Integer.class, bidder.id(), requestId);
	}

	private EventLog.Payload lastEvent(long lot) {
		return this.eventLog.parse(last(this.catalog.eventsAfter(lot, 0, 1000).orElseThrow()));
	}

	private String kind(String payload) {
		return this.eventLog.parse(payload).kind();
	}

	private static <T> T last(List<T> list) {
		return list.get(list.size() - 1);
	}

}
