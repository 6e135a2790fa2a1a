// What a lot is and where the viewer stands on it, in one place for every page that shows lots
// (the lot page, the catalogue's cards, My bids, the watchlist): the status words, the standing
// rules (the server's web/BidderStanding applies the same ones when it renders a page), applying
// snapshot and event messages, and the history rows a bid event adds.

/** Statuses in which a lot still runs; closed and cancelled lots are over. */
const RUNNING = new Set(['open', 'paused', 'scheduled']);

export function isRunning(lot) {
  return RUNNING.has(lot.status);
}

export function isOver(lot) {
  return !isRunning(lot);
}

/** Whether the lot takes bids now, on the server's clock. */
export function takesBids(lot, serverNow) {
  return lot.status === 'open' && serverNow < Date.parse(lot.endsAt);
}

/** The word for a lot's status: the keys the server's templates use too (status.open, …). */
export function statusWord(T, lot) {
  return T.t(`status.${lot.status}`);
}

/** What the price is: "Current bid", "Starting at", or once the lot is over "Sold for" or "Highest bid". */
export function priceLabel(T, lot) {
  if (lot.status === 'closed' && lot.outcome === 'sold') return T.t('soldFor');
  if (isOver(lot) && lot.price != null) return T.t('highestBid');
  return lot.price != null ? T.t('currentBid') : T.t('startingAt');
}

/** Who leads ("Bidder 2 leads", "You lead") or won ("Won by Bidder 2"); '' when nobody does. */
export function leaderText(T, lot, youLead) {
  if (lot.status === 'closed' && lot.outcome === 'sold') return youLead ? T.t('wonByYou') : T.t('wonBy', T.alias(lot.leader));
  if (isOver(lot) || !lot.leader) return '';
  return youLead ? T.t('leaderYou') : T.t('leader', T.alias(lot.leader));
}

/**
 * The note under the price: how a lot that is over ended unless the price block says it ("Not
 * sold — reserve not met", "Withdrawn"; a sold lot's price block reads "Sold for €40.00"), or
 * what holds it up while it cannot take bids; '' otherwise.
 */
export function outcomeText(T, lot) {
  switch (lot.status) {
    case 'closed':
      if (lot.outcome === 'sold') return '';
      // Unsold with bids standing: the reserve was not met.
      return lot.bids > 0 ? T.t('outcome.reserveNotMet') : T.t('outcome.noBids');
    case 'cancelled':
      return T.t('outcome.withdrawn');
    case 'paused':
      return T.t('paused');
    case 'scheduled':
      return T.t('scheduled');
    default:
      return '';
  }
}

/**
 * Where the viewer stands on the lot, one of: not-bidding, leading, outbid, voided (the house
 * voided their bid and they do not lead), won, lost, withdrawn, suspended.
 *
 * @param {object|null} you null when signed out; else {alias, suspended, voided: {reason}|null}
 */
export function standing(lot, you) {
  if (!you) return 'not-bidding';
  const leading = !!you.alias && lot.leader === you.alias;
  if (lot.status === 'closed') {
    if (!you.alias) return 'not-bidding';
    return leading && lot.outcome === 'sold' ? 'won' : 'lost';
  }
  if (lot.status === 'cancelled') return you.alias ? 'withdrawn' : 'not-bidding';
  // While the lot runs, what a suspended bidder most needs to know is that they cannot bid.
  if (you.suspended) return 'suspended';
  if (!you.alias) return 'not-bidding';
  if (leading) return 'leading';
  return you.voided ? 'voided' : 'outbid';
}

/** The one sentence for a standing (the server renders the same keys). */
export function standingText(T, status, lot, you, money) {
  switch (status) {
    case 'leading':
      return T.t('standing.leading', money(lot.price));
    case 'outbid':
      return lot.leader ? T.t('standing.outbid', T.alias(lot.leader), money(lot.price)) : T.t('standing.outbid.noLeader');
    case 'voided':
      return T.t('standing.voided', you.voided.reason);
    case 'won':
      return T.t('standing.won', money(lot.price));
    case 'lost':
      return lot.outcome === 'sold' ? T.t('standing.lost', T.alias(lot.leader), money(lot.price)) : T.t('standing.lost.unsold');
    case 'withdrawn':
      return T.t('standing.withdrawn');
    case 'suspended':
      return T.t('standing.suspended');
    default:
      return '';
  }
}

/** Where the viewer stands in one word, for a chip ("Leading", "Outbid"…). */
export function standingWord(T, status) {
  return T.t(`standingWord.${status}`);
}

/**
 * The house's reason ({reason}) when the bidder's newest bid in a fetched history
 * (`/lots/{id}/history`, newest first) is voided, else null: the server's rule for "voided".
 */
export function newestOwnVoid(fetched, alias) {
  if (!alias || !Array.isArray(fetched)) return null;
  const newest = fetched.map((row) => row.entry).find((e) => e.bidder === alias && e.kind !== 'automatic');
  return newest && newest.voided ? { reason: newest.voidReason || '' } : null;
}

/** The rows a `bid` event adds to the history: the bid, and the leader's automatic answer to it. */
export function historyRowsOf(msg) {
  const d = msg.detail || {};
  const rows = [{ key: String(msg.seq), sequence: msg.seq, bidder: d.bidder, kind: d.kind, amount: d.amount, at: msg.at }];
  if (d.automatic) {
    rows.push({
      key: `${msg.seq}a`, sequence: msg.seq, bidder: d.automatic.bidder, kind: 'automatic',
      amount: d.automatic.amount, at: msg.at,
    });
  }
  return rows;
}

/** A row of the fetched history (`/lots/{id}/history`) in the shape historyRowsOf makes. */
export function historyRowOf(fetched) {
  const e = fetched.entry;
  const automatic = e.kind === 'automatic';
  return {
    key: automatic ? `${fetched.sequence}a` : String(fetched.sequence), sequence: fetched.sequence, id: e.id,
    bidder: e.bidder, kind: e.kind, amount: e.amount, at: e.at, voided: e.voided, voidReason: e.voidReason,
  };
}

/** One lot as a page follows it, and the viewer's place on it. */
export class LotState {
  constructor(lot, you) {
    this.lot = lot;
    this.you = you || null;
  }

  /** Applies a snapshot or an event of this lot (the socket hands them over in order); returns the lot before. */
  apply(msg) {
    const before = this.lot;
    this.lot = msg.lot;
    if (msg.type === 'snapshot' && msg.you && msg.you.alias && this.you) this.you.alias = msg.you.alias;
    // A new bid of the viewer's own replaces the one the house voided.
    if (msg.kind === 'bid' && this.you && this.you.voided && msg.detail && this.isYou(msg.detail.bidder)) {
      this.you.voided = null;
    }
    return before;
  }

  standing() {
    return standing(this.lot, this.you);
  }

  isYou(alias) {
    return !!(this.you && this.you.alias && alias === this.you.alias);
  }
}

/** Reveals the layout's "your account is suspended" banner (for a ban that came while the page was open). */
export function showSuspendedBanner() {
  const banner = document.querySelector('[data-role="suspended-banner"]');
  if (banner) banner.hidden = false;
}
