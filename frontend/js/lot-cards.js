// Lots shown as cards (catalogue, watchlist) or rows (My bids), kept live from the socket: status,
// price, bid count, countdown or real close time, and, where the page knows the viewer's alias on
// a lot (data-alias), where they stand on it. What a lot is and where a bidder stands is
// lot-state.js's, the same rules the lot page and the server (web/BidderStanding) use.
//
// Each lot is an element with data-lot-id, data-sequence and data-status; inside it, elements with
// data-role status, price, price-label, bids, buy-now, clock-label, countdown, closed-at, standing
// and void-reason are kept current when present.
import { LiveClient } from './live.js';
import { formatMoney } from './money.js';
import { Texts, readJson } from './text.js';
import { formatTime, localizeTimes } from './time.js';
import {
  LotState, isOver, newestOwnVoid, priceLabel, showSuspendedBanner, standingWord, statusWord,
} from './lot-state.js';

/**
 * Follows every lot on the page.
 *
 * @param {object} [options]
 * @param {(el: HTMLElement, standing: string, before: string) => void} [options.onStanding] called
 *   when the viewer's standing on a lot changes
 * @param {(msg: object) => void} [options.onMessage] every other message (hello, your-bid,
 *   watchlist…), for pages that add or remove lots as they go
 * @param {boolean} [options.connect] open the socket even when no lot on the page is running
 *   (a page that waits for lots to add)
 * @returns {{client: LiveClient, follow: (el: HTMLElement) => void, forget: (id: number) => void,
 *   has: (id: number) => boolean}} follow and forget add and remove a lot after the page loaded
 */
