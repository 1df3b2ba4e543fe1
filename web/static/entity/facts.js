// The entity's own facts: names in every language, what it is, external ids, its place in
// the hierarchy and its history (the audit trail).
import { bidi, el, entityLink, kindOf, nameOf } from '/static/api.js';
import { date, locale, number, t, valueLabel } from '/static/i18n.js';
import { others, ownSlots } from './links.js';
import { sourceList } from './sources.js';

const LANGUAGE_NAMES = new Intl.DisplayNames([locale], { type: 'language' });

function languageName(code) {
  try {
    return code === 'und' ? t('names.undetermined') : LANGUAGE_NAMES.of(code) || code;
  } catch {
    return code;
  }
}

export function table(rows) {
  return el('table', { class: 'facts' }, ...rows.filter(([, value]) => value !== null
    && value !== undefined && value !== '').map(([label, value]) => el('tr', {},
    el('th', { scope: 'row' }, label), el('td', { dir: 'auto' }, value))));
}

/** Every name, with its language and whether it is official or an alias. */
export function renderNames(container, entity) {
  const names = entity.names?.length ? entity.names
    : [{ text: nameOf(entity), lang: 'und', kind: 'official' }];
  container.replaceChildren(el('table', { class: 'facts' }, el('thead', {}, el('tr', {},
    el('th', { scope: 'col' }, t('names.name')), el('th', { scope: 'col' }, t('names.language')),
    el('th', { scope: 'col' }, t('names.kind')))), el('tbody', {}, ...names.map((name) => el('tr',
    {}, el('td', { lang: name.lang === 'und' ? null : name.lang, dir: 'auto' }, name.text),
    el('td', {}, languageName(name.lang)), el('td', {}, t(`names.${name.kind}`)))))));
}

function money(commitment) {
  if (!commitment) return null;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: commitment.currency,
    maximumFractionDigits: 0 }).format(commitment.amount);
}

function externalIds(entity) {
  const rows = [[t('facts.registryId'), el('code', { dir: 'ltr' }, entity.id)]];
  if (entity.code) {
    const scheme = entity.countryCode === 'MA' ? 'facts.hcpCode'
      : entity.countryCode === 'BE' ? 'facts.refnisCode' : 'facts.code';
    rows.push([t(scheme), el('code', { dir: 'ltr' }, entity.code)]);
  }
  if (entity.geonamesId) {
    rows.push([t('facts.geonames'), el('a', { href: `https://www.geonames.org/${entity.geonamesId}`,
      rel: 'noopener' }, String(entity.geonamesId))]);
  }
  if (entity.worldBankId) {
    rows.push([t('facts.worldBank'), el('a', { rel: 'noopener', href: 'https://projects.worldbank'
      + `.org/en/projects-operations/project-detail/${entity.worldBankId}` }, entity.worldBankId)]);
  }
  return rows;
}

/** What the entity is, its dates and numbers, and its external ids. */
export function factRows(entity) {
  const kind = entity.organisationKind || entity.programmeKind || entity.eventKind
    || entity.documentKind || entity.sourceKind;
  const status = entity.status || entity.eventStatus;
  return [
    [t('facts.kind'), kind ? `${kindOf(entity)} · ${valueLabel(kind)}` : kindOf(entity)],
    [t('facts.status'), status && valueLabel(status)],
    [t('facts.population'), entity.population && number(entity.population)],
    [t('facts.households'), entity.households && number(entity.households)],
    [t('facts.start'), date(entity.start || entity.founded || entity.date || entity.published)],
    [t('facts.end'), date(entity.end)],
    [t('facts.venue'), entity.venue], [t('facts.number'), entity.number],
    [t('facts.commitment'), money(entity.commitment)],
    [t('facts.publisher'), entity.publisher], [t('facts.licence'), entity.licence],
    [t('facts.address'), entity.url && el('a', { href: entity.url, rel: 'noopener' }, entity.url)],
    [t('facts.objective'), entity.objective], [t('facts.note'), entity.note],
    ...externalIds(entity),
  ];
}

/** Where it sits: a collectivity's parents up to its country, or the wholes it is part of. */
export function hierarchy(entity) {
  const chain = [];
  for (let unit = entity.parent; unit; unit = unit.parent) chain.unshift(unit);
  if (entity.country && entity.country.id !== entity.id) chain.unshift(entity.country);
  const wholes = (entity.links || []).filter((link) => link.kind === 'PART_OF'
    && ownSlots(link, entity.id).includes('part')).flatMap((link) => others(link, entity.id))
    .map((party) => party.entity);
  const items = [...chain, ...wholes];
  if (!items.length) return [];
  const crumbs = items.flatMap((unit, index) => [index ? ' › ' : '', entityLink(unit)]);
  return [el('span', { class: 'hint' }, `${t('entity.partOf')} `), ...crumbs];
}

/** The units directly below a collectivity, each a link to its page. */
export function children(entity) {
  if (!entity.children?.length) return null;
  return el('details', { class: 'children' }, el('summary', {},
    t('entity.children', { n: number(entity.children.length) })),
  el('ul', { class: 'columns' }, ...entity.children.map((child) => el('li', {},
    entityLink(child)))));
}

/** The audit trail: each change, when, by whom, citing what. */
export function renderHistory(container, changes) {
  if (!changes.nodes.length) {
    container.replaceChildren(el('p', { class: 'hint' }, t('history.none')));
    return;
  }
  container.replaceChildren(el('ol', { class: 'history' }, ...changes.nodes.map((change) => el(
    'li', {}, el('time', { datetime: change.at }, date(change.at)), ' — ',
    t(`history.${change.action}`), ` (${t('history.version', { n: change.version })}) · `,
    bidi(change.actor), sourceList(change.sources)))));
}
