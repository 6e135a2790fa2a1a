// The live sale room (templates/sales/live.html): the lot the auctioneer calls now, its fair
// warning counting down on the server's clock, one button that bids exactly the ask, and the lots
// to come. Which lot is up comes from GET /api/sales/{id}/live, asked again whenever a lot comes up
// or closes; everything else comes over the socket, applied as the lot page applies it
// (lot-state.js), so the price, the leader and the warning change the moment they do.
import { LiveClient, requestId } from './live.js';
import { formatMoney } from './money.js';
import { Texts, readJson } from './text.js';
import {
  LotState, isOver, leaderText, priceLabel, showSuspendedBanner, standingText,
} from './lot-state.js';
import { refusalText } from './bid-form.js';

/** A socket follows at most this many lots (docs/protocol.md): the room follows those still to come. */
const MAX_LOTS = 200;
/** How many of the lots to come the room lists. */
const NEXT_SHOWN = 5;
const STILL_WAITING_MS = 8000;

const root = document.getElementById('sale-room');
const boot = readJson('room-state');
const T = new Texts(boot.texts);
const t = (key, ...args) => T.t(key, ...args);
const money = (amount) => formatMoney(amount, boot.currency);
const $ = (role) => root.querySelector(`[data-role="${role}"]`);

const catalogue = new Map((boot.lots || []).map((l) => [l.id, l])); // lot id -> {lotNumber, title, estimate, photo}
const states = new Map(); // lot id -> LotState, for every lot the room has heard of
let room = null; // the last answer of GET /api/sales/{id}/live
let shownId = null; // the lot on show: the one up, or once it closed, that one with its result
let pending = null; // the bid in flight: {requestId, lot, amount, slow}
let placed = null; // the answer to the bidder's bid, until its event is in: {lot, sequence, text}
let refreshing = null;
let refreshAgain = false;

const client = new LiveClient({ serverNow: boot.serverNow, onState: showConnection, onMessage: handle });

// ---- the room's state ----------------------------------------------------------------------

function newYou() {
  return boot.signedIn ? { alias: null, suspended: !!boot.suspended, voided: null } : null;
}

/** The lot's state, taking `lot` when it is newer than what the room has (a REST answer may be older than an event). */
function remember(lot) {
  const known = states.get(lot.id);
  if (!known) {
    states.set(lot.id, new LotState(lot, newYou()));
  } else if (lot.sequence >= known.lot.sequence) {
    known.lot = lot;
  }
  return states.get(lot.id);
}

function numberOf(lotId) {
  const entry = catalogue.get(lotId);
  const state = states.get(lotId);
  return (state && state.lot.lotNumber) || (entry && entry.lotNumber);
}

/** Asks which lot is up and which come next; one request at a time, one more if asked meanwhile. */
function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      try {
        const response = await fetch(`/api/sales/${boot.saleId}/live`, { headers: { Accept: 'application/json' } });
        if (response.ok) applyRoom(await response.json());
      } catch (e) {
        // No answer: the next event or reconnect asks again; the room shows what it knows.
      }
    } while (refreshAgain);
  })().finally(() => {
    refreshing = null;
  });
}

function applyRoom(data) {
  room = data;
  if (data.current) remember(data.current);
  for (const lot of data.next || []) remember(lot);
  if (data.current) {
    shownId = data.current.id;
  } else if (shownId != null && !(states.get(shownId) && isOver(states.get(shownId).lot))) {
    // The lot on show is neither up nor closed (it was put back): nothing is on show.
    shownId = null;
  }
  follow();
  render();
}

/** Follows the lot on show and the lots still to come, in lot-number order, as many as a socket may. */
function follow() {
  const wanted = [];
  const add = (id) => {
    if (id != null && !wanted.includes(id) && wanted.length < MAX_LOTS) wanted.push(id);
  };
  add(shownId);
  if (room && room.current) add(room.current.id);
  const toCome = (room && room.lots ? room.lots : [])
    .filter((l) => l.status !== 'closed' && l.status !== 'cancelled')
    .sort((a, b) => a.lotNumber - b.lotNumber);
  for (const l of toCome) add(l.id);
  for (const id of [...client.lots.keys()]) {
    if (!wanted.includes(id)) client.unwatch(id);
  }
  // No sequence: the server answers with a snapshot, which also tells a bidder their alias on the lot.
  client.watchAll(wanted.map((id) => [id, null]));
}

// ---- rendering -----------------------------------------------------------------------------

function show(el, visible) {
  if (el) el.hidden = !visible;
}

function setText(role, text) {
  const el = $(role);
  if (el && el.textContent !== text) el.textContent = text;
  return el;
}

