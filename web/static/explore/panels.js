// What the side panel shows: search results, a node's links (each focusable, Enter opens it),
// a link's details, connections. Names in another script are isolated (dir=auto, <bdi>).
import { bidi, el, entityHref, kindOf, nameOf, otherName } from '/static/api.js';
import { date, kindLabel, number, roleLabel, slotLabel, t, tn, valueLabel } from '/static/i18n.js';

export function renderResults(list, hits, pick) {
  list.replaceChildren(...hits.map((hit) => el('li', {},
    el('button', { type: 'button', class: 'link', dir: 'auto', 'data-id': hit.entity.id,
      onclick: () => pick(hit.entity) }, hit.label || nameOf(hit.entity)),
    ' ', el('small', {}, kindOf(hit.entity), ' · “', bidi(hit.matchedName.text), '” · ',
      el('a', { href: entityHref(hit.entity.id), class: 'page-link' }, t('explore.page'))))));
}

function nameRows(entity) {
  const rows = [[t('explore.name'), nameOf(entity)]];
  if (otherName(entity)) rows.push([t('explore.otherName'), otherName(entity)]);
  rows.push([t('explore.kind'), kindOf(entity)], [t('explore.id'), entity.id]);
  if (entity.population) rows.push([t('facts.population'), number(entity.population)]);
  return rows;
}

function table(rows) {
  return el('table', {}, ...rows.map(([label, value]) => el('tr', {},
    el('th', { scope: 'row' }, label), el('td', { dir: 'auto' }, value))));
}

const roleOf = (link, fallback) => link?.participationRole || link?.eventRole
  || link?.documentRole || fallback || '';

/** One of a node's links as a button: its plain name and the neighbour at the other end. */
function linkButton(item, open) {
  const role = roleOf(item.edge.link, item.edge.role);
  const what = role ? `${kindLabel(item.edge.kind)} (${roleLabel(role)})` : kindLabel(item.edge.kind);
  return el('li', {}, el('button', { type: 'button', class: 'link', 'data-link':
    item.edge.link?.id || '', onclick: () => open.edge(item.edge) }, `${what} — `,
  bidi(item.name)));
}

function groupButton(group, open) {
  return el('li', {}, el('button', { type: 'button', class: 'link', 'data-group': group.id,
    onclick: () => open.group(group.id) }, group.label));
}

/** A node: names, actions, and every link drawn from it, each one a focusable button. */
export function renderNode(panel, entity, links, groups, actions) {
  const list = el('ul', { class: 'node-links', 'aria-label': t('explore.linksOf',
    { name: nameOf(entity) }) }, ...links.map((item) => linkButton(item, actions)),
  ...groups.map((group) => groupButton(group, actions)));
  panel.replaceChildren(el('h2', { dir: 'auto' }, nameOf(entity)), table(nameRows(entity)),
    el('div', { class: 'actions' },
      el('a', { class: 'button', href: entityHref(entity.id) }, t('explore.openPage')),
      actions.expandable ? el('button', { type: 'button', onclick: () => actions.expand(entity.id) },
        t('explore.expand')) : null,
      el('button', { type: 'button', class: 'secondary', onclick: () => actions.focus(entity.id) },
        t('explore.centre')),
      el('button', { type: 'button', class: 'secondary', onclick: () => actions.from(entity) },
        t('explore.fromHere')),
      el('button', { type: 'button', class: 'secondary', onclick: () => actions.to(entity) },
        t('explore.toHere'))),
    el('h3', {}, tn('explore.linkCount', links.length + groups.reduce((n, g) => n + g.count, 0))),
    list);
}

function sourceFacts(source) {
  return [source.publisher, date(source.published)].filter(Boolean);
}

export function sourceList(sources) {
  if (!sources?.length) return el('p', { class: 'hint' }, t('source.none'));
  return el('ul', { class: 'sources' }, ...sources.map((source) => {
    const facts = sourceFacts(source).map((fact) => bidi(fact));
    return el('li', {}, source.url ? el('a', { href: source.url, target: '_blank', rel: 'noopener' },
      bidi(source.title)) : bidi(source.title),
    facts.length ? el('small', {}, ' (', ...facts.flatMap((f, i) => (i ? [', ', f] : [f])), ')')
      : null,
    source.hasText ? el('small', {}, ' — ', el('a', { href: `/sources/${source.id}` },
      t('source.readText'))) : null);
  }));
}

/** The rows describing one link: kind, role, dates, parties (each a button to go to), note. */
function linkRows(link, role, go) {
  const rows = [[t('explore.link'), kindLabel(link.kind)]];
  if (roleOf(link, role)) rows.push([t('explore.role'), roleLabel(roleOf(link, role))]);
  if (link.status) rows.push([t('facts.status'), valueLabel(link.status)]);
  rows.push([t('explore.since'), date(link.since) || t('explore.notStated')],
    [t('explore.until'), date(link.until) || t('explore.notStated')]);
  for (const party of link.parties || []) {
    rows.push([slotLabel(party.slot), el('button', { type: 'button', class: 'link', dir: 'auto',
      onclick: () => go(party.entity) }, nameOf(party.entity))]);
  }
  if (link.note) rows.push([t('facts.note'), link.note]);
  return rows;
}

export function renderLink(panel, edge, go) {
  const link = edge.link;
  if (!link) {
    panel.replaceChildren(el('h2', {}, kindLabel(edge.kind)),
      el('p', { class: 'hint' }, t('explore.territoryLink')));
    return;
  }
  panel.replaceChildren(el('h2', {}, t('explore.linkTitle', { kind: kindLabel(link.kind) })),
    table(linkRows(link, edge.role, go)), el('h3', {}, t('entity.sources')), sourceList(link.sources));
}

function stepItem(step) {
  const role = roleOf(step.link, step.role);
  return el('li', {},
    bidi(nameOf(step.from)), ` — ${kindLabel(step.kind)}`,
    role ? ` (${roleLabel(role)})` : '', ' — ', bidi(nameOf(step.to)),
    step.link?.since ? el('small', {}, ` ${t('link.since', { since: date(step.link.since) })}`) : null,
    step.link ? sourceList(step.link.sources) : null);
}

export function renderPaths(list, paths, show) {
  list.replaceChildren(...paths.map((path, index) => el('li', {},
    el('button', { type: 'button', class: 'link', onclick: () => show(index) },
      tn('explore.steps', path.length)),
    el('ol', { class: 'steps' }, ...path.steps.map(stepItem)))));
}

/** The legend: each type's shape and colour, each kind's line, from /model.json. */
export function renderLegend(container, model) {
  const shapes = model.entityTypes.map((type) => el('li', {},
    el('span', { class: `legend-shape shape-${type.shape}`, style: `background:${type.colour}`,
      'aria-hidden': 'true' }), ` ${t(`type.${type.type}`)}`));
  const lines = model.linkKinds.map((kind) => el('li', {},
    el('span', { class: `legend-line${model.containment.includes(kind.kind) ? ' dashed' : ''}`,
      style: `border-color:${model.containment.includes(kind.kind) ? '#94a3b8' : kind.colour}`,
      'aria-hidden': 'true' }), ` ${kindLabel(kind.kind)}`));
  container.replaceChildren(el('h3', {}, t('explore.legendNodes')), el('ul', { class: 'legend' },
    ...shapes), el('h3', {}, t('explore.legendLinks')), el('p', { class: 'hint' },
    t('explore.legendDashed')), el('ul', { class: 'legend' }, ...lines),
  el('p', { class: 'hint' }, t('explore.legendGroup')));
}
