// Money is decimal text ("62.00") end to end; comparisons go through integer minor units (BigInt),
// never through floating point.

const formats = new Map();

/** "62.00", "EUR" -> "€62.00", formatted like the server does (en-US currency style). */
export function formatMoney(amount, currency) {
  if (amount == null) return '';
  let f = formats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    } catch (e) {
      f = { format: (a) => `${a} ${currency}` };
    }
    formats.set(currency, f);
  }
  // Intl formats a decimal string exactly (no float rounding) in current browsers.
  return f.format(amount);
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
