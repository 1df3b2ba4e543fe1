// An entity's links, grouped by kind: the other parties (each a link to its page), the part
// this entity plays, role, dates, status and sources.
import { el, entityLink } from '/static/api.js';
import { date, kindLabel, number, roleLabel, slotLabel, t, valueLabel } from '/static/i18n.js';
import { sourceList } from './sources.js';

export const PAGE = 100;

/** The role of a link, whatever its type names it. */
export function roleOf(link) {
  return link.participationRole || link.eventRole || link.documentRole || link.relationRole
    || link.groupRole || '';
}

export const others = (link, id) => link.parties.filter((party) => party.entity?.id !== id);
export const ownSlots = (link, id) => link.parties.filter((party) => party.entity?.id === id)
  .map((party) => party.slot);

/** "since 2017 until 2026", in the page's language; empty when no date is stated. */
export function period(link) {
  if (link.since && link.until) return t('link.period', { since: date(link.since), until: date(link.until) });
  if (link.since) return t('link.since', { since: date(link.since) });
  if (link.until) return t('link.until', { until: date(link.until) });
  return '';
}

function statedCount(link) {
  const asOf = link.asOf ? ` (${t('link.asOf', { date: date(link.asOf) })})` : '';
  return `${valueLabel(link.measure)} · ${link.category}: ${number(link.value)}${asOf}`;
}

function parties(link, id) {
  const list = others(link, id);
  if (!list.length) return [el('span', { class: 'hint' }, t('link.noOtherParty'))];
  return list.flatMap((party, index) => [index ? ', ' : '', el('span', { class: 'party' },
    entityLink(party.entity), ' ', el('small', {}, `(${slotLabel(party.slot)})`))]);
}

function linkItem(link, id) {
  const details = [roleOf(link) && roleLabel(roleOf(link)), link.status && valueLabel(link.status),
    period(link), link.group && `${link.group}${link.count ? ` (${number(link.count)})` : ''}`,
    link.kind === 'STATED_COUNT' && statedCount(link), link.retired && t('link.retired')]
    .filter(Boolean);
  return el('li', { class: 'link', 'data-link': link.id, 'data-kind': link.kind },
    el('div', {}, ...parties(link, id)),
    details.length ? el('div', { class: 'link-facts' }, details.join(' · ')) : null,
    link.note ? el('p', { class: 'note', dir: 'auto' }, link.note) : null,
    el('div', { class: 'link-sources' }, sourceList(link.sources)));
}

/** Every link, in one section per kind (headed by its plain name and count). */
export function renderLinks(container, links, id) {
  if (!links.length) {
    container.replaceChildren(el('p', { class: 'hint' }, t('entity.noLinks')));
    return;
  }
  const kinds = [...new Set(links.map((link) => link.kind))];
  // The API answers at most a page (100) of links at once: say so rather than imply it is all.
  const capped = links.length >= PAGE ? [el('p', { class: 'hint', role: 'note' },
    t('entity.linksCapped', { n: number(PAGE) }))] : [];
  container.replaceChildren(...capped, ...kinds.map((kind) => {
    const group = links.filter((link) => link.kind === kind);
    return el('section', { class: 'link-kind', 'data-kind': kind },
      el('h3', {}, `${kindLabel(kind)} (${number(group.length)})`),
      el('ul', { class: 'links' }, ...group.map((link) => linkItem(link, id))));
  }));
}
