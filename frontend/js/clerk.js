// The clerk's console of a live sale (templates/admin/clerk.html): bring a lot up, enter floor bids
// by paddle number, call fair warning, hammer or pass, through the clerk's API
// (/api/admin/sales/{id}/live/...). The server decides everything and says why when it refuses;
// this page shows its state (GET /api/admin/sales/{id}/live), asked again whenever a lot of the
// sale changes on the socket, and counts the fair warning down on the server's clock.
import { LiveClient, requestId } from './live.js';
import { example, formatMoney, parseAmount } from './money.js';
import { Texts, readJson } from './text.js';
import { pageLang } from './time.js';

const root = document.getElementById('clerk');
const boot = readJson('clerk-state');
const T = new Texts(boot.texts);
const t = (key, ...args) => T.t(key, ...args);
const money = (amount) => (amount == null ? '–' : formatMoney(amount, boot.currency));
const $ = (role) => root.querySelector(`[data-role="${role}"]`);
const base = `/api/admin/sales/${boot.saleId}/live`;

let state = null; // the clerk's view of the sale, as the server last sent it
let shownLot = null; // the id of the lot the panel shows, to know when another comes up
let amountEdited = false; // the clerk typed an amount: it no longer follows the ask
let unanswered = null; // a floor bid that got no answer: {paddle, amount, requestId}, sent again as the same bid
let refreshing = null;
let refreshAgain = false;

const client = new LiveClient({ serverNow: boot.serverNow, onState: showConnection, onMessage: handle });

// ---- the server ----------------------------------------------------------------------------

