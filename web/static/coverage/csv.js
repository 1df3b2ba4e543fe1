// The coverage as CSV for spreadsheets: a header naming the subject, the view, the date and
// the sources, then one row per territory with its codes and plain numbers (members and
// totals in columns of their own, no thousands separators). A semicolon-separated file
// writes decimals with a comma, as French spreadsheets read them.
import { csvCell as cell } from '/static/files.js';
import { t } from '/static/i18n.js';
import { levelName } from './table.js';

const share = (value, decimal) => (value === null || value === undefined ? ''
  : (Math.round(value * 10000) / 100).toString().replace('.', decimal));

function levelCounts(group, levels) {
  return levels.flatMap((level) => {
    const found = group.levels.find((item) => item.level === level);
    return found ? [found.members, found.total] : ['', ''];
  });
}

function header(table, byProvince) {
  const counts = table.levels.flatMap((level) => [
    t(table.twinnings ? 'csv.twinned' : 'csv.members', { level: levelName(level) }),
    t('csv.total', { level: levelName(level) })]);
  return [t('csv.code'), t('csv.id'), t('coverage.col.territory'), t('coverage.col.arabic'),
    ...(byProvince ? [t('csv.regionCode'), t('csv.region')] : []), ...counts,
    ...(table.twinnings ? [t('coverage.col.twinnings'), t('coverage.col.countries')] : []),
    t('coverage.col.population'), t('coverage.col.covered'), t('csv.sharePercent')];
}

function line(table, group, name, byProvince, decimal) {
  const territory = group.territory || {};
  const region = territory.region || {};
  return [territory.code || '', territory.id || '', name, territory.nameAr || '',
    ...(byProvince ? [region.code || '', region.name || ''] : []),
    ...levelCounts(group, table.levels),
    ...(table.twinnings ? [group.twinnings, group.countries.map((c) => `${c.countryCode} ${
      c.twinnings}`).join(', ')] : []),
    group.population ?? '', group.populationCovered ?? '', share(group.populationShare, decimal)];
}

/** Rows before the table: what it is about, which view, when, and the sources of the numbers. */
function preamble(about) {
  return [[t('csv.subject'), about.subject], [t('csv.view'), about.scope],
    [t('csv.date'), about.date], [t('csv.address'), about.address],
    [t('csv.sources'), [t('csv.census'), ...about.sources].join(' | ')], []];
}

/** The whole CSV text; `separator` is ',' or ';'. */
export function coverageCsv(table, about, separator = ',') {
  const decimal = separator === ';' ? ',' : '.';
  const byProvince = table.groups.some((group) => group.territory?.level === 'PROVINCE');
  const name = (group, fallback) => group.territory?.name || fallback;
  const whole = line(table, table.national, name(table.national, table.twinnings
    ? t('coverage.morocco') : t('coverage.total')), byProvince, decimal);
  const body = table.groups.map((group) => line(table, group, name(group, '—'), byProvince,
    decimal));
  const lines = [...preamble(about), header(table, byProvince),
    ...(table.totalFirst ? [whole, ...body] : [...body, whole])];
  return `${lines.map((cells) => cells.map((value) => cell(value, separator)).join(separator))
    .join('\r\n')}\r\n`;
}
