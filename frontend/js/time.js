// Times for people: the date, the time to the minute and the time zone's abbreviation, in the
// reader's own zone and the page's language (<html lang>). The server renders every time as
// <time datetime="ISO" data-time> with a UTC fallback; localizeTimes() rewrites them all, and the
// scripts format the times they write themselves with formatTime().

const formats = new Map();

/** The page's language ("en", "pt-BR"), or undefined for the browser's own. */
export function pageLang() {
  const lang = document.documentElement.lang;
  return lang ? lang : undefined;
}

function formatter(withYear) {
  const key = `${pageLang() || ''}|${withYear}`;
  let f = formats.get(key);
  if (!f) {
    const options = {
      day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
    };
    if (withYear) options.year = 'numeric';
    try {
      f = new Intl.DateTimeFormat(pageLang(), options);
    } catch (e) {
      f = new Intl.DateTimeFormat(undefined, options); // a language tag the browser does not know
    }
    formats.set(key, f);
  }
  return f;
}

/** "Dec 1, 6:00 PM EST" (en-US) or "1 de dez., 20:00 BRT" (pt-BR); the year only when it is not this one. */
export function formatTime(iso, nowMs = Date.now()) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const withYear = d.getFullYear() !== new Date(nowMs).getFullYear();
  return formatter(withYear).format(d);
}

/**
 * Rewrites every server-rendered <time data-time> under root into the reader's zone. An element
 * with data-text holds its sentence ("Ended {0}") and gets the time put into it.
 */
export function localizeTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-time]')) {
    const iso = el.getAttribute('datetime');
    if (!iso) continue;
    const when = formatTime(iso);
    const text = el.dataset.text ? el.dataset.text.replace('{0}', when) : when;
    if (el.textContent !== text) el.textContent = text;
  }
}
