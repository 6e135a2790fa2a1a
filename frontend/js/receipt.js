// The bid panel's proof lines: the receipt of the bidder's last accepted bid (when it arrived, how
// long before the end, its event and hash, a link to the receipt document) and, from the socket's
// pings, how far the device's clock is from the house's and how long a bid takes to reach it.
// Everything here follows the bid answers and pongs the live client already receives; the
// countdown itself runs on the house clock in lot.js (client.serverNow()).
import { pageLang } from './time.js';

/** Within this, the device clock is said to match the house's: no one can bid that precisely. */
const MATCH_MS = 500;
/** A round trip longer than this in a lot's last minute gets the bidder a warning. */
const SLOW_MS = 1000;
const LAST_MINUTE_MS = 60000;
/** In a lot's last minute the link is measured this often, so a warning is about now. */
const CLOSE_PING_MS = 5000;

/** "18:04:05.123": the time of day to the millisecond, in the reader's zone. */
export function clockTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const options = { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(pageLang(), options).format(d);
  } catch (e) {
    return new Intl.DateTimeFormat(undefined, options).format(d);
  }
}

function decimals(value, digits) {
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    return new Intl.NumberFormat(pageLang(), options).format(value);
  } catch (e) {
    return new Intl.NumberFormat(undefined, options).format(value);
  }
}

/** "2 min 04.877 s": a receipt's time before the end, to the millisecond. */
export function beforeEnd(t, ms) {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3600000);
  const minutes = Math.floor((total % 3600000) / 60000);
  const seconds = decimals((total % 60000) / 1000, 3);
  const padded = hours > 0 || minutes > 0 ? seconds.padStart(6, '0') : seconds;
  if (hours > 0) return t('receipt.hours', hours, String(minutes).padStart(2, '0'), padded);
  if (minutes > 0) return t('receipt.minutes', minutes, padded);
  return t('receipt.seconds', padded);
}

/** The receipt line: "Received 18:04:05.123 (your zone), 2 min 04.877 s before the end · event #41 · hash 3f9a…c2". */
export function receiptText(t, receipt) {
  const hash = String(receipt.hash || '');
  const short = hash.length > 8 ? `${hash.slice(0, 4)}…${hash.slice(-2)}` : hash;
  return t('receipt.line', clockTime(receipt.arrivedAt), beforeEnd(t, receipt.beforeEndMs), receipt.sequence, short);
}

/** A refusal's sentence with when the bid arrived, when the answer says so. */
export function refusedText(t, text, msg) {
  return msg.arrivedAt ? t('receipt.refused', text, clockTime(msg.arrivedAt)) : text;
}

/**
 * The clock line for an offset (house clock minus device clock, ms) and a round trip (ms):
 * "Your clock is 2.3 s behind the auction's; your bids reach us in about 80 ms". A bid takes
 * about half the round trip to reach the house.
 */
export function clockText(t, offset, rtt) {
  const oneWay = Math.max(1, Math.round(rtt / 2));
  const seconds = decimals(Math.abs(offset) / 1000, 1);
  if (Math.abs(offset) < MATCH_MS) return t('clock.matches', seconds, oneWay);
  return t(offset > 0 ? 'clock.behind' : 'clock.ahead', seconds, oneWay);
}

/** Whether to warn that bids may arrive too late: a long round trip in a running lot's last minute. */
export function slowNearEnd(lot, nowMs, rtt) {
  const left = Date.parse(lot.endsAt) - nowMs;
  return lot.status === 'open' && left > 0 && left <= LAST_MINUTE_MS && rtt > SLOW_MS;
}

/**
 * Shows the proof lines on the lot page and keeps them current.
 *
 * @param {HTMLElement} root the lot page
 * @param {object} page
 * @param {(key: string, ...args) => string} page.t the page's sentences
 * @param {import('./live.js').LiveClient} page.client the page's live client: its bid answers and
 *   clock samples ({rtt, offset} per pong, newest last) are read here
 * @param {number} page.lotId
 * @param {() => object} page.lot the lot as it is now
 */
export function wireProofLines(root, { t, client, lotId, lot }) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const page = client.onMessage;
  client.onMessage = (msg) => {
    page(msg);
    if (msg.type === 'bid-result' && msg.lot === lotId) showReceipt(msg.accepted ? msg.receipt : null);
  };

  // One receipt at a time: the next answer replaces it, and a refusal (which says when it arrived) hides it.
  function showReceipt(receipt) {
    const line = $('receipt');
    if (!line) return;
    line.hidden = !receipt;
    if (!receipt) return;
    $('receipt-text').textContent = receiptText(t, receipt);
    const link = $('receipt-link');
    link.href = `/api/lots/${receipt.lotId}/receipts/${receipt.sequence}`;
    link.dataset.sequence = String(receipt.sequence);
    link.dataset.hash = receipt.hash;
  }

  let lastPing = 0;
  function showClock() {
    const samples = client.samples;
    const measured = client.state === 'live' && samples.length > 0;
    const line = $('house-clock');
    const slow = $('slow-link');
    const running = ['open', 'paused', 'scheduled'].includes(lot().status);
    line.hidden = !measured || !running;
    if (!measured) {
      slow.hidden = true;
      return;
    }
    // The offset is the one the countdown uses (the best sample lately); the trip is the latest, as the link is now.
    const latest = samples[samples.length - 1];
    const text = clockText(t, client.offset, latest.rtt);
    if (line.textContent !== text) line.textContent = text;
    line.dataset.offsetMs = String(Math.round(client.offset));
    line.dataset.rttMs = String(latest.rtt);
    const warn = slowNearEnd(lot(), client.serverNow(), latest.rtt);
    if (warn) slow.textContent = t('clock.slow');
    slow.hidden = !warn;
    const left = Date.parse(lot().endsAt) - client.serverNow();
    if (lot().status === 'open' && left > 0 && left <= LAST_MINUTE_MS && Date.now() - lastPing >= CLOSE_PING_MS) {
      lastPing = Date.now();
      client.ping();
    }
  }

  showClock();
  setInterval(showClock, 1000);
}
