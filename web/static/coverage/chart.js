// A bar chart in SVG: for each territory, members against totals per level, and population;
// optionally the whole first and a line of text under each territory's bars.
import { lang, number, rtl, t } from '/static/i18n.js';
import { levelName, percent } from './table.js';

const NS = 'http://www.w3.org/2000/svg';
const LABEL = 170;
const WIDTH = 280;
const BAR = 12;
// The bars grow rightwards in every language; on right-to-left pages each text runs right to
// left (so Arabic words and numbers keep their order), its anchors swapped to stay in place.
const NAME_ANCHOR = rtl ? 'start' : 'end';
const TEXT_ANCHOR = rtl ? 'end' : 'start';

function svg(tag, attributes = {}, text = '') {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  if (text) node.textContent = text;
  return node;
}

function bar(y, share, className, caption) {
  const group = svg('g');
  group.append(svg('rect', { x: LABEL, y, width: WIDTH, height: BAR, class: 'bar-total' }),
    svg('rect', { x: LABEL, y, width: Math.max(0, Math.min(1, share || 0)) * WIDTH, height: BAR,
      class: className }),
    svg('text', { x: LABEL + WIDTH + 6, y: y + BAR - 2, 'text-anchor': TEXT_ANCHOR }, caption));
  return group;
}

function groupBars(group, levels, y) {
  const items = levels.map((level) => {
    const found = group.levels.find((item) => item.level === level) || { members: 0, total: 0 };
    return [found.total ? found.members / found.total : 0, 'bar-members',
      t('coverage.barMembers', { members: number(found.members), total: number(found.total),
        level: levelName(level) })];
  });
  items.push([group.populationShare, 'bar-population', t('coverage.barPopulation',
    { share: percent(group.populationShare) })]);
  return items.map(([share, className, caption], index) => bar(y + index * (BAR + 3), share,
    className, caption));
}

/**
 * Draw the chart; `drill(index)` is called when a territory's name is activated. Options:
 * `lead`, a group drawn first (the whole, not drillable); `note(group)`, a line of text under a
 * group's bars; `label`, the chart's accessible name.
 */
export function renderChart(container, groups, levels, drill, options = {}) {
  const { lead = null, note = null } = options;
  const lines = levels.length + 1 + (note ? 1 : 0);
  const rowHeight = lines * (BAR + 3) + 12;
  const rows = lead ? [lead, ...groups] : groups;
  const height = rows.length * rowHeight + 10;
  const root = svg('svg', { viewBox: `0 0 ${LABEL + WIDTH + 190} ${height}`, role: 'img',
    direction: rtl ? 'rtl' : 'ltr',
    'aria-label': options.label || t('coverage.chartLabel') });
  rows.forEach((group, row) => {
    const index = lead ? row - 1 : row;
    const y = 5 + row * rowHeight;
    const name = svg('text', { x: LABEL - 8, y: y + BAR, 'text-anchor': NAME_ANCHOR,
      class: index < 0 ? 'lead' : null }, (lang === 'ar' && group.territory?.nameAr)
      || group.territory?.name || '—');
    if (drill && index >= 0) {
      const link = svg('a', { href: '#', 'aria-label': t('coverage.provincesOf',
        { name: group.territory?.name }) });
      link.addEventListener('click', (event) => { event.preventDefault(); drill(index); });
      link.append(name);
      root.append(link);
    } else {
      root.append(name);
    }
    root.append(...groupBars(group, levels, y));
    if (note) {
      root.append(svg('text', { x: LABEL, y: y + levels.length * (BAR + 3) + (BAR + 3) + BAR - 2,
        class: 'note', 'text-anchor': TEXT_ANCHOR }, note(group)));
    }
  });
  container.replaceChildren(root);
}
