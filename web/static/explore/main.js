// The network explorer: search, neighbourhoods, connections and link details, state in the URL.
import { el, failure, graphql, nameOf, say } from '/static/api.js';
import { kindLabel, t, tn } from '/static/i18n.js';
import { createGraph, edgeData, LINK_COLOURS, MODEL } from './graph.js';
import * as panels from './panels.js';
import { CONNECTIONS, NEIGHBOURHOOD, NODE, SEARCH } from './queries.js';
import { readState, writeState } from './state.js';

// Past this many new neighbours of one kind, they are drawn as one node standing for them
// all (Taroudannt's 89 communes, a programme's 20 twinnings), opened on demand.
const GROUP_AT = 8;

const $ = (id) => document.getElementById(id);
const status = $('status');
const state = readState();
const ends = { from: null, to: null };
let graph;
let paths = [];
let kinds = [];

class UnknownEntity extends Error {}

/** A step of the API (from and to are entities) as the graph's edge (ids). */
const flatEdge = (step) => ({ from: step.from?.id, to: step.to?.id, kind: step.kind,
  role: step.role, link: step.link });

function report(error) {
  say(status, error instanceof UnknownEntity ? error.message : failure(error), 'error');
}

async function search(text) {
  const hits = (await graphql(SEARCH, { text })).search;
  panels.renderResults($('results'), hits, pick);
  say(status, hits.length ? tn('explore.found', hits.length, { text })
    : t('explore.noMatch', { text }));
}

/** New neighbours of `id` by the kind of their first link to it; a twinning seen from its
 * programme is not a link of the programme's (it is drawn between its two parties). */
function byKind(id, edges, nodes) {
  const kinds = new Map();
  const seen = new Set();
  for (const data of edges.map(edgeData)) {
    if (data.source !== id && data.target !== id) continue;
    const other = data.source === id ? data.target : data.source;
    if (other === id || graph.has(other) || seen.has(other)) continue;
    seen.add(other);
    if (!kinds.has(data.kind)) kinds.set(data.kind, []);
    kinds.get(data.kind).push(nodes.find((node) => node.id === other));
  }
  // A neighbour alone of its type among many of another stays drawn (a province's region
  // among its communes).
  return [...kinds].map(([kind, members]) => [kind, new Set(members.filter((member) => member
    && members.filter((m) => m?.__typename === member.__typename).length > 1)
    .map((member) => member.id))]);
}

/** Draw a neighbourhood: few neighbours of a kind as nodes, many as one group node. */
function draw(id, found) {
  const groups = byKind(id, found.edges, found.nodes).filter(([, members]) => members.size > GROUP_AT);
  const grouped = new Set(groups.flatMap(([, members]) => [...members]));
  graph.addEntities(found.nodes.filter((node) => !grouped.has(node.id)), id);
  graph.addEdges(found.edges);
  for (const [kind, members] of groups) {
    graph.addGroup(id, kind, { ids: [...members], nodes: found.nodes, edges: found.edges },
      tn('explore.group', members.size, { kind: kindLabel(kind) }));
  }
}

/** Draw the neighbours a group node stands for, in its place. */
function openGroup(groupId) {
  const group = graph.group(groupId);
  if (!group) return;
  const wanted = new Set(group.members.ids);
  graph.removeGroup(groupId);
  graph.addEntities(group.members.nodes.filter((node) => wanted.has(node.id)), group.owner);
  graph.addEdges(group.members.edges);
  graph.hideKinds(state.hide);
  if (!state.open.includes(groupId)) state.open = [...state.open, groupId];
  writeState(state);
  graph.layout();
  showNode(group.owner);
}

/** Load an entity's neighbourhood into the graph. */
async function expand(id) {
  const found = (await graphql(NEIGHBOURHOOD, { id })).neighbourhood;
  if (!found?.nodes.length) throw new UnknownEntity(t('entity.unknown', { id }));
  draw(id, { nodes: found.nodes, edges: found.edges.map(flatEdge) });
  graph.markExpanded(id);
  graph.hideKinds(state.hide);
  $('graph-empty').hidden = true;
  if (found.truncated) say(status, t('explore.truncated', { name: nameOf(found.nodes[0]) }));
  return found.nodes[0];
}

async function pick(entity) {
  Object.assign(state, { focus: entity.id, open: [], link: '' });
  writeState(state, true);
  graph.clear();
  try {
    await expand(entity.id);
    graph.layout();
    graph.select(entity.id);
    showNode(entity.id);
  } catch (error) {
    report(error);
  }
}

/** Go to an entity named in the panel: select it when drawn, else centre the view on it. */
function go(entity) {
  if (!graph.has(entity.id)) return pick(entity);
  graph.select(entity.id);
  return onNode(entity.id, true);
}

function showNode(id, focus = false) {
  const links = graph.linksOf(id).map((item) => ({ ...item, name: nameOf(graph.entity(item.other)) }));
  const groups = graph.cy.nodes('.group').filter((node) => node.data('owner') === id)
    .map((node) => ({ id: node.id(), label: node.data('label'), count: node.data('members').ids.length }));
  panels.renderNode($('details'), graph.entity(id), links, groups, {
    expandable: !graph.isExpanded(id),
    expand: (target) => onNode(target, true),
    edge: (edge) => onEdge(edge, true),
    group: (groupId) => openGroup(groupId),
    focus: (target) => pick(graph.entity(target)),
    from: (entity) => setEnd('from', entity),
    to: (entity) => setEnd('to', entity),
  });
  if (focus) focusPanel();
}

