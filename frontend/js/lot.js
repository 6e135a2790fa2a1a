// The lot page, live. The server rendered the whole current state; this keeps it current from the
// socket, runs the countdown on the server's clock and places bids. What a lot is and where the
// bidder stands come from lot-state.js, the history table from lot-history.js, the bid controls
// from bid-form.js, the receipt and clock lines from receipt.js.
import { LiveClient, requestId } from './live.js';
import { formatMoney, toMinor } from './money.js';
import { Texts, readJson } from './text.js';
import { formatTime, localizeTimes } from './time.js';
import {
  LotState, historyRowsOf, isOver, isRunning, leaderText, outcomeText, priceLabel, showSuspendedBanner, standingText,
  statusWord, takesBids,
} from './lot-state.js';
import { History } from './lot-history.js';
import { refusalText, resultText, wireBidForms } from './bid-form.js';
import { LotVoice } from './lot-voice.js';
import { wireProofLines } from './receipt.js';

const STILL_WAITING_MS = 8000;

const root = document.getElementById('lot');
const boot = readJson('lot-state');
const T = new Texts(boot.texts);
const t = (key, ...args) => T.t(key, ...args);
const id = boot.lot.id;
const scale = boot.scale;

const state = new LotState(boot.lot, boot.you); // you: null when signed out
let pending = null; // the bid in flight: {requestId, frame, leadingBefore, slow}
let placed = null; // the answer to the bidder's last bid, shown while it still holds: {status, price, text, sequence}
let voidCheck = null; // a void being looked up in the history: {seq}
let outbidWaiting = null; // an outbid message waiting for its event (they travel separately)
let stillWaiting = null;

const $ = (role) => root.querySelector(`[data-role="${role}"]`);
const byId = (elementId) => document.getElementById(elementId);
const money = (amount) => formatMoney(amount, state.lot.currency);

const voice = new LotVoice(root, t);
const announce = (text) => voice.announce(text);
const history = new History({
  body: $('history'), empty: $('history-empty'), t, money, isYou: (alias) => state.isYou(alias),
  url: `/lots/${id}/history`,
});

const client = new LiveClient({ serverNow: boot.serverNow, onState: showConnection, onMessage: handle });

// ---- rendering -----------------------------------------------------------------------------

function setText(role, text) {
  const el = $(role);
  if (el && el.textContent !== text) el.textContent = text;
  return el;
}

function show(el, visible) {
  if (el) el.hidden = !visible;
}

function render() {
  const lot = state.lot;
  const over = isOver(lot);
  const status = $('status');
  status.textContent = statusWord(T, lot);
  status.className = `chip chip-${lot.status}`;

  setText('price-label', priceLabel(T, lot));
  const price = setText('price', money(lot.price != null ? lot.price : (lot.ask || boot.startPrice)));
  price.dataset.amount = lot.price || '';
  setText('leader', leaderText(T, lot, state.isYou(lot.leader)));
  setText('bid-count', lot.bids === 0 ? t('bids.none') : lot.bids === 1 ? t('bids.one') : t('bids.many', lot.bids));
  const reserve = $('reserve');
  reserve.dataset.reserve = lot.reserve;
  reserve.textContent = lot.reserve === 'met' ? t('reserve.met') : t('reserve.not-met');
  show(reserve, lot.reserve !== 'none' && !over);

  renderStanding();

  show($('clock'), isRunning(lot) && !lot.live); // a live sale's lot is called by the auctioneer, not the clock
  setText('clock-label', lot.status === 'scheduled' ? t('startsIn') : t('endsIn'));
  $('countdown').dataset.endsAt = lot.endsAt;
  const endsAt = $('ends-at');
  endsAt.setAttribute('datetime', lot.endsAt);
  endsAt.textContent = t('endsAt', formatTime(lot.endsAt));
  const extended = setText('extended', t('extended', lot.extensions));
  show(extended, lot.extensions > 0);

  const note = setText('state-note', outcomeText(T, lot));
  note.dataset.outcome = lot.status === 'closed' ? lot.outcome : lot.status;
  show(note, note.textContent !== '');
  const closed = $('closed-at');
  const closedText = over && lot.closedAt
    ? t(lot.status === 'cancelled' ? 'withdrawnAt' : 'closedAt', formatTime(lot.closedAt)) : '';
  if (lot.closedAt) closed.setAttribute('datetime', lot.closedAt);
  closed.textContent = closedText;
  show(closed, closedText !== '');

  // An ended lot is not live and takes no bids: no connection dot, no sign-in to bid.
  show($('connection'), !over);
  show($('sign-in'), !over);
  const notify = $('notify');
  const suspended = !!(state.you && state.you.suspended);
  if (notify) show(notify, !over && !suspended && LotVoice.canAsk());
  renderBidding();
  tick();
}

