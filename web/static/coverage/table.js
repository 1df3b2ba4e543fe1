// The coverage numbers as an accessible table, and the same rows as CSV.
import { el } from '/static/api.js';

const LEVEL_NAMES = { REGION: 'regions', PROVINCE: 'provinces and prefectures',
  COMMUNE: 'communes', MUNICIPALITY: 'municipalities' };

export const levelName = (level) => LEVEL_NAMES[level] || level.toLowerCase();
export const percent = (share) => (share === null || share === undefined ? '—'
  : `${(share * 100).toFixed(1)} %`);
const number = (value) => (value === null || value === undefined ? '—' : value.toLocaleString('en'));

/** The levels to show: those with units in the totals and in at least one group. */
export function levelsOf(national, groups) {
  const present = (level, group) => group.levels.some((l) => l.level === level && l.total > 0);
  return national.levels.map((level) => level.level)
    .filter((level) => present(level, national) && groups.some((g) => present(level, g)));
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

export function renderTable(container, caption, table, drill) {
  const head = el('tr', {}, ...table.header.map((label) => el('th', { scope: 'col' }, label)));
  const bodyRows = table.body.map((cells, index) => el('tr', {},
    el('th', { scope: 'row', dir: 'auto' }, drill ? el('button', { type: 'button', class: 'link',
      onclick: () => drill(index) }, cells[0]) : cells[0]),
    ...cells.slice(1).map((cell, i) => el('td', { class: i === 0 ? '' : 'n', dir: 'auto' }, cell))));
  const foot = el('tr', {}, el('th', { scope: 'row' }, table.total[0]),
    ...table.total.slice(1).map((cell) => el('td', { class: 'n' }, cell)));
  container.replaceChildren(el('table', { class: 'numbers' }, el('caption', {}, caption),
    el('thead', {}, head), el('tbody', {}, ...bodyRows), el('tfoot', {}, foot)));
}

function csvCell(value) {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table) {
  const lines = [table.header, ...table.body, table.total];
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