/** After a keyboard action the panel was redrawn: put the focus on its heading. */
function focusPanel() {
  const heading = $('details').querySelector('h2');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

async function onNode(id, keyboard = false) {
  if (id.startsWith('group:')) return openGroup(id);
  showNode(id, keyboard);
  state.link = '';
  if (graph.isExpanded(id)) return writeState(state);
  try {
    await expand(id);
    state.open = [...state.open, id];
    writeState(state);
    graph.layout();
    showNode(id, keyboard);
  } catch (error) {
    report(error);
  }
}

function onEdge(edge, keyboard = false) {
  panels.renderLink($('details'), edge, go);
  state.link = edge.link?.id || '';
  writeState(state);
  if (keyboard) focusPanel();
}

function setEnd(which, entity) {
  ends[which] = entity;
  state[which] = entity.id;
  $(`${which}-name`).textContent = nameOf(entity);
  $('find-paths').disabled = !(ends.from && ends.to);
  writeState(state);
}

async function findPaths() {
  const via = state.hide.length ? kinds.filter((kind) => !state.hide.includes(kind)) : null;
  const found = (await graphql(CONNECTIONS, { from: ends.from.id, to: ends.to.id, via }))
    .connections;
  paths = found.paths;
  panels.renderPaths($('paths'), paths, showPath);
  if (!paths.length) {
    const key = state.hide.length ? 'explore.noPathShown' : 'explore.noPath';
    say(status, t(key, { from: nameOf(ends.from), to: nameOf(ends.to) })
      + (found.truncated ? ` ${t('explore.pathLimit')}` : ''));
    graph.highlight([], []);
    return;
  }
  say(status, tn('explore.pathsFoundCount', paths.length));
  showPath(0);
}

function showPath(index) {
  const steps = paths[index].steps;
  graph.addEntities(steps.flatMap((step) => [step.from, step.to]), ends.from.id);
  const edges = steps.map(flatEdge);
  graph.addEdges(edges);
  $('graph-empty').hidden = true;
  graph.layout();
  graph.highlight(steps.flatMap((step) => [step.from.id, step.to.id]), edges.map(graph.edgeIdFor));
}

function clearPaths() {
  Object.assign(ends, { from: null, to: null });
  Object.assign(state, { from: '', to: '' });
  $('from-name').textContent = '—';
  $('to-name').textContent = '—';
  $('find-paths').disabled = true;
  $('paths').replaceChildren();
  graph.highlight([], []);
  writeState(state);
}

/** The link-type filter and the legend, from the registry's declared model. */
function loadFilters() {
  kinds = MODEL.linkKinds.map((kind) => kind.kind);
  $('filter-list').replaceChildren(...kinds.map((kind) => el('label', { 'data-kind': kind },
    el('input', { type: 'checkbox', value: kind, checked: !state.hide.includes(kind),
      onchange: (event) => toggleKind(kind, event.target.checked) }),
    el('span', { class: 'swatch', style: `background:${LINK_COLOURS[kind] || '#94a3b8'}` }),
    kindLabel(kind))));
  panels.renderLegend($('legend-body'), MODEL);
}

function toggleKind(kind, shown) {
  state.hide = shown ? state.hide.filter((k) => k !== kind) : [...state.hide, kind];
  graph.hideKinds(state.hide);
  writeState(state);
}

async function entityById(id) {
  const entity = graph.entity(id) || (await graphql(NODE, { id })).node;
  if (!entity) throw new UnknownEntity(t('entity.unknown', { id }));
  return entity;
}

/** Rebuild a shared view from the URL. */
async function restore() {
  if (state.q) {
    $('search-text').value = state.q;
    await search(state.q);
  }
  for (const id of [state.focus, ...state.open].filter(Boolean)) {
    if (id.startsWith('group:')) openGroup(id);
    else await expand(id);
  }
  if (state.focus) graph.layout();
  for (const which of ['from', 'to']) if (state[which]) setEnd(which, await entityById(state[which]));
  if (ends.from && ends.to) await findPaths();
  if (state.link) {
    const link = (await graphql(NODE, { id: state.link })).node;
    if (!link?.kind) throw new UnknownEntity(t('explore.unknownLink', { id: state.link }));
    onEdge({ kind: link.kind, link });
  } else if (state.focus) {
    graph.select(state.focus);
    showNode(state.focus);
  }
}

function wire() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('search-text').value.trim();
    if (!text) return say(status, t('explore.typeName'));
    state.q = text;
    writeState(state, true);
    search(text).catch(report);
  });
  $('find-paths').addEventListener('click', () => findPaths().catch(report));
  $('clear-paths').addEventListener('click', clearPaths);
  // Back and forward replay a shared view from its URL.
  window.addEventListener('popstate', () => window.location.reload());
}

async function start() {
  graph = createGraph($('graph'), { node: onNode, edge: onEdge });
  window.registryGraph = graph; // for the browser tests and curious readers
  wire();
  try {
    loadFilters();
    await restore();
  } catch (error) {
    report(error);
  }
  document.body.dataset.ready = 'true';
}

start();
