// Sentences for the page, handed over by the server from messages.properties (keys "live.*").

/** A countdown shows seconds only when less than this many are left. */
const SECONDS_SHOWN_BELOW = 300;

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

  /**
   * Time left as "3d 4h", "2h 05m" or "12m", and with seconds only in the last minutes: "4m 09s",
   * "12s". Whole minutes round up, so "1m" never shows while more than a minute is left (the
   * server's web/Formats.duration counts the same way).
   */
  remaining(ms) {
    const s = Math.max(0, Math.ceil(ms / 1000));
    if (s < SECONDS_SHOWN_BELOW) {
      const minutes = Math.floor(s / 60);
      return minutes > 0 ? this.t('time.m', minutes, pad(s % 60)) : this.t('time.s', s);
    }
    const all = Math.ceil(s / 60);
    const days = Math.floor(all / 1440);
    const hours = Math.floor((all % 1440) / 60);
    const minutes = all % 60;
    if (days > 0) return this.t('time.d', days, hours);
    if (hours > 0) return this.t('time.h', hours, pad(minutes));
    return this.t('time.min', minutes);
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
