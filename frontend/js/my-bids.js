// My bids: the bidder's lots, live (lot-cards.js), each in the group of where the bidder stands on
// it; a lot whose standing changes moves to its new group, and the groups' counts follow. A lot the
// bidder bids on elsewhere (another tab, the phone, the API) is added to its group at once
// (my-lists.js).
import { followLots } from './lot-cards.js';
import { announce, fetchLot, fetchPage, onReconnect, shown } from './my-lists.js';

const group = (key) => document.querySelector(`[data-group-section="${key}"]`);

function recount() {
  let total = 0;
  for (const section of document.querySelectorAll('[data-group-section]')) {
    const count = section.querySelectorAll('[data-lot-id]').length;
    section.querySelector('[data-role="group-count"]').textContent = String(count);
    section.hidden = count === 0;
    total += count;
  }
  const empty = document.querySelector('[data-role="empty"]');
  if (empty) empty.hidden = total > 0;
}

function move(row, standing, before) {
  const to = group(standing);
  if (!to) return;
  to.querySelector('ul').prepend(row);
  row.classList.remove(`is-${before}`);
  row.classList.add(`is-${standing}`);
  recount();
}

const adding = new Set(); // lots whose row is being fetched

/** Adds a lot's row (as the server rendered it) to the group it names, and follows it. */
function place(row) {
  const standing = row.querySelector('[data-role="standing"]')?.dataset.status;
  const to = standing && group(standing);
  if (!to || shown(Number(row.dataset.lotId))) return;
  to.querySelector('ul').prepend(row);
  follow(row);
  recount();
  announce('lotAdded', row.querySelector('.position-title')?.textContent ?? '');
}

async function add(id) {
  if (shown(id) || adding.has(id)) return;
  adding.add(id);
  try {
    const row = await fetchLot(`/my/bids/lots/${id}`);
    if (row) place(row);
  } catch (e) {
    // The page shows the lot on its next reload, or when its socket next comes back.
  } finally {
    adding.delete(id);
  }
}

/** Adds the lots bid on while the socket was away. */
async function catchUp() {
  try {
    const page = await fetchPage();
    if (!page) return;
    for (const row of [...page.querySelectorAll('[data-group] [data-lot-id]')].reverse()) {
      if (!shown(Number(row.dataset.lotId))) place(row);
    }
  } catch (e) {
    // As above: the next reconnect or reload catches up.
  }
}

const reconnected = onReconnect(catchUp);

const { client, follow } = followLots({
  onStanding: move,
  connect: true,
  onMessage: (msg) => {
    if (msg.type === 'your-bid') add(msg.lot);
    else if (msg.type === 'hello') reconnected();
  },
});

// For the browser tests and for people poking around in the console.
window.gavelCatalogue = { client };
