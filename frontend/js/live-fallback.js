// The live channel without a WebSocket (docs/protocol.md, "Event stream"): updates over
// Server-Sent Events from GET /api/lots/stream, bids over the JSON API. LiveClient (live.js)
// turns to these when no socket can be opened, and back to a socket as soon as one opens.

const STREAM_PATH = '/api/lots/stream';
// While on the event stream, a socket is tried this often (and once at once: a server that was
// restarting may take sockets again).
const PROBE_EVERY_MS = 60000;
// A bid over the JSON API that got no answer is asked again after this long, with its request id.
const REPOST_MS = 2000;

/**
 * The event stream standing in for one LiveClient's socket: opens it from the sequences the client
 * applied, sends the client's bids over the JSON API meanwhile, and tries a socket now and then
 * (LiveClient.openSocket(true)); the first that opens takes over (LiveClient.adopt).
 */
export class Fallback {
  constructor(client) {
    this.client = client;
    this.stream = null;
    this.probeTimer = null;
  }

  active() {
    return !!this.stream;
  }

  /** Opens the stream for the client's lots. Its messages go to client.handle, as the socket's do. */
  open() {
    const client = this.client;
    const stream = new EventStream({
      onOpen: () => {
        client.lastFrameAt = Date.now();
      },
      onMessage: (msg) => {
        client.lastFrameAt = Date.now();
        client.handle(msg);
      },
      onDrop: () => {
        if (stream !== this.stream) return;
        this.close();
        client.streamDropped();
      },
    });
    this.stream = stream;
    stream.open(client.lots);
  }

  close() {
    clearTimeout(this.probeTimer);
    this.probeTimer = null;
    if (this.stream) this.stream.close();
    this.stream = null;
  }

  /** Tries a socket now, then every PROBE_EVERY_MS while the stream stands in. */
  probeSoon(delay = 0) {
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (!this.active()) return;
      if (!this.client.probe) this.client.openSocket(true);
      this.probeSoon(PROBE_EVERY_MS);
    }, delay);
  }

  /**
   * Sends a waiting bid ({frame, sent}) over the JSON API; its answer goes to client.handle as a
   * bid-result. Without an answer it is asked again, with its request id, while the stream is up,
   * else on the client's next hello.
   */
  post(entry) {
    if (entry.posting) return;
    entry.posting = true;
    entry.sent = true; // from here it may reach the server, answered or not
    const { client } = this;
    const id = entry.frame.requestId;
    postBid(entry.frame).then((msg) => {
      entry.posting = false;
      if (client.pending.get(id) === entry) client.handle(msg);
    }, (e) => {
      entry.posting = false;
      if (!(e instanceof NoAnswer)) throw e;
      setTimeout(() => {
        if (client.pending.get(id) === entry && this.active() && client.isLive()) this.post(entry);
      }, REPOST_MS);
    });
  }
}

/** One event stream: the same messages the socket sends about lots, read-only. */
export class EventStream {
  /**
   * @param {object} handlers
   * @param {() => void} handlers.onOpen the server answered: the stream is up
   * @param {(msg: object) => void} handlers.onMessage each message, in order
   * @param {() => void} handlers.onDrop the stream ended or could not be opened; it is closed for good
   */
  constructor({ onOpen, onMessage, onDrop }) {
    this.onOpen = onOpen;
    this.onMessage = onMessage;
    this.onDrop = onDrop;
    this.source = null;
  }

  /** Opens the stream for these lots (id -> last sequence applied, null for none: a snapshot). */
  open(lots) {
    const ids = [...lots.keys()];
    const after = [...lots.entries()].filter(([, seq]) => seq != null && seq > 0).map(([id, seq]) => `${id}:${seq}`);
    let url = `${STREAM_PATH}?lots=${ids.join(',')}`;
    if (after.length > 0) url += `&after=${after.join(',')}`;
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => {
      if (source === this.source) this.onOpen();
    };
    source.onmessage = (e) => {
      if (source !== this.source) return;
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      this.onMessage(msg);
    };
    // Whatever went wrong, LiveClient reconnects with its own backoff and resumes from the
    // sequences it applied, so the browser's own reconnect is not used.
    source.onerror = () => {
      if (source !== this.source) return;
      this.close();
      this.onDrop();
    };
  }

  isOpen() {
    return !!this.source && this.source.readyState === EventSource.OPEN;
  }

  close() {
    const source = this.source;
    this.source = null;
    if (source) source.close();
  }
}

/** A bid the server could not be asked about (no network, or no answer from Gavel): ask again. */
export class NoAnswer extends Error {}

/**
 * Sends a bid frame ({lot, requestId, amount?, maximum?, kind?}) over the JSON API and answers as
 * the socket would: a `bid-result` message. The request id makes a second try of the same bid
 * safe: the server answers with the first outcome. Rejects with NoAnswer when there was none.
 */
export async function postBid(frame) {
  const buyNow = frame.kind === 'buy-now';
  const body = buyNow ? { requestId: frame.requestId }
    : { requestId: frame.requestId, amount: frame.amount, maximum: frame.maximum };
  let response;
  try {
    response = await fetch(`/api/lots/${frame.lot}/${buyNow ? 'buy-now' : 'bids'}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new NoAnswer('no network');
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    // not Gavel's JSON: a proxy's error page
  }
  if (response.ok && json && json.accepted) {
    return {
      type: 'bid-result', requestId: json.requestId, lot: json.lotId, accepted: true, leading: json.leading,
      price: json.price, alias: json.alias, sequence: json.sequence, arrivedAt: json.arrivedAt, receipt: json.receipt,
    };
  }
  if (response.status === 401) {
    return { type: 'bid-result', requestId: frame.requestId, lot: frame.lot, accepted: false, reason: 'not-signed-in' };
  }
  if (json && json.reason) {
    return {
      type: 'bid-result', requestId: frame.requestId, lot: frame.lot, accepted: false, reason: json.reason,
      message: json.detail, ask: json.lot ? json.lot.ask : undefined, arrivedAt: json.arrivedAt,
    };
  }
  throw new NoAnswer(`HTTP ${response.status}`);
}
