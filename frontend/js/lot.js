// The lot page, live. The server rendered the whole current state; this keeps it current from the
// socket, runs the countdown on the server's clock and places bids.
import { LiveClient, requestId } from './live.js';
import { formatMoney, parseAmount, toMinor, example } from './money.js';
import { Texts, readJson, localTime, localizeTimes } from './text.js';

/** A bid (or maximum) more than this many times the ask asks for a second look: a typo's extra zero. */
const CONFIRM_FACTOR = 5n;
const FINAL_SECONDS = [60, 30, 10];
const STILL_WAITING_MS = 8000;

const root = document.getElementById('lot');
const boot = readJson('lot-state');
const T = new Texts(boot.texts);
const t = (key, ...args) => T.t(key, ...args);
const id = boot.lot.id;
const scale = boot.scale;

let lot = boot.lot;
let you = boot.you; // null when signed out; else {alias, leading, maximum}
let pending = null; // the bid in flight: {requestId, frame, leadingBefore}
let stillWaiting = null;
let announcedFor = null; // the end time the final-seconds announcements were made for
let announced = new Set();
let historyTimer = null;

const $ = (role) => root.querySelector(`[data-role="${role}"]`);
const byId = (elementId) => document.getElementById(elementId);
const money = (amount) => formatMoney(amount, lot.currency);

const client = new LiveClient({
  serverNow: boot.serverNow,
  onState: showConnection,
  onMessage: handle,
});

// ---- rendering -----------------------------------------------------------------------------

function isYou(alias) {
  return !!(you && you.alias && alias === you.alias);
}

function youStatus() {
  if (!you || !you.alias) return 'not-bidding';
  const leading = lot.leader === you.alias;
  if (lot.status === 'closed') return leading && lot.outcome === 'sold' ? 'won' : 'lost';
  if (lot.status === 'cancelled') return 'withdrawn';
  return leading ? 'leading' : 'outbid';
}

function biddingOpen() {
  return lot.status === 'open' && client.serverNow() < Date.parse(lot.endsAt);
}

function setText(role, text) {
  const el = $(role);
  if (el && el.textContent !== text) el.textContent = text;
  return el;
}

function show(el, visible) {
  if (el) el.hidden = !visible;
}

function render() {
  const status = $('status');
  status.textContent = t(`status.${lot.status}`);
  status.className = `chip chip-${lot.status}`;

  setText('price-label', lot.price != null ? t('currentBid') : t('startingAt'));
  const price = setText('price', money(lot.price != null ? lot.price : (lot.ask || boot.startPrice)));
  price.dataset.amount = lot.price || '';
  setText('leader', lot.leader ? (isYou(lot.leader) ? t('leaderYou') : t('leader', lot.leader)) : '');
  setText('bid-count', lot.bids === 0 ? t('bids.none') : lot.bids === 1 ? t('bids.one') : t('bids.many', lot.bids));
  const reserve = $('reserve');
  reserve.dataset.reserve = lot.reserve;
  reserve.textContent = lot.reserve === 'met' ? t('reserve.met') : t('reserve.not-met');
  show(reserve, lot.reserve !== 'none');

  const mine = youStatus();
  const youEl = $('you-status');
  youEl.dataset.status = mine;
  youEl.textContent = t(`you.${mine}`);
  show(youEl, !!you && mine !== 'not-bidding');
  const max = $('your-max');
  if (max) {
    max.textContent = you && you.maximum ? t('yourMaximum', money(you.maximum)) : '';
    show(max, mine === 'leading' && !!(you && you.maximum));
  }
  if (mine === 'leading' || lot.status !== 'open') show($('outbid'), false);

  const running = ['open', 'paused', 'scheduled'].includes(lot.status);
  show($('clock'), running);
  setText('clock-label', lot.status === 'scheduled' ? t('startsIn') : t('endsIn'));
  const countdown = $('countdown');
  countdown.dataset.endsAt = lot.endsAt;
  const endsAt = $('ends-at');
  endsAt.setAttribute('datetime', lot.endsAt);
  endsAt.textContent = t('endsAt', localTime(lot.endsAt));
  const extended = $('extended');
  extended.textContent = t('extended', lot.extensions);
  show(extended, lot.extensions > 0);

  const note = $('state-note');
  let noteText = '';
  if (lot.status === 'closed') noteText = lot.outcome === 'sold' ? t('closed.sold', money(lot.price)) : t('closed.unsold');
  else if (lot.status === 'cancelled') noteText = t('cancelled');
  else if (lot.status === 'paused') noteText = t('paused');
  else if (lot.status === 'scheduled') noteText = t('scheduled');
  note.textContent = noteText;
  show(note, noteText !== '');

  renderBidding();
  tick();
}

