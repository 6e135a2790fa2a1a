// The browser side of the gavel.v1 WebSocket protocol (docs/protocol.md): one socket, reconnect
// with jittered backoff, resubscribe with the last sequence seen, apply events in sequence order,
// keep an offset to the server's clock, and resend unanswered bids with their first request id.
// The state it reports is the socket's real one: going offline drops the socket at once (a socket
// kept through an outage is one the browser may never report dead), coming back online opens a
// new one and catches up.
//
// When no socket can be opened at all (twice in a row a socket closed before it opened, e.g. a
// proxy that refuses the upgrade), updates come over the event stream and bids go over the JSON
// API instead (live-fallback.js), with the same guarantees: the stream resumes from the sequences
// applied, and a bid keeps its request id until it is answered. The state says so ('fallback'),
// and a socket is tried again now and then; the first one that opens takes over.
import { Fallback } from './live-fallback.js';

const PROTOCOL = 'gavel.v1';
const PING_EVERY_MS = 20000;
const SILENCE_LIMIT_MS = 50000; // no frame for this long (pings are answered): the link is dead
const RESYNC_RETRY_MS = 5000;
const SUBSCRIBE_RETRY_MS = 2000;
// Closes that mean "do not come back like this": a client bug (1002 protocol error, 1003 binary,
// 1007 not UTF-8, 1009 too big) or policy (1008: banned). Everything else, notably 1013 (too
// slow, or a socket cap or the node's limit reached), means try again later: reconnect with
// backoff and resubscribe with the last sequence seen.
const NO_RECONNECT = new Set([1002, 1003, 1007, 1008, 1009]);
// A 1008 with this reason: the user's account is suspended (docs/protocol.md, Close codes).
const BANNED = 'banned';
const MAX_LOTS = 200;
// A bid that could not be sent for this long is withdrawn rather than sent much later than meant.
const QUEUE_LIMIT_MS = 30000;
// Sockets that closed before they opened, in a row, before the event stream is tried instead.
const FAILURES_BEFORE_FALLBACK = 2;

/** Delay before reconnect attempt n (0-based): min(30 s, 0.5 s × 2^n) × random(0.5…1.0). */
export function backoff(attempt, random = Math.random) {
  return Math.min(30000, 500 * 2 ** attempt) * (0.5 + random() / 2);
}

