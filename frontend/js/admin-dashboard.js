// The live operations dashboard (templates/admin/dashboard.html). It opens the same gavel.v1
// socket as the bidder pages (live.js keeps it up, with backoff), asks for the admin-only `ops`
// feed after every hello, and draws each `ops` message it gets (about every 2 s): the numbers,
// the bids-per-minute chart (uPlot, served from the jar as a WebJar) and three small tables.

import { LiveClient } from './live.js';

const root = document.querySelector('[data-page="admin-dashboard"]');
const $ = (role) => root.querySelector(`[data-role="${role}"]`);
const STALE_AFTER_MS = 7000;

const texts = {};
root.querySelectorAll('[data-role="texts"] [data-key]').forEach((el) => {
  texts[el.dataset.key] = el.textContent;
});

/** The page's text for `key`, with {0}, {1}… filled in. */
function t(key, ...args) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
}

const number = new Intl.NumberFormat('en-US');
const millis = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });
const minuteLabel = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const endTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

let state = 'connecting';
let lastOps = null;
let lastOpsAt = 0;
let count = 0;
let chart = null;
let uPlot = null;

function setState(next) {
  if (next === state && $('ops-state').textContent) return;
  state = next;
  const el = $('ops-state');
  el.dataset.state = next;
  el.textContent = t(`state.${next}`);
}

// ---- the socket ------------------------------------------------------------------------------

const client = new LiveClient({
  fallback: false, // the operations feed comes over the socket only
  onState: (s) => {
    if (s === 'live') return; // the hello handler below says what comes next
    if (state === 'forbidden' || state === 'unavailable') return;
    setState(s === 'connecting' ? 'connecting' : s);
  },
  onMessage: (msg) => {
    switch (msg.type) {
      case 'hello':
        if (state !== 'forbidden' && state !== 'unavailable') setState(lastOps ? 'live' : 'waiting');
        client.send({ type: 'subscribe-ops' });
        return;
      case 'ops':
        if (state === 'unavailable') return;
        render(msg);
        return;
      case 'error':
        if (msg.code === 'forbidden') {
          setState('forbidden');
        } else if (msg.code === 'bad-message' && /ops/.test(msg.message || '')) {
          // A server from before the ops feed: it does not know the message.
          setState('unavailable');
        }
        return;
      default:
    }
  },
});
client.start();

setInterval(() => {
  if (lastOps && state === 'live' && Date.now() - lastOpsAt > STALE_AFTER_MS) setState('stale');
  tickCountdowns();
}, 1000);

// ---- drawing ---------------------------------------------------------------------------------

function render(ops) {
  lastOps = ops;
  lastOpsAt = Date.now();
  count += 1;
  root.dataset.opsCount = String(count);
  setState('live');
  $('ops-updated').textContent = t('updated', ops.at ? `${clockTime.format(new Date(ops.at))} UTC` : '');

  $('kpi-connections').textContent = number.format(ops.connections ?? 0);
  $('kpi-subscriptions').textContent = number.format(ops.subscriptions ?? 0);
  $('kpi-p50').textContent = t('ms', millis.format(ops.fanoutP50Ms ?? 0));
  $('kpi-p99').textContent = t('ms', millis.format(ops.fanoutP99Ms ?? 0));
  const rejected = Object.entries(ops.rejected || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  $('kpi-rejected').textContent = number.format(rejected.reduce((sum, [, n]) => sum + n, 0));
  $('kpi-extensions').textContent = number.format(ops.extensions ?? 0);
  $('kpi-snapshots').textContent = number.format(ops.snapshots ?? 0);

  rows('watchers', (ops.watchers || []).map((w) => [
    lotLink(w.lot, w.title), cell(number.format(w.watchers), 'num', { role: 'watcher-count', lot: w.lot }),
  ]), (ops.watchers || []).map((w) => w.lot));
  rows('closing', (ops.closingNext || []).map((c) => [
    lotLink(c.lot, c.title), cell(c.endsAt ? `${endTime.format(new Date(c.endsAt))} UTC` : '', 'time'),
    cell('', 'num countdown', { ends: c.endsAt }),
  ]), (ops.closingNext || []).map((c) => c.lot));
  rows('rejected', rejected.map(([reason, n]) => [cell(reason), cell(number.format(n), 'num')]));
  tickCountdowns();
  drawChart(ops.bidsPerMinute || []);
}

function cell(text, className, data) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  if (data) {
    for (const [k, v] of Object.entries(data)) if (v != null) td.dataset[k] = v;
  }
  return td;
}