/** The one statement of where the bidder stands; a fresh answer to their own bid folds into it. */
function renderStanding() {
  const el = $('standing');
  if (!el) return;
  const lot = state.lot;
  const status = pending ? 'pending' : state.standing();
  // The answer to the bidder's own bid holds until, once its event is in, the price or their standing moves on.
  if (placed && !pending && lot.sequence >= placed.sequence && (placed.status !== status || placed.price !== lot.price)) {
    placed = null;
  }
  let text;
  if (pending) text = pendingText();
  else if (placed) text = placed.text;
  else text = standingText(T, status, lot, state.you, money);
  el.dataset.status = status;
  setText('standing-text', text);
  show(el, status !== 'not-bidding');
  const you = state.you;
  const max = setText('your-max', you && you.maximum ? t('yourMaximum', money(you.maximum)) : '');
  show(max, status === 'leading' && !!(you && you.maximum));
  show($('after-win'), status === 'won');
}

function pendingText() {
  if (!client.isLive()) {
    const entry = client.pending.get(pending.requestId);
    return entry && entry.sent ? t('bid.connectionLost') : t('waitingForConnection');
  }
  return pending.slow ? t('stillWaiting') : t('sending');
}

/** Whether a bid could work now: a bidder, not suspended, a socket not closed for good, a lot that takes bids. */
function canBidNow() {
  return !!boot.canBid && !(state.you && state.you.suspended) && !client.isClosedForGood()
    && takesBids(state.lot, client.serverNow());
}

/** The bid controls exist only for bidders and show only while the lot takes bids. */
function renderBidding() {
  const bidding = $('bidding');
  if (!bidding) return;
  const lot = state.lot;
  show(bidding, canBidNow());
  // A leader cannot outbid themself: they may only raise their maximum.
  const leading = state.standing() === 'leading';
  const ask = $('bid-ask');
  ask.textContent = lot.ask ? t('bidAsk', money(lot.ask)) : '';
  show(ask, !leading);
  show($('custom-form'), !leading);
  setText('maximum-label', leading ? t('raiseMaximum') : t('maximum'));
  byId('custom-amount').placeholder = lot.ask || '';
  show($('buy-now'), !!lot.buyNow);
  $('buy-now-button').textContent = lot.buyNow ? t('buyNow', money(lot.buyNow)) : '';
  setBusy(!!pending);
}

function setBusy(busy) {
  const bidding = $('bidding');
  if (!bidding) return;
  bidding.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const role of ['bid-ask', 'custom-submit', 'maximum-submit', 'buy-now-button']) {
    $(role).disabled = busy || (!state.lot.ask && role !== 'buy-now-button');
  }
}

