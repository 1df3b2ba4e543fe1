// Sources as the pages show them: each openable (its address, and its text in the registry
// where the registry holds it), with publisher, date and language; titles isolated (<bdi>)
// so that an Arabic title does not scramble the words around it.
import { el } from '/static/api.js';
import { date, t } from '/static/i18n.js';

/** The registry's page of a source, where its text is held. */
export const sourcePage = (source) => `/sources/${encodeURIComponent(source.id)
  .replaceAll('%3A', ':')}`;

function facts(source) {
  return [source.publisher, date(source.published), source.language?.toUpperCase(),
    source.licence].filter(Boolean);
}

/** One source: its title (a link to its address when known), facts, and where to read it. */
export function sourceItem(source) {
  const title = el('bdi', {}, source.title || source.id);
  const heading = source.url
    ? el('a', { href: source.url, target: '_blank', rel: 'noopener', class: 'source-title' }, title)
    : el('span', { class: 'source-title' }, title);
  const details = facts(source).map((fact) => el('bdi', {}, fact));
  const parts = details.flatMap((fact, index) => (index ? [' · ', fact] : [fact]));
  return el('li', { 'data-source': source.id }, heading,
    parts.length ? el('small', {}, ' (', ...parts, ')') : null,
    source.hasText ? el('small', {}, ' — ', el('a', { href: sourcePage(source) },
      t('source.readText'))) : null);
}

/** A list of sources, or a line saying there is none. */
export function sourceList(sources) {
  if (!sources?.length) return el('p', { class: 'hint' }, t('source.none'));
  return el('ul', { class: 'sources' }, ...sources.map(sourceItem));
}
