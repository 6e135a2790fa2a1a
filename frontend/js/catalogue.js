// Lot cards (catalogue, watchlist, my bids): countdowns on the server's clock, and prices, bid
// counts and statuses kept live from the socket, in lot-state.js's words.
import { LiveClient } from './live.js';
import { formatMoney } from './money.js';
import { Texts, readJson, localTime } from './text.js';
import { isOver, isRunning, showSuspendedBanner, statusWord } from './lot-state.js';

const T = new Texts(readJson('page-texts'));
const cards = new Map();
for (const card of document.querySelectorAll('li.lot-card[data-lot-id]')) {
  cards.set(Number(card.dataset.lotId), card);
}

const client = new LiveClient({
  onMessage: handle,
  onState: (state) => {
    if (state === 'suspended') showSuspendedBanner();
  },
});

function handle(msg) {
  if (msg.type === 'snapshot') update(msg.lot);
  else if (msg.type === 'event') update(msg.lot);
}

function update(lot) {
  const card = cards.get(lot.id);
  if (!card) return;
  card.dataset.status = lot.status;
  card.dataset.sequence = lot.sequence;
  const role = (name) => card.querySelector(`[data-role="${name}"]`);
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
      void price.offsetWidth;
      price.classList.add('flash');
    }
    const label = role('price-label');
    if (label) {
      if (!isOver(lot)) label.textContent = T.t('currentBid');
      else label.textContent = lot.outcome === 'sold' ? T.t('soldFor') : T.t('highestBid');
    }
  }
  const bids = role('bids');
  if (bids) bids.textContent = lot.bids === 0 ? T.t('bids.none') : lot.bids === 1 ? T.t('bids.one') : T.t('bids.many', lot.bids);
  const buyNow = role('buy-now');
  if (buyNow && !lot.buyNow) buyNow.hidden = true;
  const countdown = role('countdown');
  if (!countdown) return;
  if (isRunning(lot)) {
    const target = lot.status === 'scheduled' ? lot.startsAt : lot.endsAt;
    countdown.dataset.endsAt = target;
    countdown.setAttribute('datetime', target);
  } else {
    // An ended card shows when it really closed, not the end it was scheduled for.
    const label = role('clock-label');
    if (label) label.hidden = true;
    delete countdown.dataset.endsAt;
    countdown.classList.remove('urgent');
    if (lot.closedAt) countdown.setAttribute('datetime', lot.closedAt);
    countdown.textContent = lot.closedAt
      ? T.t(lot.status === 'cancelled' ? 'withdrawnAt' : 'closedAt', localTime(lot.closedAt)) : statusWord(T, lot);
  }
}

function tick() {
  for (const el of document.querySelectorAll('[data-role="countdown"][data-ends-at]')) {
    const left = Date.parse(el.dataset.endsAt) - client.serverNow();
    const text = left <= 0 ? T.t('closing') : T.remaining(left);
    if (el.textContent !== text) el.textContent = text;
    el.classList.toggle('urgent', left > 0 && left <= 60000);
  }
}

setInterval(tick, 1000);
const live = [...cards.entries()].filter(([, c]) => ['open', 'paused', 'scheduled'].includes(c.dataset.status));
if (live.length > 0) {
  for (const [lotId, card] of live) client.watch(lotId, Number(card.dataset.sequence));
  client.start();
}

// For the browser tests and for people poking around in the console.
window.gavelCatalogue = { client };