function tick() {
  const lot = state.lot;
  if (lot.live) {
    // No countdown: the lot takes bids until the auctioneer's hammer.
    const bidding = $('bidding');
    if (bidding && bidding.hidden === canBidNow()) renderBidding();
    return;
  }
  const countdown = $('countdown');
  const left = Date.parse(lot.status === 'scheduled' ? lot.startsAt : lot.endsAt) - client.serverNow();
  let text;
  if (lot.status === 'open' && left <= 0) text = t('closing');
  else if (lot.status === 'paused') text = statusWord(T, lot); // the time left is given back on resume
  else text = T.remaining(left);
  if (countdown.textContent !== text) countdown.textContent = text;
  countdown.closest('[data-role="clock"]').classList.toggle('urgent', lot.status === 'open' && left <= 60000);
  const bidding = $('bidding');
  if (bidding && bidding.hidden === canBidNow()) renderBidding();
  if (lot.status === 'open') voice.countdown(lot.endsAt, left);
}

function showConnection(connection) {
  const el = $('connection');
  el.dataset.state = connection;
  el.textContent = t(`conn.${connection}`);
  if (connection === 'suspended' && state.you) {
    state.you.suspended = true;
    showSuspendedBanner();
    render();
    return;
  }
  if (pending) renderStanding();
}

function showError(text) {
  const el = setText('bid-error', text);
  if (el) show(el, text !== '');
}

// ---- messages ------------------------------------------------------------------------------

function handle(msg) {
  switch (msg.type) {
    case 'snapshot':
      if (msg.lot.id !== id) return;
      state.apply(msg);
      render();
      history.refetch().then(() => history.markMine());
      settleOutbid();
      return;
    case 'event':
      if (msg.lotId === id) applyEvent(msg);
      return;
    case 'bid-result':
      if (msg.lot === id) bidResult(msg);
      return;
    case 'bid-withdrawn':
      if (msg.lot === id) withdrawn(msg);
      return;
    case 'outbid':
      if (msg.lot === id) {
        outbidWaiting = msg;
        settleOutbid();
      }
      return;
    default:
  }
}

function applyEvent(msg) {
  const before = state.apply(msg);
  const lot = state.lot;
  switch (msg.kind) {
    case 'bid':
      for (const row of historyRowsOf(msg)) history.add(row);
      if (lot.price !== before.price || lot.leader !== before.leader) {
        announce(state.isYou(lot.leader) ? t('announce.newHighYou', money(lot.price))
          : t('announce.newHigh', money(lot.price), T.alias(lot.leader)));
        flash($('price'));
      }
      break;
    case 'extended':
      flash($('clock'));
      // A lot of a group-soft-close sale moves when a late bid extends an earlier lot (detail.followsLot).
      announce(msg.detail && msg.detail.followsLot != null
        ? t('announce.groupExtended', formatTime(lot.endsAt), msg.detail.followsLot)
        : t('announce.extended', formatTime(lot.endsAt)));
      break;
    case 'closed':
      announce(lot.outcome === 'sold' ? t('announce.closed.sold', money(lot.price)) : t('announce.closed.unsold'));
      break;
    case 'voided':
      announce(t('announce.voided', lot.price ? money(lot.price) : '—'));
      checkVoid(msg.seq, msg.detail && msg.detail.bidId);
      break;
    case 'paused': case 'resumed': case 'opened': case 'cancelled':
      announce(t(`announce.${msg.kind}`));
      break;
    default:
  }
  render();
  settleOutbid();
}

/** Looks up whose bid the house voided (the history has every bid's id and bidder). */
function checkVoid(seq, bidId) {
  voidCheck = { seq };
  history.refetch().then((rows) => {
    const row = rows && rows.find((r) => r.id === bidId);
    if (row && state.you && state.isYou(row.bidder)) {
      state.you.voided = { reason: row.voidReason, seq };
      placed = null;
    }
    if (voidCheck && voidCheck.seq === seq) voidCheck = null;
    render();
    settleOutbid();
  });
}

/**
 * Tells the bidder they lost the lead, once the event that took it has been applied: as outbid,
 * or, when the house voided their bid, as that.
 */
