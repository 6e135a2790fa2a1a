// The lot page's bid history table: rows from bid events as they come, the whole history fetched
// again after a void or a resync, newest first. The rows look exactly like the server renders them
// (templates/lots/lot.html), so a reload shows what the live page showed.
import { aliasText } from './text.js';
import { formatTime } from './time.js';
import { historyRowOf } from './lot-state.js';

const REFETCH_DELAY_MS = 150;

export class History {
  /**
   * @param {object} options
   * @param {HTMLElement} options.body the table's tbody
   * @param {HTMLElement} options.empty the "no bids yet" line
   * @param {(key: string, ...args) => string} options.t the page's sentences
   * @param {(amount: string) => string} options.money
   * @param {(alias: string) => boolean} options.isYou
   * @param {string} options.url where the history is fetched from
   */
  constructor({ body, empty, t, money, isYou, url }) {
    Object.assign(this, { body, empty, t, money, isYou, url });
    this.timer = null;
    this.waiting = [];
  }

  /** Adds a row (from an event) in its place, unless it is there already. */
  add(row) {
    if (this.body.querySelector(`tr[data-key="${row.key}"]`)) return;
    const tr = this.row(row);
    const after = [...this.body.rows].find((r) => comesAfter(row, r));
    this.body.insertBefore(tr, after || null);
    this.empty.hidden = true;
    tr.classList.add('fresh');
  }

  /**
   * Fetches the whole history again (shortly, so a burst of changes costs one fetch) and shows it,
   * keeping rows that arrived as events meanwhile. Resolves with the fetched rows, or null.
   */
  refetch() {
    clearTimeout(this.timer);
    const answer = new Promise((resolve) => this.waiting.push(resolve));
    this.timer = setTimeout(() => this.load(), REFETCH_DELAY_MS);
    return answer;
  }

  async load() {
    const waiting = this.waiting;
    this.waiting = [];
    let rows = null;
    try {
      const response = await fetch(this.url, { headers: { Accept: 'application/json' } });
      if (response.ok) rows = (await response.json()).map(historyRowOf);
    } catch (e) {
      // The next event or reconnect fetches again.
    }
    if (rows) {
      const newest = rows.reduce((m, r) => Math.max(m, r.sequence), 0);
      const later = [...this.body.rows].filter((r) => Number(r.dataset.seq) > newest);
      this.body.replaceChildren(...later, ...rows.map((r) => this.row(r)));
      this.empty.hidden = this.body.rows.length > 0;
    }
    for (const resolve of waiting) resolve(rows);
  }

  /** Marks the viewer's own rows once their alias is known (their first bid's event can come before it). */
  markMine() {
    for (const tr of this.body.rows) {
      if (!this.isYou(tr.dataset.bidder) || tr.classList.contains('mine')) continue;
      tr.classList.add('mine');
      tr.cells[0].firstElementChild.after(' ', this.tag(this.t('history.you'), 'tag-you'));
    }
  }

  row(row) {
    const tr = document.createElement('tr');
    tr.dataset.key = row.key;
    tr.dataset.seq = row.sequence;
    tr.dataset.bidder = row.bidder;
    tr.dataset.kind = row.kind;
    if (row.voided) tr.classList.add('voided');
    if (this.isYou(row.bidder)) tr.classList.add('mine');
    const who = document.createElement('td');
    const name = document.createElement('span');
    name.textContent = aliasText(this.t, row.bidder);
    who.append(name);
    if (this.isYou(row.bidder)) who.append(' ', this.tag(this.t('history.you'), 'tag-you'));
    if (row.kind && row.kind !== 'bid') who.append(' ', this.tag(this.t(`history.kind.${row.kind}`), `tag-${row.kind}`));
    if (row.voided) {
      who.append(' ', this.tag(this.t('history.voided'), 'tag-voided'));
      const reason = document.createElement('span');
      reason.className = 'void-reason';
      reason.dataset.role = 'void-reason';
      reason.textContent = this.t('history.voidReason', row.voidReason || '');
      who.append(reason);
    }
    const amount = document.createElement('td');
    amount.className = 'num';
    amount.textContent = this.money(row.amount);
    const when = document.createElement('td');
    when.className = 'time';
    const time = document.createElement('time');
    time.setAttribute('datetime', row.at);
    time.textContent = formatTime(row.at);
    when.append(time);
    tr.append(who, amount, when);
    return tr;
  }

  tag(text, cls) {
    const s = document.createElement('span');
    s.className = `tag ${cls}`;
    s.textContent = text;
    return s;
  }
}

/** Newest first; of one event's two rows, the automatic answer above the bid it answered. */
function comesAfter(row, tr) {
  const seq = Number(tr.dataset.seq);
  if (seq !== row.sequence) return seq < row.sequence;
  return row.kind === 'automatic' && tr.dataset.kind !== 'automatic';
}
