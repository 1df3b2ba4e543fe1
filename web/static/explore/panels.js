// What the side panel shows: search results, a node's or a link's details, connections.
import { el, kindOf, nameOf, otherName } from '/static/api.js';

const words = (value) => (value || '').toLowerCase().replaceAll('_', ' ');

export function renderResults(list, hits, pick) {
  list.replaceChildren(...hits.map((hit) => el('li', {},
    el('button', { type: 'button', class: 'link', dir: 'auto', 'data-id': hit.entity.id,
      onclick: () => pick(hit.entity) }, hit.label || nameOf(hit.entity)),
    ' ', el('small', { dir: 'auto' }, `${kindOf(hit.entity)} · “${hit.matchedName.text}”`))));
}

function nameRows(entity) {
  const rows = [['Name', nameOf(entity)]];
  if (entity.nameFr && entity.nameFr !== nameOf(entity)) rows.push(['French', entity.nameFr]);
  if (otherName(entity)) rows.push(['Arabic', entity.nameAr]);
  rows.push(['Kind', kindOf(entity)], ['Id', entity.id]);
  if (entity.population) rows.push(['Population 2024', entity.population.toLocaleString('en')]);
  return rows;
}

function table(rows) {
  return el('table', {}, ...rows.map(([label, value]) => el('tr', {},
    el('th', { scope: 'row' }, label), el('td', { dir: 'auto' }, value))));
}

export function renderNode(panel, entity, actions) {
  panel.replaceChildren(el('h2', { dir: 'auto' }, nameOf(entity)), table(nameRows(entity)),
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => actions.focus(entity.id) }, 'Centre here'),
      el('button', { type: 'button', class: 'secondary', onclick: () => actions.from(entity) },
        'From here'),
      el('button', { type: 'button', class: 'secondary', onclick: () => actions.to(entity) },
        'To here')));
}

function sourceFacts(source) {
  return [source.publisher, source.published, source.url ? '' : source.file && `file ${source.file}`]
    .filter(Boolean).join(', ');
}

export function sourceList(sources) {
  if (!sources?.length) return el('p', { class: 'hint' }, 'No source recorded.');
  return el('ul', { class: 'sources' }, ...sources.map((source) => el('li', { dir: 'auto' },
    source.url ? el('a', { href: source.url, target: '_blank', rel: 'noopener' }, source.title)
      : source.title,
    sourceFacts(source) ? el('small', {}, ` (${sourceFacts(source)})`) : null)));
}

function roleOf(link, fallback) {
  return link?.participationRole || link?.eventRole || link?.documentRole || fallback || '';
}

/** The rows describing one link: kind, role, dates, parties, note. */
function linkRows(link, role) {
  const rows = [['Link', words(link.kind)]];
  if (roleOf(link, role)) rows.push(['Role', words(roleOf(link, role))]);
  if (link.status) rows.push(['Status', words(link.status)]);
  rows.push(['Since', link.since || 'not stated'], ['Until', link.until || 'not stated']);
  for (const party of link.parties || []) rows.push([party.slot, nameOf(party.entity)]);
  if (link.note) rows.push(['Note', link.note]);
  return rows;
}

export function renderLink(panel, edge) {
  const link = edge.link;
  if (!link) {
    panel.replaceChildren(el('h2', {}, words(edge.kind)),
      el('p', { class: 'hint' }, 'A link of the territorial hierarchy: fixed by the census, '
        + 'no dates or sources of its own.'));
    return;
  }
  panel.replaceChildren(el('h2', {}, `${words(link.kind)} link`), table(linkRows(link, edge.role)),
    el('h3', {}, 'Sources'), sourceList(link.sources));
}

function stepItem(step) {
  const role = roleOf(step.link, step.role);
  return el('li', {},
    el('span', { dir: 'auto' }, nameOf(step.from)), ` — ${words(step.kind)}`,
    role ? ` (${words(role)})` : '', ' — ', el('span', { dir: 'auto' }, nameOf(step.to)),
    step.link?.since ? el('small', {}, ` since ${step.link.since}`) : null,
    step.link ? sourceList(step.link.sources) : null);
}

export function renderPaths(list, paths, show) {
  list.replaceChildren(...paths.map((path, index) => el('li', {},
    el('button', { type: 'button', class: 'link', onclick: () => show(index) },
      `${path.length} step${path.length === 1 ? '' : 's'}`),
    el('ol', { class: 'steps' }, ...path.steps.map(stepItem)))));
}