function settleOutbid() {
  const msg = outbidWaiting;
  if (!msg || state.lot.sequence < msg.seq || (voidCheck && voidCheck.seq <= msg.seq)) return;
  outbidWaiting = null;
  const you = state.you;
  if (!you) return;
  let text;
  if (you.voided && you.voided.seq === msg.seq) {
    text = t('standing.voided', you.voided.reason);
  } else {
    if (you.voided && msg.seq > you.voided.seq) you.voided = null;
    // A void can leave the lot with no leader at all: say that, not "… leads at …".
    text = msg.leader ? t('outbid', T.alias(msg.leader), money(msg.price)) : t('outbid.noLeader');
  }
  render();
  voice.alert(text, t('outbid.notification', boot.lot.title), `gavel-outbid-${id}`);
}

function flash(el) {
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
}

function bidResult(msg) {
  if (!pending || msg.requestId !== pending.requestId) return;
  const { frame, leadingBefore, field } = finish();
  if (msg.accepted) {
    const you = state.you;
    you.alias = msg.alias || you.alias;
    you.voided = null;
    history.markMine();
    const offered = [frame.amount, frame.maximum, you.maximum].filter(Boolean);
    if (offered.length) you.maximum = offered.reduce((a, b) => (toMinor(b, scale) > toMinor(a, scale) ? b : a));
    placed = resultText(t, money, frame, msg, leadingBefore, T.alias(state.lot.leader));
    announce(placed.text);
    byId('custom-amount').value = '';
    byId('maximum-amount').value = '';
  } else {
    showError(refusalText(t, money, scale, msg, state.lot.ask));
  }
  render();
  refocus(field, msg.accepted ? msg.leading : state.standing() === 'leading');
}

/** A bid given up without an answer (no connection for too long, or the socket closed for good). */
function withdrawn(msg) {
  if (!pending || msg.requestId !== pending.requestId) return;
  const { field } = finish();
  showError(msg.sent ? t('bid.unconfirmed') : t('bid.withdrawn', Math.round(client.queueLimitMs / 1000)));
  render();
  refocus(field, state.standing() === 'leading');
}

function finish() {
  const done = pending;
  pending = null;
  clearTimeout(stillWaiting);
  return done;
}

/**
 * After an answer, focus goes back to where the bidder can bid again: the amount field they used,
 * or the maximum when they lead (a leader is offered nothing else, once the bid's event is in).
 */
function refocus(field, leading) {
  const bidding = $('bidding');
  if (!bidding || bidding.hidden) return;
  const maximum = leading || field === 'maximum' || $('custom-form').hidden;
  byId(maximum ? 'maximum-amount' : 'custom-amount').focus({ preventScroll: true });
}

// ---- bidding -------------------------------------------------------------------------------

function place(frame, field) {
  if (pending || !canBidNow()) return;
  const rid = requestId();
  pending = { requestId: rid, leadingBefore: state.standing() === 'leading', field, slow: false, frame: null };
  pending.frame = { type: 'bid', lot: id, requestId: rid, ...frame };
  placed = null;
  showError('');
  client.bid(pending.frame);
  render();
  clearTimeout(stillWaiting);
  stillWaiting = setTimeout(() => {
    if (pending && pending.requestId === rid) {
      pending.slow = true;
      renderStanding();
    }
  }, STILL_WAITING_MS);
}

// ---- start ---------------------------------------------------------------------------------

localizeTimes(root);
if ($('bidding')) {
  wireBidForms(root, {
    t, money, scale, lot: () => state.lot, busy: () => !!pending, place, showError,
  });
  voice.wireAsk();
}
render();
wireProofLines(root, { t, client, lotId: id, lot: () => state.lot });
setInterval(tick, 250);
client.watch(id, state.lot.sequence);
client.start();

// For the browser tests and for people poking around in the console.
window.gavelLot = {
  get state() {
    return { lot: state.lot, you: state.you, pending: pending && pending.requestId, connection: client.state };
  },
  client,
};
