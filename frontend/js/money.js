// Money is decimal text ("62.00") end to end; comparisons go through integer minor units (BigInt),
// never through floating point. Amounts are shown in the lot's currency, formatted for the page's
// language (<html lang>), as the server's web/Formats does.
import { pageLang } from './time.js';

const formats = new Map();

/** "62.00", "EUR" -> "€62.00" on an English page, "€ 62,00" on a Brazilian one. */
export function formatMoney(amount, currency) {
  if (amount == null) return '';
  const lang = pageLang();
  const key = `${lang || ''}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = currencyFormat(lang, currency) || currencyFormat(undefined, currency) || { format: (a) => `${a} ${currency}` };
    formats.set(key, f);
  }
  // Intl formats a decimal string exactly (no float rounding) in current browsers.
  return f.format(amount);
}

function currencyFormat(lang, currency) {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency });
  } catch (e) {
    return null; // a language tag or currency code the browser does not know
  }
}

/**
 * What a person typed ("1,250.5", "62", "62,50") as decimal text with the currency's scale
 * ("1250.50"), or null when it is not an amount.
 */
export function parseAmount(text, scale) {
  if (text == null) return null;
  let s = String(text).trim().replace(/[\s\u00a0'’]/g, '').replace(/^[^\d.,-]+/, ''); // a currency sign or code, never a minus
  if (s === '') return null;
  const commas = (s.match(/,/g) || []).length;
  if (!s.includes('.') && commas === 1 && /,\d{1,2}$/.test(s) && scale > 0 && !/,\d{3}$/.test(s)) {
    s = s.replace(',', '.'); // a decimal comma: "62,50"
  } else {
    s = s.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const frac = m[2] || '';
  if (frac.length > scale) return null;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  return scale > 0 ? `${whole}.${frac.padEnd(scale, '0')}` : whole;
}

/** Decimal text -> integer minor units as a BigInt ("62.50", 2 -> 6250n). */
export function toMinor(amount, scale) {
  const [whole, frac = ''] = String(amount).split('.');
  return BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
}

/** An example amount in the currency's scale, for hints: 2 -> "62.00". */
export function example(scale) {
  return scale > 0 ? '62.' + '0'.repeat(scale) : '62';
}