function render() {
  const state = shownId != null ? states.get(shownId) : null;
  const lot = state ? state.lot : null;
  show($('lot-up'), !!lot);
  const over = !!lot && isOver(lot);
  const saleOver = !!room && room.status === 'closed';
  show($('between-lots'), !!room && !saleOver && (!lot || over));
  show($('sale-over'), saleOver);
  if (lot) renderLot(state);
  renderNext();
}

function renderLot(state) {
  const lot = state.lot;
  const entry = catalogue.get(lot.id) || {};
  const lotUp = $('lot-up');
  lotUp.dataset.lotId = lot.id;
  lotUp.dataset.status = lot.status;
  setText('lot-number', t('room.lotNumber', numberOf(lot.id)));
  const title = setText('lot-title', lot.title);
  title.href = `/lots/${lot.id}`;
  const estimate = setText('estimate', entry.estimate ? t('room.estimate', money(entry.estimate.low), money(entry.estimate.high)) : '');
  show(estimate, !!entry.estimate);
  renderPhoto(entry.photo);

  setText('price-label', priceLabel(T, lot));
  const price = setText('price', money(lot.price != null ? lot.price : lot.ask));
  price.dataset.amount = lot.price || '';
  setText('leader', leaderText(T, lot, state.isYou(lot.leader)));

  const result = $('result');
  const closed = lot.status === 'closed';
  result.dataset.outcome = closed ? lot.outcome : '';
  setText('result', closed ? (lot.outcome === 'sold' ? t('room.sold', money(lot.price)) : t('room.passed')) : '');
  show(result, closed);

  renderStanding(state);
  renderBidding(state);
  show($('sign-in'), !boot.signedIn && lot.status === 'open');
  tick();
}

function renderPhoto(photo) {
  const frame = $('photo-frame');
  show(frame, !!photo);
  if (!photo) return;
  const img = $('photo');
  if (img.getAttribute('src') !== photo.src) {
    img.src = photo.src;
    img.width = photo.width;
    img.height = photo.height;
    img.alt = photo.alt || '';
  }
}

function renderStanding(state) {
  const el = $('standing');
  if (!el) return;
  const lot = state.lot;
  if (placed && (placed.lot !== lot.id || lot.sequence >= placed.sequence)) placed = null;
  const status = pending && pending.lot === lot.id ? 'pending' : state.standing();
  let text;
  if (status === 'pending') text = pending.slow ? t('stillWaiting') : t('sending');
  else if (placed) text = placed.text;
  else text = standingText(T, status, lot, state.you, money);
  el.dataset.status = status;
  setText('standing-text', text);
  show(el, text !== '');
}

/** Whether the bidder may bid on the lot on show now: it is up and open, and they can bid. */
function canBid(state) {
  const lot = state.lot;
  return !!boot.canBid && !(state.you && state.you.suspended) && !client.isClosedForGood()
    && lot.status === 'open' && !!lot.upAt && !!lot.ask;
}

function renderBidding(state) {
  const button = $('bid-ask');
  if (!button) return;
  const lot = state.lot;
  show($('bidding'), canBid(state));
  button.textContent = lot.ask ? t('bidAsk', money(lot.ask)) : '';
  // A leader cannot outbid themself: the button waits until someone else bids.
  button.disabled = !!pending || state.standing() === 'leading';
}

function renderNext() {
  const list = $('next-lots');
  const ids = room ? (room.next || []).map((l) => l.id).filter((id) => id !== shownId).slice(0, NEXT_SHOWN) : [];
  const items = ids.map((id) => nextItem(id));
  list.replaceChildren(...items);
  show(list, items.length > 0);
  show($('next-empty'), !!room && items.length === 0);
}

function nextItem(id) {
  const state = states.get(id);
  const lot = state ? state.lot : {};
  const entry = catalogue.get(id) || {};
  const li = document.createElement('li');
  li.className = 'room-next-lot';
  li.dataset.lotId = id;
  const number = document.createElement('span');
  number.className = 'room-next-number';
  number.textContent = t('room.lotNumber', numberOf(id));
  const link = document.createElement('a');
  link.href = `/lots/${id}`;
  link.textContent = lot.title || entry.title || '';
  const price = document.createElement('span');
  price.className = 'room-next-price';
  const amount = lot.price != null ? lot.price : lot.ask;
  price.textContent = amount != null ? `${priceLabel(T, lot)} ${money(amount)}` : '';
  li.append(number, link, price);
  if (entry.estimate) {
    const estimate = document.createElement('span');
    estimate.className = 'room-next-estimate';
    estimate.textContent = t('room.estimate', money(entry.estimate.low), money(entry.estimate.high));
    li.append(estimate);
  }
  return li;
}