/** The bid controls exist only for bidders and show only while the lot takes bids. */
function renderBidding() {
  const bidding = $('bidding');
  if (!bidding) return;
  const open = biddingOpen();
  show(bidding, open);
  // A leader cannot outbid themself: they may only raise their maximum.
  const leading = youStatus() === 'leading';
  const ask = $('bid-ask');
  ask.textContent = lot.ask ? t('bidAsk', money(lot.ask)) : '';
  show(ask, !leading);
  show($('custom-form'), !leading);
  setText('maximum-label', leading ? t('raiseMaximum') : t('maximum'));
  byId('custom-amount').placeholder = lot.ask || '';
  const buyNow = $('buy-now');
  show(buyNow, !!lot.buyNow);
  $('buy-now-button').textContent = lot.buyNow ? t('buyNow', money(lot.buyNow)) : '';
  setBusy(!!pending);
}

function setBusy(busy) {
  const bidding = $('bidding');
  if (!bidding) return;
  bidding.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const role of ['bid-ask', 'custom-submit', 'maximum-submit', 'buy-now-button']) {
    $(role).disabled = busy || !lot.ask && role !== 'buy-now-button';
  }
}

function tick() {
  const countdown = $('countdown');
  const target = Date.parse(lot.status === 'scheduled' ? lot.startsAt : lot.endsAt);
  const left = target - client.serverNow();
  let text;
  if (lot.status === 'open' && left <= 0) text = t('closing');
  else if (lot.status === 'paused') text = t('status.paused'); // the time left is given back on resume
  else text = T.remaining(left);
  if (countdown.textContent !== text) countdown.textContent = text;
  const urgent = lot.status === 'open' && left <= 60000;
  countdown.closest('[data-role="clock"]').classList.toggle('urgent', urgent);
  if ($('bidding') && $('bidding').hidden === biddingOpen()) renderBidding();
  if (lot.status === 'open') finalSeconds(left);
}

function finalSeconds(left) {
  if (announcedFor !== lot.endsAt) {
    announcedFor = lot.endsAt;
    // An extension starts the countdown afresh; warnings already past stay quiet.
    announced = new Set(FINAL_SECONDS.filter((s) => left <= s * 1000));
  }
  for (const s of FINAL_SECONDS) {
    if (left <= s * 1000 && left > 0 && !announced.has(s)) {
      announced.add(s);
      announce(s === 60 ? t('announce.minute') : t('announce.seconds', s));
    }
  }
}

function showConnection(state) {
  const el = $('connection');
  el.dataset.state = state;
  el.textContent = t(`conn.${state}`);
  if (pending && state === 'live') showResult(t('sending'), 'pending');
}

function announce(text) {
  const el = $('announcer');
  el.textContent = '';
  // A fresh node change makes screen readers read the same sentence again.
  requestAnimationFrame(() => { el.textContent = text; });
}

function alertNow(text) {
  const el = $('alerter');
  el.textContent = '';
  requestAnimationFrame(() => { el.textContent = text; });
}

function showResult(text, kind) {
  const el = $('result');
  el.textContent = text;
  el.dataset.kind = kind;
  show(el, text !== '');
}

// ---- history -------------------------------------------------------------------------------

function historyRow(row) {
  const tr = document.createElement('tr');
  tr.dataset.seq = row.sequence;
  tr.dataset.bidder = row.bidder;
  if (row.voided) tr.classList.add('voided');
  if (isYou(row.bidder)) tr.classList.add('mine');
  const who = document.createElement('td');
  const name = document.createElement('span');
  name.textContent = row.bidder;
  who.append(name);
  const tag = (text, cls) => {
    const s = document.createElement('span');
    s.className = `tag ${cls || ''}`.trim();
    s.textContent = text;
    who.append(' ', s);
  };
  if (isYou(row.bidder)) tag(t('history.you'), 'tag-you');
  if (row.kind && row.kind !== 'bid') tag(t(`history.kind.${row.kind}`));
  if (row.voided) tag(t('history.voided'), 'tag-voided');
  const amount = document.createElement('td');
  amount.className = 'num';
  amount.textContent = money(row.amount);
  const when = document.createElement('td');
  when.className = 'time';
  const time = document.createElement('time');
  time.setAttribute('datetime', row.at);
  time.textContent = localTime(row.at);
  when.append(time);
  tr.append(who, amount, when);
  return tr;
}

/**
 * Marks the bidder's own rows once their alias is known: their first bid's event can arrive
 * before the bid-result that tells them their alias.
 */
