// The coverage numbers as an accessible table, in the page's language, each territory a link
// to its page; the CSV is built apart (csv.js), with numbers as numbers.
import { el, entityHref } from '/static/api.js';
import { lang, number, percent, t, tn } from '/static/i18n.js';

const TOP_COUNTRIES = 3;

export const levelName = (level) => t(`coverage.level.${level}`);
export { percent };

let regionNames = null;
try {
  regionNames = new Intl.DisplayNames([lang], { type: 'region' });
} catch {
  regionNames = null;
}

/** A country's name in the page's language from its ISO 3166 code; the code when none. */
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
    .map((country) => `${countryName(country.countryCode)} ${number(country.twinnings)}`);
  const rest = countries.length - shown.length;
  const comma = lang === 'ar' ? '، ' : ', ';
  if (rest <= 0) return shown.join(comma) || '—';
  return `${shown.join(comma)}${comma}… ${tn('coverage.moreCountries', rest)}`;
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
  return found ? `${number(found.members)} / ${number(found.total)}` : '—';
}

/** Header and rows (as text) of the table; each row keeps its group for the CSV and links. */
export function rows(groups, national, levels) {
  const header = [t('coverage.col.territory'), t('coverage.col.arabic'),
    ...levels.map((l) => t('coverage.col.members', { level: levelName(l) })),
    t('coverage.col.population'), t('coverage.col.covered'), t('coverage.col.share')];
  const line = (group, name, arabic) => [name, arabic, ...levels.map((l) => levelCell(group, l)),
    number(group.population), number(group.populationCovered), percent(group.populationShare)];
  const body = groups.map((g) => line(g, g.territory?.name || '—', g.territory?.nameAr || ''));
  return { header, body, total: line(national, t('coverage.total'), ''), groups, national, levels };
}

/**
 * The same for twinnings abroad, the whole (Morocco, or the region drilled into) first: the
 * countries cell shows the first few in the table and all of them in the CSV.
 */
export function twinningRows(groups, whole, levels) {
  const header = [t('coverage.col.territory'), t('coverage.col.arabic'),
    ...levels.map((l) => t('coverage.col.twinned', { level: levelName(l) })),
    t('coverage.col.twinnings'), t('coverage.col.countries'), t('coverage.col.population'),
    t('coverage.col.covered'), t('coverage.col.share')];
  const line = (group, name, arabic) => [name, arabic, ...levels.map((l) => levelCell(group, l)),
    number(group.twinnings), { text: countriesText(group.countries, TOP_COUNTRIES),
      full: countriesText(group.countries) },
    number(group.population), number(group.populationCovered), percent(group.populationShare)];
  const body = groups.map((g) => line(g, g.territory?.name || '—', g.territory?.nameAr || ''));
  return { header, body, total: line(whole, whole.territory?.name || t('coverage.morocco'),
    whole.territory?.nameAr || ''), totalFirst: true, groups, national: whole, levels,
  twinnings: true };
}

const shown = (cell) => (typeof cell === 'object' ? cell.text : cell);

function dataCell(cell, numeric) {
  if (typeof cell === 'object') {
    return el('td', { class: 'countries', dir: 'auto',
      title: cell.full !== cell.text ? cell.full : null }, cell.text);
  }
  // Numbers and "members / total" read left to right in every language.
  return el('td', { class: numeric ? 'n' : '', dir: numeric ? 'ltr' : 'auto' }, cell);
}

function nameCell(name, group, drill, index) {
  const territory = group?.territory;
  const label = drill ? el('button', { type: 'button', class: 'link', onclick: () => drill(index) },
    name) : name;
  // The arrow is drawn by the style sheet: the cell's text stays the name alone.
  const page = territory?.id ? el('a', { href: entityHref(territory.id), class: 'page-link',
    'aria-label': t('coverage.pageOf', { name }), title: t('coverage.pageOf', { name }) }) : null;
  return el('th', { scope: 'row', dir: 'auto' }, label, page ? ' ' : null, page);
}

export function renderTable(container, caption, table, drill) {
  const head = el('tr', {}, ...table.header.map((label) => el('th', { scope: 'col' }, label)));
  const bodyRows = table.body.map((cells, index) => el('tr', {},
    nameCell(cells[0], table.groups?.[index], drill, index),
    ...cells.slice(1).map((cell, i) => dataCell(cell, i !== 0))));
  if (table.totalFirst) {
    const lead = el('tr', { class: 'lead' },
      nameCell(table.total[0], table.national?.territory ? table.national : null, null, -1),
      ...table.total.slice(1).map((cell, i) => dataCell(cell, i !== 0)));
    container.replaceChildren(el('table', { class: 'numbers' }, el('caption', {}, caption),
      el('thead', {}, head), el('tbody', {}, lead, ...bodyRows)));
    return;
  }
  const foot = el('tr', {}, el('th', { scope: 'row' }, shown(table.total[0])),
    ...table.total.slice(1).map((cell) => el('td', { class: 'n', dir: 'ltr' }, shown(cell))));
  container.replaceChildren(el('table', { class: 'numbers' }, el('caption', {}, caption),
    el('thead', {}, head), el('tbody', {}, ...bodyRows), el('tfoot', {}, foot)));
}