export function followLots({ onStanding, onMessage, connect = false } = {}) {
  const T = new Texts(readJson('page-texts'));
  const lots = new Map(); // lot id -> {el, state: LotState}
  const running = (el) => ['open', 'paused', 'scheduled'].includes(el.dataset.status);

  function register(el) {
    const alias = el.dataset.alias || null;
    // Only the viewer's standing is used here: a suspended bidder's lots read as anyone's, and the banner says the rest.
    const you = alias ? { alias, suspended: false, voided: el.hasAttribute('data-voided') ? { reason: el.dataset.voided } : null } : null;
    const id = Number(el.dataset.lotId);
    lots.set(id, { el, state: new LotState(null, you) });
    return id;
  }

  for (const el of document.querySelectorAll('[data-lot-id][data-sequence]')) register(el);

  const client = new LiveClient({
    onMessage: (msg) => {
      if (msg.type === 'snapshot') update(msg.lot.id, msg);
      else if (msg.type === 'event') update(msg.lotId, msg);
      else if (onMessage) onMessage(msg);
    },
    onState: (state) => {
      if (state === 'suspended') showSuspendedBanner();
    },
  });

  function update(id, msg) {
    const followed = lots.get(id);
    if (!followed) return;
    const { el, state } = followed;
    const before = state.lot ? state.standing() : el.querySelector('[data-role="standing"]')?.dataset.status;
    state.apply(msg);
    el.dataset.status = state.lot.status;
    el.dataset.sequence = state.lot.sequence;
    render(el, state.lot);
    if (state.you) {
      renderStanding(el, state, before);
      if (msg.kind === 'voided') checkVoid(id, followed);
    }
  }

  function render(el, lot) {
    const role = (name) => el.querySelector(`[data-role="${name}"]`);
    const status = role('status');
    if (status) {
      status.textContent = statusWord(T, lot);
      status.className = `chip chip-${lot.status}`;
    }
    const price = role('price');
    if (price && lot.price != null) {
      const text = formatMoney(lot.price, lot.currency);
      if (price.textContent !== text) {
        price.textContent = text;
        price.classList.remove('flash');
        void price.offsetWidth; // restart the animation
        price.classList.add('flash');
      }
      const label = role('price-label');
      if (label) label.textContent = priceLabel(T, lot);
    }
    const bids = role('bids');
    if (bids) bids.textContent = lot.bids === 0 ? T.t('bids.none') : lot.bids === 1 ? T.t('bids.one') : T.t('bids.many', lot.bids);
    const buyNow = role('buy-now');
    if (buyNow && !lot.buyNow) buyNow.hidden = true;
    renderClock(role, lot);
  }

  function renderClock(role, lot) {
    const countdown = role('countdown');
    if (!countdown) return;
    const label = role('clock-label');
    if (lot.live && lot.status === 'open') {
      // A live sale's lot has no clock: the auctioneer calls it.
      delete countdown.dataset.endsAt;
      countdown.removeAttribute('datetime');
      countdown.classList.remove('urgent');
      countdown.textContent = lot.upAt ? T.t('upNow') : T.t('calledLive');
      if (label) label.hidden = true;
      return;
    }
    if (lot.status === 'open' || lot.status === 'scheduled') {
      const target = lot.status === 'scheduled' ? lot.startsAt : lot.endsAt;
      countdown.dataset.endsAt = target;
      countdown.setAttribute('datetime', target);
      if (label) {
        label.hidden = false;
        label.textContent = lot.status === 'scheduled' ? T.t('startsIn') : T.t('endsIn');
      }
      return;
    }
    // Paused (the time left is given back on resume) or over: no ticking.
    delete countdown.dataset.endsAt;
    countdown.classList.remove('urgent');
    if (label) label.hidden = true;
    if (isOver(lot) && lot.closedAt) {
      // An ended lot shows when it really closed, not the end it was scheduled for.
      countdown.setAttribute('datetime', lot.closedAt);
      countdown.textContent = T.t(lot.status === 'cancelled' ? 'withdrawnAt' : 'closedAt', formatTime(lot.closedAt));
    } else {
      countdown.textContent = statusWord(T, lot);
    }
  }

  function renderStanding(el, state, before) {
    const now = state.standing();
    const chip = el.querySelector('[data-role="standing"]');
    if (chip) {
      chip.dataset.status = now;
      chip.textContent = standingWord(T, now);
      chip.className = `chip chip-you-${now}`;
      chip.hidden = now === 'not-bidding';
    }
    const reason = el.querySelector('[data-role="void-reason"]');
    if (reason) {
      reason.hidden = now !== 'voided';
      if (now === 'voided') reason.textContent = T.t('history.voidReason', state.you.voided.reason);
    }
    if (now !== before && onStanding) onStanding(el, now, before);
  }

  /** Whose bid the house voided is in the lot's history: the viewer's standing may now be "voided". */
  function checkVoid(id, followed) {
    fetch(`/lots/${id}/history`, { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((rows) => {
        if (!rows) return;
        const before = followed.state.standing();
        followed.state.you.voided = newestOwnVoid(rows, followed.state.you.alias);
        renderStanding(followed.el, followed.state, before);
      })
      .catch(() => {
        // The next event or a reload tells; the standing stays as the events left it.
      });
  }

  function tick() {
    for (const el of document.querySelectorAll('[data-role="countdown"][data-ends-at]')) {
      const left = Date.parse(el.dataset.endsAt) - client.serverNow();
      const text = left <= 0 ? T.t('closing') : T.remaining(left);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle('urgent', left > 0 && left <= 60000);
    }
  }

  let started = false;
  function start() {
    // Once: the client reconnects by itself, and a socket closed for good (banned) stays closed.
    if (started) return;
    started = true;
    client.start();
  }

  /** Follows a lot's element the page added after it loaded, from the sequence it was rendered at. */
  function follow(el) {
    const id = register(el);
    localizeTimes(el);
    if (running(el)) {
      client.watch(id, Number(el.dataset.sequence));
      start();
    }
  }

  /** Stops following a lot whose element the page took away. */
  function forget(id) {
    if (!lots.delete(id)) return;
    client.unwatch(id);
  }

  localizeTimes();
  setInterval(tick, 1000);
  const live = [...lots.entries()].filter(([, l]) => running(l.el));
  for (const [id, l] of live) client.watch(id, Number(l.el.dataset.sequence));
  if (live.length > 0 || connect) start();
  return { client, follow, forget, has: (id) => lots.has(id) };
}
