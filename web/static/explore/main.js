// The network explorer: search, neighbourhoods, connections and link details, state in the URL.
import { el, failure, graphql, nameOf, say } from '/static/api.js';
import { createGraph, LINK_COLOURS } from './graph.js';
import * as panels from './panels.js';
import { CONNECTIONS, LINK_KINDS, NEIGHBOURHOOD, NODE, SEARCH } from './queries.js';
import { readState, writeState } from './state.js';

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
  say(status, hits.length ? `${hits.length} found for “${text}”.`
    : `No entity matches “${text}”. Try another spelling, or the name in Arabic or French.`);
}

/** Load an entity's neighbourhood into the graph. */
async function expand(id) {
  const found = (await graphql(NEIGHBOURHOOD, { id })).neighbourhood;
  if (!found?.nodes.length) {
    throw new UnknownEntity(`No entity has the id “${id}” (it may come from an old or mistyped `
      + 'link). Search for it by name instead.');
  }
  graph.addEntities(found.nodes, id);
  graph.addEdges(found.edges.map(flatEdge));
  graph.markExpanded(id);
  graph.hideKinds(state.hide);
  $('graph-empty').hidden = true;
  if (found.truncated) say(status, `Only part of the network around ${nameOf(found.nodes[0])} is shown.`);
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

function showNode(id) {
  panels.renderNode($('details'), graph.entity(id), {
    focus: (target) => pick(graph.entity(target)),
    from: (entity) => setEnd('from', entity),
    to: (entity) => setEnd('to', entity),
  });
}

async function onNode(id) {
  showNode(id);
  state.link = '';
  if (graph.isExpanded(id)) return writeState(state);
  try {
    await expand(id);
    state.open = [...state.open, id];
    writeState(state);
    graph.layout();
  } catch (error) {
    report(error);
  }
}

function onEdge(edge) {
  panels.renderLink($('details'), edge);
  state.link = edge.link?.id || '';
  writeState(state);
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
    const why = found.truncated ? ' (the search stopped at its limit)' : '';
    say(status, `No connection found between ${nameOf(ends.from)} and ${nameOf(ends.to)}`
      + `${state.hide.length ? ' through the link types shown' : ''}${why}.`);
    graph.highlight([], []);
    return;
  }
  say(status, `${paths.length} connection${paths.length === 1 ? '' : 's'} found.`);
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

async function loadFilters() {
  const values = (await graphql(LINK_KINDS)).__type?.enumValues || [];
  kinds = values.map((kind) => kind.name);
  $('filter-list').replaceChildren(...values.map((kind) => el('label', { title: kind.description },
    el('input', { type: 'checkbox', value: kind.name, checked: !state.hide.includes(kind.name),
      onchange: (event) => toggleKind(kind.name, event.target.checked) }),
    el('span', { class: 'swatch', style: `background:${LINK_COLOURS[kind.name] || '#94a3b8'}` }),
    kind.name.toLowerCase().replaceAll('_', ' '))));
}

function toggleKind(kind, shown) {
  state.hide = shown ? state.hide.filter((k) => k !== kind) : [...state.hide, kind];
  graph.hideKinds(state.hide);
  writeState(state);
}

async function entityById(id) {
  const entity = graph.entity(id) || (await graphql(NODE, { id })).node;
  if (!entity) throw new UnknownEntity(`No entity has the id “${id}” (from the link you opened).`);
  return entity;
}

/** Rebuild a shared view from the URL. */
async function restore() {
  if (state.q) {
    $('search-text').value = state.q;
    await search(state.q);
  }
  for (const id of [state.focus, ...state.open].filter(Boolean)) await expand(id);
  if (state.focus) graph.layout();
  for (const which of ['from', 'to']) if (state[which]) setEnd(which, await entityById(state[which]));
  if (ends.from && ends.to) await findPaths();
  if (state.link) {
    const link = (await graphql(NODE, { id: state.link })).node;
    if (!link?.kind) throw new UnknownEntity(`No link has the id “${state.link}”.`);
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
    if (!text) return say(status, 'Type a name to search for.');
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
    await loadFilters();
    await restore();
  } catch (error) {
    report(error);
  }
  document.body.dataset.ready = 'true';
}

start();
