// What My bids and the watchlist share: lots that become the bidder's elsewhere (a bid from another
// tab, the phone or the API; a lot watched from its page) are added as the server renders them,
// without a reload, and the page's live region says so. The server tells this page's socket
// (your-bid, watchlist: docs/protocol.md); a socket that was away asks for the whole page again
// when it is back, so nothing that happened meanwhile is missed.
import { Texts, readJson } from './text.js';

const T = new Texts(readJson('page-texts'));

/** The lot's element as the server renders it for this page, or null when the page should not show it. */
export async function fetchLot(url) {
  const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!response.ok) return null;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  return doc.querySelector('[data-lot-id]');
}

/** This page as the server renders it now, or null. */
export async function fetchPage() {
  const response = await fetch(location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!response.ok) return null;
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** Says a sentence (a live.* text) in the page's live region. */
export function announce(key, ...args) {
  const region = document.querySelector('[data-role="announcer"]');
  if (region) region.textContent = T.t(key, ...args);
}

/** The lot's element on the page, if it shows the lot. */
export const shown = (id) => document.querySelector(`[data-page] [data-lot-id="${id}"]`);

/**
 * Calls `catchUp` on every hello but the first: the socket was away (or a new one took over), and
 * messages sent to the old one were lost.
 */
export function onReconnect(catchUp) {
  let seen = false;
  return () => {
    if (seen) catchUp();
    seen = true;
  };
}