/** Calls the clerk's API: {status, json} (json null when the answer was not JSON), or null without an answer. */
async function call(path, body) {
  const post = body !== undefined;
  const headers = { Accept: 'application/json, application/problem+json' };
  if (post) {
    headers['Content-Type'] = 'application/json';
    if (root.dataset.csrfHeader) headers[root.dataset.csrfHeader] = root.dataset.csrfToken;
  }
  let response;
  try {
    response = await fetch(base + path, {
      method: post ? 'POST' : 'GET', headers, credentials: 'same-origin', body: post ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    return null;
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    // not Gavel's JSON: a proxy's error page
  }
  return { status: response.status, json };
}

/** Asks for the sale's state; one request at a time, one more if asked meanwhile. */
function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      const answer = await call('');
      if (answer && answer.status === 200 && answer.json) apply(answer.json);
    } while (refreshAgain);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function apply(json) {
  // The room's fields with the clerk's beside them, whether the server nests the room or not.
  state = json.room ? { ...json.room, clerk: json.clerk } : json;
  const current = state.current;
  if ((current ? current.id : null) !== shownLot) {
    shownLot = current ? current.id : null;
    amountEdited = false;
    unanswered = null;
  }
  follow();
  render();
}

/** Follows the sale's lots (as many as a socket may), so any change to one shows at once. */
function follow() {
  const ids = (state.lots || []).map((l) => l.id);
  if (state.current && !ids.includes(state.current.id)) ids.unshift(state.current.id);
  client.watchAll(ids.map((id) => [id, null]));
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

const defaultTitle = $('up-title').textContent;

function render() {
  const current = state && state.current;
  setText('up-title', current ? t('clerk.upTitle', current.lotNumber, current.title) : defaultTitle);
  show($('none-up'), !current);
  show($('up-panel'), !!current);
  show($('up-tables'), !!current);
  if (current) renderCurrent(current, state.clerk || {});
  renderLots();
  tick();
}

function renderCurrent(lot, clerk) {
  setText('price', money(lot.price));
  setText('ask', money(lot.ask));
  setText('leader', clerk.leader ? who(clerk.leader) : (lot.leader ? T.alias(lot.leader) : '–'));
  setText('leader-maximum', clerk.leaderMaximum ? money(clerk.leaderMaximum) : '–');
  const amount = $('floor-amount');
  if (!amountEdited && document.activeElement !== amount) amount.value = lot.ask || '';
  amount.placeholder = lot.ask || '';

  rows('absentee', (clerk.absentee || []).map((a) => [cell(who(a.bidder)), cell(money(a.maximum), 'num'), cell(timeOfDay(a.placedAt), 'time')]));
  rows('recent', (clerk.recent || []).map((r) => {
    const bidder = cell(who(r.bidder));
    if (r.floor) bidder.append(' ', tag(t('clerk.floor'), 'tag-floor'));
    if (r.accepted === false) bidder.append(' ', tag(t('clerk.refusedTag'), 'tag-rejected'));
    // A maximum alone bids nothing yet: its row shows the maximum.
    const amount = r.amount != null ? money(r.amount) : t('clerk.maximumOnly', money(r.maximum));
    const row = [bidder, cell(amount, 'num'), cell(timeOfDay(r.at), 'time')];
    row.refused = r.accepted === false;
    return row;
  }));
}

/** A bidder as the clerk knows them: a user name, or a floor bidder's paddle ("Paddle 12") in the page's language. */
function who(name) {
  const paddle = /^Paddle (\d+)$/.exec(name || '');
  return paddle ? t('clerk.paddle', paddle[1]) : name;
}

function rows(role, cells) {
  const body = $(role);
  body.replaceChildren(...cells.map((row) => {
    const tr = document.createElement('tr');
    if (row.refused) tr.className = 'rejected';
    tr.append(...row);
    return tr;
  }));
  show($(`${role}-empty`), cells.length === 0);
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (className) td.className = className;
  return td;
}

function tag(text, className) {
  const span = document.createElement('span');
  span.className = `tag ${className}`;
  span.textContent = text;
  return span;
}

/** "14:03:07": the time of day to the second, in the reader's zone. */
function timeOfDay(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const options = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(pageLang(), options).format(d);
  } catch (e) {
    return new Intl.DateTimeFormat(undefined, options).format(d);
  }
}

/** The lots table: each lot's status and price, the lot up marked, "Bring up" for the lots still to sell. */
function renderLots() {
  const byId = new Map((state ? state.lots || [] : []).map((l) => [l.id, l]));
  const upId = state && state.current ? state.current.id : null;
  for (const tr of root.querySelectorAll('[data-role="lot-table"] tbody tr[data-lot-id]')) {
    const id = Number(tr.dataset.lotId);
    const lot = byId.get(id);
    if (!lot) continue;
    const up = id === upId;
    tr.classList.toggle('is-up', up);
    if (up) tr.setAttribute('aria-current', 'true');
    else tr.removeAttribute('aria-current');
    const status = tr.querySelector('[data-role="lot-status"]');
    status.dataset.status = up ? 'up' : lot.status;
    status.className = `chip chip-${up ? 'up' : lot.status}`;
    status.textContent = statusText(lot, up);
    const price = tr.querySelector('[data-role="lot-price"]');
    const amount = lot.price != null ? money(lot.price) : '–';
    if (price.textContent !== amount) price.textContent = amount;
    const button = tr.querySelector('[data-role="bring-up"]');
    button.disabled = up || lot.status === 'closed' || lot.status === 'cancelled';
  }
}

function statusText(lot, up) {
  if (up) return t('clerk.status.up');
  if (lot.status === 'closed') return t(lot.outcome === 'sold' ? 'clerk.outcome.sold' : 'clerk.outcome.unsold');
  return T.t(`status.${lot.status}`);
}

/** Milliseconds of fair warning left on the lot up, on the server's clock; null when none was called. */
function warningLeft() {
  const lot = state && state.current;
  if (!lot || !lot.fairWarningEndsAt) return null;
  return Date.parse(lot.fairWarningEndsAt) - client.serverNow();
}

function tick() {
  const el = $('fair-warning');
  const left = warningLeft();
  show(el, left != null);
  if (left == null) return;
  el.dataset.state = left > 0 ? 'running' : 'over';
  $('fair-warning-text').dataset.endsAt = state.current.fairWarningEndsAt;
  setText('fair-warning-text', left > 0 ? t('clerk.fairWarning.running', T.remaining(left)) : t('clerk.fairWarning.over'));
}

function showConnection(connection) {
  const el = $('connection');
  el.dataset.state = connection;
  el.textContent = t(`conn.${connection}`);
}

/** Says what the last action did, or why the server refused it. */
function say(text, refused) {
  const el = $('message');
  el.textContent = text;
  el.dataset.kind = refused ? 'refused' : 'done';
  el.hidden = text === '';
}

// ---- the socket ----------------------------------------------------------------------------

function handle(msg) {
  switch (msg.type) {
    case 'hello':
      refresh();
      return;
    case 'snapshot':
    case 'event':
      changed(msg);
      return;
    default:
  }
}

/** A lot of the sale changed: show its new state at once, and ask for the clerk's view when it matters. */
function changed(msg) {
  if (!state) return;
  const lot = msg.lot;
  const entry = (state.lots || []).find((l) => l.id === lot.id);
  if (entry) {
    entry.status = lot.status;
    entry.outcome = lot.outcome;
    entry.price = lot.price;
  }
  const isCurrent = state.current && state.current.id === lot.id;
  if (isCurrent && lot.sequence >= state.current.sequence) state.current = lot;
  render();
  if (isCurrent || msg.kind === 'up' || msg.kind === 'closed') refresh();
}

// ---- the clerk's actions -------------------------------------------------------------------

let busy = false;

/** Sends an action; the answer is the sale's new state, or a refusal in words. */
async function act(path, body, done, lotNumber) {
  if (busy) return;
  busy = true;
  setBusy(true);
  const before = state;
  const answer = await call(path, body);
  busy = false;
  setBusy(false);
  if (!answer) {
    say(t('clerk.noAnswer'), true);
    return;
  }
  if (answer.status === 200 && answer.json) {
    apply(answer.json);
    say(done(before, state), false);
    return;
  }
  // The refusal speaks of the sale as it is now (the lot up, the warning's time left): look first.
  await refresh();
  say(refusal(answer, lotNumber), true);
}

function setBusy(on) {
  for (const role of ['fair-warning-button', 'hammer-button', 'pass-button', 'floor-submit']) $(role).disabled = on;
  root.setAttribute('aria-busy', on ? 'true' : 'false');
}

/** The server's refusal (problem+json with a reason) in the clerk's words; lotNumber: the lot asked for. */
function refusal(answer, lotNumber) {
  const problem = answer.json || {};
  const current = state && state.current;
  switch (problem.reason) {
    case 'lot-up':
      return current ? t('clerk.refused.lot-up', current.lotNumber) : t('clerk.refused.other', problem.detail || problem.reason);
    case 'fair-warning-running': {
      const left = warningLeft();
      return left != null && left > 0 ? t('clerk.refused.fair-warning-running', T.remaining(left))
        : t('clerk.refused.other', problem.detail || problem.reason);
    }
    case 'lot-done':
      return t('clerk.refused.lot-done', lotNumber);
    case 'no-lot-up': case 'no-bids': case 'no-fair-warning': case 'sale-not-open': case 'hammer-pending':
      return t(`clerk.refused.${problem.reason}`);
    default:
      return t('clerk.refused.other', problem.detail || problem.reason || answer.status);
  }
}

function numberOf(view, lotId) {
  const lot = (view.lots || []).find((l) => l.id === lotId);
  return lot ? lot.lotNumber : '';
}

function bringUp(number) {
  act('/up', { lotNumber: number }, () => t('clerk.done.up', number), number);
}

function fairWarning() {
  const lot = state && state.current;
  act('/fair-warning', {}, () => t('clerk.done.fairWarning', lot ? lot.lotNumber : ''));
}

function hammer() {
  const lot = state && state.current;
  act('/hammer', {}, (before, after) => {
    if (!lot) return '';
    const closed = (after.lots || []).find((l) => l.id === lot.id);
    return closed && closed.outcome === 'sold' ? t('clerk.done.sold', lot.lotNumber, money(closed.price))
      : t('clerk.done.unsold', numberOf(after, lot.id));
  });
}

function pass() {
  const lot = state && state.current;
  act('/pass', {}, () => t('clerk.done.passed', lot ? lot.lotNumber : ''));
}

async function floorBid(e) {
  e.preventDefault();
  if (busy) return;
  const paddleField = $('floor-paddle');
  const amountField = $('floor-amount');
  const paddle = paddleField.value.trim();
  if (!/^[0-9]{1,9}$/.test(paddle)) {
    say(t('clerk.floor.paddleMissing'), true);
    paddleField.focus();
    return;
  }
  const typed = amountField.value.trim();
  const amount = typed === '' ? null : parseAmount(typed, boot.scale);
  if (typed !== '' && amount == null) {
    say(t('invalid.format', example(boot.scale)), true);
    amountField.focus();
    return;
  }
  // The same bid sent again after no answer keeps its request id: the server places it once.
  const same = unanswered && unanswered.paddle === paddle && unanswered.amount === amount;
  const rid = same ? unanswered.requestId : requestId();
  unanswered = { paddle, amount, requestId: rid };
  const body = { paddle: Number(paddle), requestId: rid };
  if (amount != null) body.amount = amount;
  busy = true;
  setBusy(true);
  say(t('clerk.floor.sending', paddle), false);
  const answer = await call('/floor-bids', body);
  busy = false;
  setBusy(false);
  if (!answer) {
    say(t('clerk.noAnswer'), true);
    return;
  }
  unanswered = null;
  const result = answer.json || {};
  if (answer.status === 200 && result.accepted) {
    const offered = amount || (state && state.current ? state.current.ask : null);
    say(result.leading ? t('clerk.floor.leading', paddle, money(result.price))
      : t('clerk.floor.beaten', paddle, money(offered), money(result.price)), false);
    paddleField.value = '';
    amountEdited = false;
  } else {
    say(t('clerk.floor.refused', paddle, floorReason(result)), true);
  }
  paddleField.focus();
  refresh();
}

function floorReason(result) {
  // A reason code ("below-minimum"), or the engine's name for it ("BELOW_MINIMUM").
  const reason = result.reason ? String(result.reason).toLowerCase().replace(/_/g, '-') : null;
  switch (reason) {
    case 'below-minimum': {
      const ask = result.lot ? result.lot.ask : state && state.current && state.current.ask;
      return ask ? t('clerk.reason.below-minimum', money(ask)) : t('clerk.reason.unknown', reason);
    }
    case 'lot-not-open': case 'lot-closed': case 'lot-paused': case 'invalid-amount':
      return t(`clerk.reason.${reason}`);
    default:
      return result.detail || result.message || t('clerk.reason.unknown', reason || '?');
  }
}

// ---- start ---------------------------------------------------------------------------------

$('floor-form').addEventListener('submit', floorBid);
$('floor-amount').addEventListener('input', () => {
  amountEdited = true;
});
$('fair-warning-button').addEventListener('click', fairWarning);
$('hammer-button').addEventListener('click', hammer);
$('pass-button').addEventListener('click', pass);
for (const button of root.querySelectorAll('[data-role="bring-up"]')) {
  button.addEventListener('click', () => bringUp(Number(button.dataset.lotNumber)));
}
setInterval(tick, 200);
refresh().then(() => {
  if (state && state.current) $('floor-paddle').focus();
});
client.start();

// For the browser tests and for people poking around in the console.
window.gavelClerk = {
  get state() {
    return { view: state, connection: client.state, busy };
  },
  client,
};