function markMyRows() {
  if (!you || !you.alias) return;
  for (const tr of $('history').rows) {
    if (tr.dataset.bidder !== you.alias || tr.classList.contains('mine')) continue;
    tr.classList.add('mine');
    const tag = document.createElement('span');
    tag.className = 'tag tag-you';
    tag.textContent = t('history.you');
    tr.cells[0].firstElementChild.after(' ', tag);
  }
}

function addHistoryRow(row) {
  const body = $('history');
  if (body.querySelector(`tr[data-seq="${row.sequence}"]`)) return;
  const tr = historyRow(row);
  const later = [...body.rows].find((r) => Number(r.dataset.seq) < row.sequence);
  body.insertBefore(tr, later || null);
  show($('history-empty'), false);
  tr.classList.add('fresh');
}

/** Re-reads the whole history (after a void or a resync) and keeps rows that arrived meanwhile. */
function refetchHistory() {
  clearTimeout(historyTimer);
  historyTimer = setTimeout(async () => {
    try {
      const response = await fetch(`/lots/${id}/history`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const rows = await response.json();
      const body = $('history');
      const newest = rows.reduce((m, r) => Math.max(m, r.sequence), 0);
      const later = [...body.rows].filter((r) => Number(r.dataset.seq) > newest);
      body.replaceChildren(...later, ...rows.map((r) => historyRow({ sequence: r.sequence, ...r.entry })));
      show($('history-empty'), body.rows.length === 0);
    } catch (e) {
      // The next event or reconnect tries again.
    }
  }, 150);
}

// ---- messages ------------------------------------------------------------------------------

function handle(msg) {
  switch (msg.type) {
    case 'snapshot':
      if (msg.lot.id !== id) return;
      lot = msg.lot;
      if (msg.you && you) you = { ...you, alias: msg.you.alias, leading: msg.you.leading };
      render();
      refetchHistory();
      return;
    case 'event':
      if (msg.lotId === id) applyEvent(msg);
      return;
    case 'bid-result':
      if (msg.lot === id) bidResult(msg);
      return;
    case 'outbid':
      if (msg.lot === id) outbid(msg);
      return;
    default:
  }
}

function applyEvent(msg) {
  const before = lot;
  lot = msg.lot;
  const d = msg.detail || {};
  switch (msg.kind) {
    case 'bid':
      addHistoryRow({ sequence: msg.seq, bidder: d.bidder, kind: d.kind, amount: d.amount, at: msg.at });
      if (lot.price !== before.price || lot.leader !== before.leader) {
        announce(isYou(lot.leader) ? t('announce.newHighYou', money(lot.price))
          : t('announce.newHigh', money(lot.price), lot.leader));
        flash($('price'));
      }
      break;
    case 'extended':
      flash($('clock'));
      announce(t('announce.extended', localTime(lot.endsAt)));
      break;
    case 'closed':
      announce(lot.outcome === 'sold' ? t('announce.closed.sold', money(lot.price)) : t('announce.closed.unsold'));
      break;
    case 'paused':
      announce(t('announce.paused'));
      break;
    case 'resumed':
      announce(t('announce.resumed'));
      break;
    case 'opened':
      announce(t('announce.opened'));
      break;
    case 'cancelled':
      announce(t('announce.cancelled'));
      break;
    case 'voided':
      announce(t('announce.voided', lot.price ? money(lot.price) : '—'));
      refetchHistory();
      break;
    default:
  }
  render();
}

function flash(el) {
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
}

function outbid(msg) {
  if (you) you.leading = false;
  // A void can leave the lot with no leader at all: say that, not "… leads at …".
  const text = msg.leader ? t('outbid', msg.leader, money(msg.price)) : t('outbid.noLeader');
  const notice = $('outbid');
  notice.textContent = text;
  show(notice, true);
  alertNow(text);
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(t('outbid.notification', boot.lot.title), { body: text, tag: `gavel-outbid-${id}` });
    } catch (e) {
      // Some browsers only allow notifications from a service worker: the in-page notice stays.
    }
  }
}

function bidResult(msg) {
  if (!pending || msg.requestId !== pending.requestId) return;
  const { frame, leadingBefore } = pending;
  pending = null;
  clearTimeout(stillWaiting);
  if (msg.accepted) {
    you = { ...(you || {}), alias: msg.alias || (you && you.alias), leading: msg.leading };
    markMyRows();
    const offered = [frame.amount, frame.maximum, you.maximum].filter(Boolean);
    if (offered.length) {
      you.maximum = offered.reduce((a, b) => (toMinor(b, scale) > toMinor(a, scale) ? b : a));
    }
    let text;
    if (frame.kind === 'buy-now') text = t('result.boughtNow', money(msg.price));
    else if (!msg.leading) text = t('result.beaten', money(msg.price), money(frame.maximum || frame.amount), lot.leader || '');
    else if (frame.maximum && leadingBefore) text = t('result.raisedMaximum', money(msg.price), money(frame.maximum));
    else if (frame.maximum) text = t('result.maximumLeading', money(msg.price), money(frame.maximum));
    else text = t('result.leading', money(msg.price));
    showResult(text, msg.leading ? 'ok' : 'warn');
    if (msg.leading) show($('outbid'), false);
    byId('custom-amount').value = '';
    byId('maximum-amount').value = '';
  } else {
    showResult(reasonText(msg), 'error');
  }
  render();
}

