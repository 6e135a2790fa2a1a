// The lot and sale editors' times in the admin's own time zone. The server renders them in UTC with
// zone=UTC (it does not know the browser's zone); this moves them into the browser's zone, sets
// the hidden zone field to it, and names it next to each time, so what the admin reads and types
// is their own wall-clock time and the server turns it into the right instant. Without this
// script the form stays in UTC and says so. A form the server sent back with errors is already in
// the browser's zone and is left as it is.
import { pageLang } from './time.js';

const zoneField = document.querySelector('form [data-role="time-zone"]');
const form = zoneField && zoneField.form;

/** "2026-12-01T18:00" (a wall-clock time in UTC) as the same instant's wall-clock time here. */
function utcToLocal(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Europe/Lisbon (WET)": the zone's name and, where it has one, its abbreviation now. */
function zoneLabel(zone) {
  try {
    const parts = new Intl.DateTimeFormat(pageLang(), { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date());
    const abbreviation = parts.find((p) => p.type === 'timeZoneName');
    return abbreviation && abbreviation.value !== zone ? `${zone} (${abbreviation.value})` : zone;
  } catch (e) {
    return zone;
  }
}

if (zoneField) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (browserZone && zoneField.value === 'UTC' && browserZone !== 'UTC') {
    for (const input of form.querySelectorAll('input[type="datetime-local"]')) {
      if (input.value) input.value = utcToLocal(input.value);
    }
    zoneField.value = browserZone;
  }
  const label = zoneLabel(zoneField.value);
  for (const el of form.querySelectorAll('[data-role="zone-name"]')) el.textContent = label;
  const hint = form.querySelector('[data-role="zone-hint"]');
  if (hint && hint.dataset.text) hint.textContent = hint.dataset.text.replace('{0}', label);
}
