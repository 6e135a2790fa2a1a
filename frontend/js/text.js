// Sentences for the page, handed over by the server from messages.properties (keys "live.*").

export class Texts {
  constructor(texts) {
    this.texts = texts || {};
  }

  /** The sentence for key with {0}, {1}... filled in; the key itself when it is missing. */
  t(key, ...args) {
    const text = this.texts[key];
    if (text == null) {
      return key;
    }
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
  }

  /** A bidder's alias in the page's language: "Bidder 3" reads "Licitante 3" in Portuguese. */
  alias(alias) {
    return aliasText((key, ...args) => this.t(key, ...args), alias);
  }

  /** Time left as "2h 05m", "4m 09s", "12s". */
  remaining(ms) {
    const s = Math.max(0, Math.ceil(ms / 1000));
    const days = Math.floor(s / 86400);
    const hours = Math.floor((s % 86400) / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    const seconds = s % 60;
    if (days > 0) return this.t('time.d', days, hours);
    if (hours > 0) return this.t('time.h', hours, pad(minutes));
    if (minutes > 0) return this.t('time.m', minutes, pad(seconds));
    return this.t('time.s', seconds);
  }
}

/**
 * An alias as the server names it ("Bidder 3": auction/LotView, the same in every language, since
 * frames and the API carry it and pages compare it) as the page says it, with the sentence
 * "alias" ({0}: the number); anything else as it is.
 */
export function aliasText(t, alias) {
  const number = /^Bidder (\d+)$/.exec(alias || '');
  return number ? t('alias', number[1]) : alias;
}

export function readJson(id) {
  const el = document.getElementById(id);
  if (!el) return {};
  try {
    return JSON.parse(el.textContent);
  } catch (e) {
    return {};
  }
}

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** An instant in the reader's own time zone: the time alone when it is today, else with the date. */
export function localTime(iso, nowMs = Date.now()) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameDay = new Date(nowMs).toDateString() === d.toDateString();
  return (sameDay ? timeOnly : dateTime).format(d);
}

/** Rewrites every server-rendered <time data-role="local-time"> (UTC) into the reader's zone. */
export function localizeTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-role="local-time"]')) {
    el.title = el.textContent;
    el.textContent = localTime(el.getAttribute('datetime'));
  }
}
