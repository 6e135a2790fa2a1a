// The watchlist: the lots the bidder follows, as live cards (lot-cards.js). A lot watched or
// unwatched elsewhere (another tab, the lot page) is added or taken away at once (my-lists.js).
import { followLots } from './lot-cards.js';
import { announce, fetchLot, fetchPage, onReconnect, shown } from './my-lists.js';

const list = document.querySelector('[data-role="cards"]');
const wanted = new Map(); // lot id -> whether the last word on it was "watching"

function refresh() {
  const count = list.querySelectorAll('[data-lot-id]').length;
  list.hidden = count === 0;
  const empty = document.querySelector('[data-role="empty"]');
  if (empty) empty.hidden = count > 0;
}

const titleOf = (card) => card.querySelector('.lot-card-title')?.textContent ?? '';

function place(card) {
  if (shown(Number(card.dataset.lotId))) return;
  list.prepend(card);
  follow(card);
  refresh();
  announce('lotAdded', titleOf(card));
}

function take(id) {
  const card = shown(id);
  if (!card) return;
  card.remove();
  forget(id);
  refresh();
  announce('lotRemoved', titleOf(card));
}

async function add(id) {
  if (shown(id)) return;
  try {
    const card = await fetchLot(`/my/watchlist/lots/${id}`);
    // Taken off again while it was fetched: the newer word wins.
    if (card && wanted.get(id)) place(card);
  } catch (e) {
    // The page shows the lot on its next reload, or when its socket next comes back.
  }
}

/** Adds and takes away what changed while the socket was away. */
async function catchUp() {
  try {
    const page = await fetchPage();
    if (!page) return;
    const now = [...page.querySelectorAll('[data-role="cards"] [data-lot-id]')];
    const ids = new Set(now.map((card) => Number(card.dataset.lotId)));
    for (const card of [...list.querySelectorAll('[data-lot-id]')]) {
      const id = Number(card.dataset.lotId);
      if (!ids.has(id)) take(id);
    }
    for (const card of now.reverse()) place(card);
  } catch (e) {
    // As above: the next reconnect or reload catches up.
  }
}

const reconnected = onReconnect(catchUp);

const { client, follow, forget } = followLots({
  connect: true,
  onMessage: (msg) => {
    if (msg.type === 'watchlist') {
      wanted.set(msg.lot, msg.watching);
      if (msg.watching) add(msg.lot);
      else take(msg.lot);
    } else if (msg.type === 'hello') {
      reconnected();
    }
  },
});

// For the browser tests and for people poking around in the console.
window.gavelCatalogue = { client };
