package com.gavel.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.gavel.account.Account;
import com.gavel.auction.AuctionEngine;
import com.gavel.auction.BidRequest;
import com.gavel.auction.BidResult;
import com.gavel.auction.LotView;
import com.gavel.auction.SaleCatalog;
import com.gavel.auction.SaleKind;
import com.gavel.auction.SaleLotSpec;
import com.gavel.auction.SaleSpec;
import com.gavel.auction.Sales;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * A timed sale opened at once with its lots, for tests of what follows the bidding (invoices,
 * their mail and export): the lots in lot-number order (1, 2, 3…), each ending hours from now.
 */
public record TestSale(long id, String title, List<LotView> lots) {

	/** A lot of the sale to create: its title, start price and reserve in minor units. */
	public record Item(String title, long startPrice, Long reserve) {
	}

	public static TestSale open(Sales sales, Clock clock, String currency, String premium, String tax, String payment,
			String collection, Item... items) {
		Instant now = clock.instant();
		String title = "Sale " + UUID.randomUUID().toString().substring(0, 8);
		long id = sales.create(new SaleSpec(title, "A sale made by a test.", currency, SaleKind.TIMED,
				now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), Duration.ofMinutes(1), false,
				new BigDecimal(premium), new BigDecimal(tax), null, payment, collection), (made) -> {
				});
		List<SaleLotSpec> specs = new ArrayList<>();
		for (int i = 0; i < items.length; i++) {
			Item item = items[i];
			specs.add(new SaleLotSpec(item.title(), "", item.startPrice(), item.reserve(), null, i + 1, null, null));
		}
		List<LotView> lots = sales.createLots(id, specs, (view, spec) -> {
		});
		sales.schedule(id, () -> {
		});
		sales.openNow(id, () -> {
		});
		return new TestSale(id, title, lots);
	}

	/** The id of lot number {@code number}. */
	public long lot(int number) {
		return this.lots.get(number - 1).id();
	}

	/** Bids exactly {@code amount} (major units) on lot {@code number}; fails the test if refused. */
	public BidResult bid(AuctionEngine engine, int number, Account bidder, String amount) {
		BidResult result = engine.placeBid(BidRequest.of(lot(number), bidder.id(), UUID.randomUUID().toString(),
				new BigDecimal(amount), null));
		if (!result.accepted()) {
			fail("%s's bid of %s on lot %d was refused: %s", bidder.username(), amount, number, result.reason());
		}
		return result;
	}

	/**
	 * Ends the sale as its last lot's end would: every lot still open closes now (sold where the
	 * reserve was met), and the scheduler, finding none running, closes the sale.
	 */
	public void close(AuctionEngine engine, SaleCatalog catalog) {
		for (SaleCatalog.AdminLot lot : catalog.adminLots(this.id)) {
			if ("open".equals(lot.lot().status())) {
				engine.closeNow(lot.lot().id());
			}
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "closed".equals(catalog.adminSale(this.id).orElseThrow().status()));
	}

}
