// The page's language: its catalogue of interface strings (embedded by the server in
// #registry-i18n, from web/static/i18n/<lang>.json), and numbers and dates formatted for it.

const embedded = document.getElementById('registry-i18n');
const config = embedded ? JSON.parse(embedded.textContent) : { lang: 'en', strings: {} };

export const lang = config.lang;
// Moroccan Arabic writes digits 0-9 (ar-MA); French and English as in France and Britain.
export const locale = { fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB' }[lang] || 'en-GB';
const plurals = new Intl.PluralRules(locale);

/** The string of `key`, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = config.strings[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name])
    : whole));
}

/** `key.one` or `key.other` by the count (the count is given as {n}, formatted). */
export function tn(key, count, values = {}) {
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { ...values, n: number(count) });
}

/** A number as this language writes it; a dash when there is none. */
export function number(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale)
    .format(value);
}

/** A share (0 to 1) as a percentage with one decimal. */
export function percent(share) {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1,
    maximumFractionDigits: 1 }).format(share);
}

/** A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or a timestamp, at its own precision. */
export function date(value) {
  if (!value) return '';
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(T.*)?$/.exec(value);
  if (!match) return value;
  const [, year, month, day, time] = match;
  if (time) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short',
      timeZone: 'UTC' }).format(new Date(value));
  }
  const when = new Date(Date.UTC(Number(year), Number(month || 1) - 1, Number(day || 1)));
  const parts = day ? { day: 'numeric', month: 'long', year: 'numeric' }
    : month ? { month: 'long', year: 'numeric' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(when);
}

const words = (value) => (value || '').toLowerCase().replaceAll('_', ' ');

/** A catalogue label (`prefix.VALUE`), or the value in plain words when it has none. */
function label(prefix, value) {
  if (!value) return '';
  const key = `${prefix}.${value}`;
  return key in config.strings ? config.strings[key] : words(value);
}

export const kindLabel = (kind) => label('kind', kind);
export const roleLabel = (role) => label('role', role);
export const typeLabel = (type) => label('type', type);
export const valueLabel = (value) => label('value', value);
export const slotLabel = (slot) => label('slot', slot);

/** The page's direction, for drawing (the chart's labels). */
export const rtl = document.documentElement.dir === 'rtl';
