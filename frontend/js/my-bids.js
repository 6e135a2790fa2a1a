// My bids: the bidder's lots, live (lot-cards.js), each in the group of where the bidder stands on
// it; a lot whose standing changes moves to its new group, and the groups' counts follow.
import { followLots } from './lot-cards.js';

const group = (key) => document.querySelector(`[data-group-section="${key}"]`);

function move(row, standing, before) {
  const to = group(standing);
  if (!to) return;
  to.querySelector('ul').prepend(row);
  row.classList.remove(`is-${before}`);
  row.classList.add(`is-${standing}`);
  for (const section of document.querySelectorAll('[data-group-section]')) {
    const count = section.querySelectorAll('[data-lot-id]').length;
    section.querySelector('[data-role="group-count"]').textContent = String(count);
    section.hidden = count === 0;
  }
}

const { client } = followLots({ onStanding: move });

// For the browser tests and for people poking around in the console.
window.gavelCatalogue = { client };
