// The coverage numbers as an accessible table, and the same rows as CSV.
import { el } from '/static/api.js';

const LEVEL_NAMES = { REGION: 'regions', PROVINCE: 'provinces and prefectures',
  COMMUNE: 'communes', MUNICIPALITY: 'municipalities' };
const TOP_COUNTRIES = 3;

export const levelName = (level) => LEVEL_NAMES[level] || level.toLowerCase();
export const percent = (share) => (share === null || share === undefined ? '—'
  : `${(share * 100).toFixed(1)} %`);
const number = (value) => (value === null || value === undefined ? '—' : value.toLocaleString('en'));

let regionNames = null;
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
} catch {
  regionNames = null;
}

/** A country's English name from its ISO 3166 code; the code when the browser has no name. */
export function countryName(code) {
  try {
    return regionNames?.of(code) || code;
  } catch {
    return code;
  }
}

/** "France 28, Belgium 15, …": the first `limit` countries (most twinnings first), then the rest. */
export function countriesText(countries, limit = Infinity) {
  const shown = countries.slice(0, limit)
    .map((country) => `${countryName(country.countryCode)} ${country.twinnings}`);
  const rest = countries.length - shown.length;
  if (rest <= 0) return shown.join(', ') || '—';
  return `${shown.join(', ')}, … ${rest} more ${rest === 1 ? 'country' : 'countries'}`;
}

/** The levels to show: those with units in the totals and in at least one group. */
export function levelsOf(national, groups) {
  const present = (level, group) => group.levels.some((l) => l.level === level && l.total > 0);
  return national.levels.map((level) => level.level)
    .filter((level) => present(level, national) && groups.some((g) => present(level, g)));
}

/** For twinnings: the communes always, other levels only when one of their units is twinned. */
export function twinnedLevels(national, groups) {
  const twinned = (level) => national.levels.some((l) => l.level === level && l.members > 0);
  return levelsOf(national, groups).filter((level) => level === 'COMMUNE' || twinned(level));
}

function levelCell(group, level) {
  const found = group.levels.find((item) => item.level === level);
  return found ? `${found.members} / ${found.total}` : '—';
}

/** Header and rows (as text), shared by the table and the CSV. */
export function rows(groups, national, levels) {
  const header = ['Territory', 'Arabic name', ...levels.map((l) => `Members / ${levelName(l)}`),
    'Population', 'Population covered', 'Share of population'];
  const line = (group, name, arabic) => [name, arabic, ...levels.map((l) => levelCell(group, l)),
    number(group.population), number(group.populationCovered), percent(group.populationShare)];
  const body = groups.map((g) => line(g, g.territory?.name || '—', g.territory?.nameAr || ''));
  return { header, body, total: line(national, 'Total', '') };
}

/**
 * The same for twinnings abroad, the whole (Morocco, or the region drilled into) first: the
 * countries cell shows the first few in the table and all of them in the CSV.
 */
export function twinningRows(groups, whole, levels) {
  const header = ['Territory', 'Arabic name', ...levels.map((l) => `Twinned / ${levelName(l)}`),
    'Twinnings', 'Countries of the twins', 'Population', 'Population covered',
    'Share of population'];
  const line = (group, name, arabic) => [name, arabic, ...levels.map((l) => levelCell(group, l)),
    number(group.twinnings), { text: countriesText(group.countries, TOP_COUNTRIES),
      full: countriesText(group.countries) },
    number(group.population), number(group.populationCovered), percent(group.populationShare)];
  const body = groups.map((g) => line(g, g.territory?.name || '—', g.territory?.nameAr || ''));
  return { header, body, total: line(whole, whole.territory?.name || 'Morocco',
    whole.territory?.nameAr || ''), totalFirst: true };
}

const shown = (cell) => (typeof cell === 'object' ? cell.text : cell);
const full = (cell) => (typeof cell === 'object' ? cell.full : cell);

function dataCell(cell, numeric) {
  if (typeof cell === 'object') {
    return el('td', { class: 'countries', dir: 'auto',
      title: cell.full !== cell.text ? cell.full : null }, cell.text);
  }
  return el('td', { class: numeric ? 'n' : '', dir: 'auto' }, cell);
}

export function renderTable(container, caption, table, drill) {
  const head = el('tr', {}, ...table.header.map((label) => el('th', { scope: 'col' }, label)));
  const bodyRows = table.body.map((cells, index) => el('tr', {},
    el('th', { scope: 'row', dir: 'auto' }, drill ? el('button', { type: 'button', class: 'link',
      onclick: () => drill(index) }, cells[0]) : cells[0]),
    ...cells.slice(1).map((cell, i) => dataCell(cell, i !== 0))));
  if (table.totalFirst) {
    const lead = el('tr', { class: 'lead' },
      el('th', { scope: 'row', dir: 'auto' }, table.total[0]),
      ...table.total.slice(1).map((cell, i) => dataCell(cell, i !== 0)));
    container.replaceChildren(el('table', { class: 'numbers' }, el('caption', {}, caption),
      el('thead', {}, head), el('tbody', {}, lead, ...bodyRows)));
    return;
  }
  const foot = el('tr', {}, el('th', { scope: 'row' }, shown(table.total[0])),
    ...table.total.slice(1).map((cell) => el('td', { class: 'n' }, shown(cell))));
  container.replaceChildren(el('table', { class: 'numbers' }, el('caption', {}, caption),
    el('thead', {}, head), el('tbody', {}, ...bodyRows), el('tfoot', {}, foot)));
}

function csvCell(value) {
  const text = String(full(value));
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table) {
  const lines = table.totalFirst ? [table.header, table.total, ...table.body]
    : [table.header, ...table.body, table.total];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function download(name, text) {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