function reasonText(msg) {
  switch (msg.reason) {
    case 'below-minimum': {
      const ask = msg.ask || lot.ask;
      return ask ? t('reason.below-minimum', money(ask)) : t('reason.below-minimum.noAsk');
    }
    case 'invalid-amount':
      return t('reason.invalid-amount', scale);
    case 'lot-not-found': case 'lot-not-open': case 'lot-paused': case 'lot-closed': case 'lot-cancelled':
    case 'self-outbid': case 'maximum-not-raised': case 'buy-now-unavailable': case 'banned':
    case 'not-a-bidder': case 'not-signed-in': case 'rate-limited': case 'busy':
      return t(`reason.${msg.reason}`);
    default:
      return t('reason.unknown', msg.message || msg.reason || '?');
  }
}

// ---- bidding -------------------------------------------------------------------------------

function place(frame) {
  if (pending || !biddingOpen()) return;
  pending = {
    requestId: requestId(),
    leadingBefore: youStatus() === 'leading',
    frame: null,
  };
  pending.frame = { type: 'bid', lot: id, requestId: pending.requestId, ...frame };
  setBusy(true);
  showResult(client.isLive() ? t('sending') : t('waitingForConnection'), 'pending');
  client.bid(pending.frame);
  clearTimeout(stillWaiting);
  stillWaiting = setTimeout(() => {
    if (pending) showResult(client.isLive() ? t('stillWaiting') : t('waitingForConnection'), 'pending');
  }, STILL_WAITING_MS);
}

function farAboveAsk(amount) {
  return lot.ask && toMinor(amount, scale) > CONFIRM_FACTOR * toMinor(lot.ask, scale);
}

let confirming = false;

/** Opens the confirm dialog; resolves true when the bidder says yes. */
function confirmStep(text) {
  const dialog = $('confirm');
  $('confirm-text').textContent = text;
  confirming = true;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      confirming = false;
      resolve(dialog.returnValue === 'yes');
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

async function withConfirm(text, frame) {
  if (pending || confirming) return;
  if (text && !(await confirmStep(text))) return;
  place(frame);
}

function readAmount(input) {
  const raw = input.value;
  if (raw.trim() === '') {
    showResult(t('invalid.empty'), 'error');
    input.focus();
    return null;
  }
  const amount = parseAmount(raw, scale);
  if (amount == null) {
    showResult(t('invalid.format', example(scale)), 'error');
    input.focus();
    return null;
  }
  return amount;
}

function wireBidding() {
  if (!$('bidding')) return;
  $('bid-ask').addEventListener('click', () => {
    if (lot.ask) withConfirm(null, { amount: lot.ask });
  });
  $('custom-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (pending || confirming) return;
    const amount = readAmount(byId('custom-amount'));
    if (amount == null) return;
    withConfirm(farAboveAsk(amount) ? t('confirm.far', money(amount), money(lot.ask)) : null, { amount });
  });
  $('maximum-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (pending || confirming) return;
    const maximum = readAmount(byId('maximum-amount'));
    if (maximum == null) return;
    withConfirm(farAboveAsk(maximum) ? t('confirm.farMaximum', money(maximum), money(lot.ask)) : null, { maximum });
  });
  $('buy-now-button').addEventListener('click', () => {
    if (lot.buyNow) withConfirm(t('confirm.buyNow', money(lot.buyNow)), { kind: 'buy-now' });
  });

  const notify = $('notify');
  if (notify && 'Notification' in window && Notification.permission === 'default') {
    show(notify, true);
    notify.addEventListener('click', async () => {
      try {
        await Notification.requestPermission();
      } finally {
        show(notify, false);
      }
    });
  }
}

// ---- start ---------------------------------------------------------------------------------

localizeTimes(root);
wireBidding();
render();
setInterval(tick, 250);
client.watch(id, lot.sequence);
client.start();

// For the browser tests and for people poking around in the console.
window.gavelLot = {
  get state() { return { lot, you, pending: pending && pending.requestId, connection: client.state }; },
  client,
};