/** A request id the server accepts (1-64 of A-Z a-z 0-9 . _ : -). */
export function requestId() {
  if (globalThis.crypto && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class LiveClient {
  /**
   * @param {object} options
   * @param {(msg: object) => void} options.onMessage every message the page should act on:
   *   hello, snapshot, event (only in sequence), bid-result, outbid, error; and, made here,
   *   bid-withdrawn {requestId, lot, sent} for a bid given up without an answer (sent: whether it
   *   may have reached the server)
   * @param {(state: string) => void} options.onState connecting | live | fallback (live over the
   *   event stream) | reconnecting | offline | blocked (closed for good: reload) | suspended (the
   *   account is suspended)
   * @param {number} [options.serverNow] the server's clock (epoch ms) when the page was rendered
   * @param {boolean} [options.fallback] whether the event stream may stand in for the socket
   *   (not for pages that need more than lots, such as the admins' operations feed)
   */
  constructor({ onMessage, onState, serverNow, path = '/ws', fallback = true }) {
    this.onMessage = onMessage || (() => {});
    this.onState = onState || (() => {});
    this.url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
    this.lots = new Map(); // lot id -> last sequence applied (null: none yet)
    this.resyncing = new Map(); // lot id -> time a resubscribe was asked
    this.pending = new Map(); // request id -> {frame, sent, queuedAt}: a bid not yet answered
    this.queueLimitMs = QUEUE_LIMIT_MS;
    this.retryTimer = null;
    this.state = 'connecting';
    this.attempt = 0;
    this.socket = null;
    this.timer = null;
    this.lastFrameAt = 0;
    this.samples = [];
    this.offset = serverNow ? serverNow - Date.now() : 0;
    this.hello = null;
    this.fallback = fallback ? new Fallback(this) : null;
    this.failures = 0; // sockets in a row that closed before they opened
    this.probe = null; // a socket being tried while on the event stream
    addEventListener('online', () => {
      if (this.isLive()) this.ping();
      else this.reconnectNow();
    });
    addEventListener('offline', () => this.wentOffline());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        if (this.isLive()) this.ping();
        else this.reconnectNow();
      }
    });
    setInterval(() => this.watchdog(), 1000);
  }

  /** Now on the server's clock, in epoch milliseconds. */
  serverNow() {
    return Date.now() + this.offset;
  }

  /** Whether messages flow: over the socket, or over the event stream standing in for it. */
  isLive() {
    return this.state === 'live' || this.state === 'fallback';
  }

  usingStream() {
    return !!this.fallback && this.fallback.active();
  }

  /** Starts following a lot from sequence `after` (what the page already shows). */
  watch(lotId, after) {
    this.watchAll([[lotId, after]]);
  }

  /** Starts following several lots ([id, after] pairs) with one subscribe. */
  watchAll(pairs) {
    const added = [];
    for (const [lotId, after] of pairs) {
      if (this.lots.has(lotId) || this.lots.size >= MAX_LOTS) continue;
      this.lots.set(lotId, after == null ? null : Number(after));
      added.push(lotId);
    }
    if (added.length > 0 && this.isLive()) this.resync(added);
  }

  /** Stops following a lot, which frees its place among the MAX_LOTS a socket may follow. */
  unwatch(lotId) {
    if (!this.lots.delete(lotId)) return;
    this.resyncing.delete(lotId);
    // A stream follows the lots it was opened for: resync opens a new one, without this lot.
    if (this.usingStream()) this.resync([]);
    else this.send({ type: 'unsubscribe', lots: [lotId] });
  }

  last(lotId) {
    return this.lots.get(lotId);
  }

  /**
   * Sends a bid now, or as soon as the socket is back; kept until its bid-result arrives. A bid
   * that has not gone out within queueLimitMs is withdrawn (bid-withdrawn, sent: false).
   */
  bid(frame) {
    const entry = { frame, sent: false, queuedAt: Date.now() };
    this.pending.set(frame.requestId, entry);
    if (this.isLive()) this.sendBid(entry);
  }

  /** Sends a waiting bid over whatever is up: the socket, or the JSON API beside the event stream. */
  sendBid(entry) {
    if (this.usingStream()) this.fallback.post(entry);
    else entry.sent = this.send(entry.frame) || entry.sent;
  }

  start() {
    this.connect();
  }

  connect() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    if (this.usingStream()) return;
    if (this.state !== 'connecting') this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
    if (this.fallback && this.failures >= FAILURES_BEFORE_FALLBACK && this.lots.size > 0) {
      this.fallback.open();
      return;
    }
    this.openSocket(false);
  }

  /** Opens a socket: the one in use, or a probe tried while on the event stream. */
  openSocket(probe) {
    let socket;
    try {
      socket = new WebSocket(this.url, PROTOCOL);
    } catch (e) {
      if (!probe) this.scheduleReconnect();
      return;
    }
    let opened = false;
    if (probe) this.probe = socket;
    else this.socket = socket;
    // The silence watchdog counts from the opening, not from the last frame of an earlier socket.
    socket.onopen = () => {
      opened = true;
      if (socket === this.probe) this.adopt(socket);
      if (socket === this.socket) this.lastFrameAt = Date.now();
    };
    socket.onmessage = (e) => {
      if (socket !== this.socket) return;
      this.lastFrameAt = Date.now();
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      this.handle(msg);
    };
    socket.onclose = (e) => {
      if (socket === this.probe) {
        this.probe = null;
        return;
      }
      if (socket !== this.socket) return;
      this.socket = null;
      this.hello = null;
      clearInterval(this.pinger);
      if (!opened) this.failures += 1;
      if (NO_RECONNECT.has(e.code)) {
        this.setState(e.code === 1008 && e.reason === BANNED ? 'suspended' : 'blocked');
        // Nothing more can be sent: every bid still waiting is given up, and the page says so.
        this.withdraw(() => true);
        return;
      }
      this.scheduleReconnect();
    };
    // onerror is always followed by onclose, which does the work.
  }

  /** The event stream ended or could not be opened. */
  streamDropped() {
    const wasUp = !!this.hello;
    this.hello = null;
    // Neither a socket nor a stream could be opened: the server may be away, so the next try is a socket.
    if (!wasUp) this.failures = 0;
    this.scheduleReconnect();
  }

  /** A socket tried while on the event stream opened: it takes over (its hello resubscribes and resends). */
  adopt(socket) {
    this.probe = null;
    this.failures = 0;
    this.closeStream();
    this.socket = socket;
  }

  /** Ends the event stream and any socket being tried beside it. */
  closeStream() {
    if (this.fallback) this.fallback.close();
    const probe = this.probe;
    this.probe = null;
    if (probe) {
      try {
        probe.close();
      } catch (e) {
        // a socket that never opened may refuse to close; it is forgotten either way
      }
    }
  }

  scheduleReconnect() {
    if (this.timer) return;
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
    const delay = backoff(this.attempt);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  isClosedForGood() {
    return this.state === 'blocked' || this.state === 'suspended';
  }

  reconnectNow() {
    if (this.isClosedForGood() || this.isLive() || (this.socket && this.socket.readyState === WebSocket.CONNECTING)
      || this.usingStream()) {
      return;
    }
    this.attempt = 0;
    clearTimeout(this.timer);
    this.timer = null;
    this.connect();
  }

  /**
   * The browser says the network is gone. The socket may still look open, and may stay so for
   * minutes: drop it now, so the state says offline and `online` opens a fresh one.
   */
  wentOffline() {
    if (this.isClosedForGood()) return;
    this.drop(1000, 'offline');
    this.closeStream();
    this.hello = null;
    clearTimeout(this.timer);
    this.timer = null;
    this.scheduleReconnect();
  }

  /** Forgets the socket without waiting for its closing handshake, which a dead link never completes. */
  drop(code, reason) {
    const socket = this.socket;
    this.socket = null;
    this.hello = null;
    clearInterval(this.pinger);
    if (socket) {
      try {
        socket.close(code, reason);
      } catch (e) {
        // closing a socket that never opened can throw; it is forgotten either way
      }
    }
  }

  watchdog() {
    if (!this.isLive()) {
      // A bid that never went out is given up after a while, never left waiting for good.
      const now = Date.now();
      this.withdraw((entry) => !entry.sent && now - entry.queuedAt > this.queueLimitMs);
    }
    if (this.usingStream() && this.hello && Date.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
      // Heartbeats come every 15 s: a silent stream is a dead link.
      this.closeStream();
      this.hello = null;
      this.scheduleReconnect();
      return;
    }
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
      this.drop(4000, 'no answer');
      this.scheduleReconnect();
    }
  }

  /** Gives up the waiting bids that match, telling the page about each. */
  withdraw(which) {
    for (const [id, entry] of [...this.pending]) {
      if (!which(entry)) continue;
      this.pending.delete(id);
      this.onMessage({ type: 'bid-withdrawn', requestId: id, lot: entry.frame.lot, sent: entry.sent });
    }
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.onState(state);
  }

  send(msg) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(msg));
      return true;
    }
    return false;
  }

  /** Asks again for these lots from the last sequence applied: a subscribe, or a new event stream. */
  resync(ids) {
    if (!this.usingStream()) {
      this.subscribe(ids);
      return;
    }
    // A stream follows the lots it was opened for: a new one, from where each lot is.
    this.closeStream();
    this.hello = null;
    this.fallback.open();
  }

  subscribe(ids) {
    const lots = ids.map((id) => {
      const after = this.lots.get(id);
      return after == null ? { id } : { id, after };
    });
    for (let i = 0; i < lots.length; i += MAX_LOTS) {
      this.send({ type: 'subscribe', lots: lots.slice(i, i + MAX_LOTS) });
    }
  }

  ping() {
    this.send({ type: 'ping', t: Date.now() });
  }

  /**
   * The server had no room (busy) or allowance (rate-limited) for a subscribe: ask for every lot
   * again a little later. The server sends nothing for a lot this socket already watches and is
   * up to date on, so asking again costs nothing for the lots that did get through.
   */
  retrySubscriptions() {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.isLive() && this.lots.size > 0) this.subscribe([...this.lots.keys()]);
    }, SUBSCRIBE_RETRY_MS * (0.5 + Math.random() / 2));
  }

  handle(msg) {
    switch (msg.type) {
      case 'hello':
        this.hello = msg;
        this.attempt = 0;
        if (this.samples.length === 0 && typeof msg.serverTime === 'number') {
          this.offset = msg.serverTime - Date.now();
        }
        this.resyncing.clear();
        if (this.usingStream()) {
          // The stream was opened with the lots and their sequences: it catches up by itself.
          this.setState('fallback');
          this.fallback.probeSoon();
        } else {
          this.failures = 0;
          this.setState('live');
          this.ping();
          clearInterval(this.pinger);
          this.pinger = setInterval(() => this.ping(), PING_EVERY_MS);
          if (this.lots.size > 0) this.subscribe([...this.lots.keys()]);
        }
        // A bid whose answer never came goes (again) with the same request id: answered, never doubled.
        for (const entry of this.pending.values()) this.sendBid(entry);
        this.onMessage(msg);
        return;
      case 'heartbeat':
        return;
      case 'pong':
        this.clock(msg);
        return;
      case 'snapshot': {
        const id = msg.lot && msg.lot.id;
        if (!this.lots.has(id)) return;
        this.lots.set(id, msg.lot.sequence);
        this.resyncing.delete(id);
        this.onMessage(msg);
        return;
      }
      case 'event':
        this.event(msg);
        return;
      case 'batch':
        // A socket that fell behind gets its queued events in one frame: each as if alone.
        for (const each of Array.isArray(msg.messages) ? msg.messages : []) this.handle(each);
        return;
      case 'bid-result':
        this.pending.delete(msg.requestId);
        this.onMessage(msg);
        return;
      case 'error':
        if (msg.code === 'busy' || msg.code === 'rate-limited') this.retrySubscriptions();
        this.onMessage(msg);
        return;
      default:
        this.onMessage(msg);
    }
  }

  event(msg) {
    const id = msg.lotId;
    if (!this.lots.has(id)) return;
    const last = this.lots.get(id);
    if (last != null && msg.seq <= last) return; // a duplicate around a resubscribe
    if (last != null && msg.seq > last + 1) {
      // A gap: ask for what is missing (once, until it comes or a retry is due).
      const asked = this.resyncing.get(id);
      if (asked == null || Date.now() - asked > RESYNC_RETRY_MS) {
        this.resyncing.set(id, Date.now());
        this.resync([id]);
      }
      return;
    }
    this.lots.set(id, msg.seq);
    this.resyncing.delete(id);
    this.onMessage(msg);
  }

  /** offset ≈ serverTime − (t + now) / 2, from the sample with the shortest round trip lately. */
  clock(msg) {
    const now = Date.now();
    if (typeof msg.t !== 'number' || typeof msg.serverTime !== 'number') return;
    const rtt = now - msg.t;
    if (rtt < 0) return;
    this.samples.push({ rtt, offset: msg.serverTime - (msg.t + now) / 2 });
    if (this.samples.length > 8) this.samples.shift();
    const best = this.samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    this.offset = best.offset;
  }
}