/** The fair warning, on the server's clock: every bidder sees the same seconds. */
function tick() {
  const state = shownId != null ? states.get(shownId) : null;
  const warning = $('fair-warning');
  const lot = state && state.lot;
  const running = !!lot && lot.status === 'open' && !!lot.fairWarningEndsAt;
  show(warning, running);
  if (!running) return;
  const countdown = $('fair-warning-countdown');
  countdown.dataset.endsAt = lot.fairWarningEndsAt;
  const left = Date.parse(lot.fairWarningEndsAt) - client.serverNow();
  warning.dataset.state = left > 0 ? 'running' : 'over';
  const text = left > 0 ? T.remaining(left) : t('room.fairWarning.over');
  if (countdown.textContent !== text) countdown.textContent = text;
}

function showConnection(connection) {
  const el = $('connection');
  el.dataset.state = connection;
  el.textContent = t(`conn.${connection}`);
  if (connection === 'suspended') {
    showSuspendedBanner();
    for (const state of states.values()) {
      if (state.you) state.you.suspended = true;
    }
  }
  render();
}

function announce(text) {
  const el = $('announcement');
  el.textContent = text;
  el.hidden = false;
}

function showError(text) {
  const el = setText('bid-error', text);
  if (el) show(el, text !== '');
}

function flash(el) {
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
}

// ---- messages ------------------------------------------------------------------------------

function handle(msg) {
  switch (msg.type) {
    case 'hello':
      // Back after a gap: which lot is up may have changed meanwhile.
      refresh();
      return;
    case 'snapshot':
      remember(msg.lot).apply(msg);
      render();
      return;
    case 'event':
      applyEvent(msg);
      return;
    case 'bid-result':
      bidResult(msg);
      return;
    case 'bid-withdrawn':
      if (pending && msg.requestId === pending.requestId) {
        pending = null;
        showError(msg.sent ? t('bid.unconfirmed') : t('bid.withdrawn', Math.round(client.queueLimitMs / 1000)));
        render();
      }
      return;
    default:
  }
}

function applyEvent(msg) {
  const state = remember(msg.lot);
  const before = state.apply(msg);
  const lot = state.lot;
  const number = numberOf(lot.id);
  switch (msg.kind) {
    case 'up':
      shownId = lot.id;
      placed = null;
      showError('');
      announce(t('room.announce.up', number));
      refresh();
      break;
    case 'fair_warning':
      if (lot.id === shownId) announce(t('room.announce.fairWarning', number));
      break;
    case 'bid':
      if (lot.id === shownId && (lot.price !== before.price || lot.leader !== before.leader)) {
        announce(state.isYou(lot.leader) ? t('announce.newHighYou', money(lot.price))
          : t('announce.newHigh', money(lot.price), T.alias(lot.leader)));
        flash($('price'));
      }
      break;
    case 'closed':
      if (lot.id === shownId) {
        announce(lot.outcome === 'sold' ? t('room.announce.sold', number, money(lot.price)) : t('room.announce.passed', number));
      }
      refresh();
      break;
    default:
  }
  render();
}

function bidResult(msg) {
  if (!pending || msg.requestId !== pending.requestId) return;
  const { amount } = pending;
  pending = null;
  const state = states.get(msg.lot);
  if (msg.accepted) {
    if (state && state.you) state.you.alias = msg.alias || state.you.alias;
    const text = msg.leading ? t('result.leading', money(msg.price))
      : t('result.beaten', money(msg.price), money(amount), T.alias(state ? state.lot.leader : ''));
    placed = { lot: msg.lot, sequence: msg.sequence || 0, text };
    showError('');
  } else {
    showError(refusalText(t, money, boot.scale, msg, state ? state.lot.ask : null));
  }
  render();
}

// ---- bidding -------------------------------------------------------------------------------

function bidAsk() {
  const state = shownId != null ? states.get(shownId) : null;
  if (pending || !state || !canBid(state) || state.standing() === 'leading') return;
  const rid = requestId();
  pending = { requestId: rid, lot: state.lot.id, amount: state.lot.ask, slow: false };
  placed = null;
  showError('');
  // Exactly the ask the bidder saw on the button: if someone got there first, the server says so.
  client.bid({ type: 'bid', lot: state.lot.id, requestId: rid, amount: state.lot.ask });
  render();
  setTimeout(() => {
    if (pending && pending.requestId === rid) {
      pending.slow = true;
      render();
    }
  }, STILL_WAITING_MS);
}

// ---- start ---------------------------------------------------------------------------------

if ($('bid-ask')) $('bid-ask').addEventListener('click', bidAsk);
setInterval(tick, 200);
refresh();
client.start();

// For the browser tests and for people poking around in the console.
window.gavelRoom = {
  get state() {
    return { shown: shownId, room, connection: client.state, pending: pending && pending.requestId };
  },
  client,
};