function lotLink(id, title) {
  const td = document.createElement('td');
  const a = document.createElement('a');
  a.href = `${root.dataset.adminLot}${id}`;
  a.textContent = title ? `#${id} ${title}` : `#${id}`;
  td.append(a);
  return td;
}

function rows(role, cells, lotIds) {
  const body = $(role);
  body.replaceChildren(...cells.map((tds, i) => {
    const tr = document.createElement('tr');
    if (lotIds) tr.dataset.lotId = lotIds[i];
    tr.append(...tds);
    return tr;
  }));
  $(`${role}-empty`).hidden = cells.length > 0;
}

function tickCountdowns() {
  const now = client.serverNow();
  root.querySelectorAll('[data-role="closing"] td.countdown').forEach((td) => {
    const left = Math.max(0, Date.parse(td.dataset.ends) - now);
    td.textContent = duration(left);
  });
}

function duration(ms) {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return t('time.d', d, h);
  if (h > 0) return t('time.h', h, String(m).padStart(2, '0'));
  if (m > 0) return t('time.m', m, String(sec).padStart(2, '0'));
  return t('time.s', sec);
}

// ---- the chart -------------------------------------------------------------------------------

const chartLoaded = import(root.dataset.chartModule)
  .then((module) => { uPlot = module.default; })
  .catch(() => { uPlot = null; }); // the summary line below the chart still says it in words

async function drawChart(minutes) {
  const xs = minutes.map((m) => Date.parse(m.minute) / 1000);
  const ys = minutes.map((m) => m.bids);
  const bars = ys.map((n) => (n > 0 ? n : null)); // no bar at all for a quiet minute
  const total = ys.reduce((a, b) => a + b, 0);
  const summary = $('bpm-summary');
  summary.textContent = t('bpm.summary', number.format(total), number.format(ys.length ? ys[ys.length - 1] : 0));
  summary.dataset.total = String(total);
  await chartLoaded;
  if (!uPlot) return;
  const box = $('bpm-chart');
  if (!chart) {
    chart = new uPlot(chartOptions(box.clientWidth || 600), [xs, bars], box);
    root.dataset.chart = 'ready';
    new ResizeObserver(() => chart.setSize({ width: box.clientWidth || 600, height: 220 })).observe(box);
  } else {
    chart.setData([xs, bars]);
  }
}

function chartOptions(width) {
  return {
    width,
    height: 220,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { y: false, points: { show: false } },
    scales: {
      x: { time: true, range: (u, min, max) => [min - 40, max + 40] },
      y: { range: (u, min, max) => [0, Math.max(4, Math.ceil((max || 0) * 1.2))] },
    },
    axes: [
      {
        stroke: '#5f5a54', grid: { stroke: '#eee9e1' }, ticks: { stroke: '#e2dbd1' },
        values: (u, ticks) => ticks.map((ts) => minuteLabel.format(new Date(ts * 1000))),
      },
      {
        stroke: '#5f5a54', grid: { stroke: '#eee9e1' }, ticks: { stroke: '#e2dbd1' },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000], values: (u, vals) => vals.map((v) => number.format(v)),
      },
    ],
    series: [
      {},
      {
        label: t('bids'),
        stroke: '#8a2d1f',
        fill: 'rgba(138, 45, 31, 0.75)',
        width: 1,
        points: { show: false },
        paths: uPlot.paths.bars({ size: [0.7, 24], align: 0 }),
      },
    ],
  };
}
