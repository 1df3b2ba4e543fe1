// The interactive graph, drawn by Cytoscape.js (bundled with the registry, no CDN). Shapes and
// colours come from /model.json (the registry's declared model), as does the legend.
import cytoscape from '/static/vendor/cytoscape/cytoscape.esm.min.mjs';
import { nameOf, otherName } from '/static/api.js';
import { kindLabel, roleLabel } from '/static/i18n.js';

export const MODEL = await fetch('/model.json').then((answer) => answer.json());
export const LINK_COLOURS = Object.fromEntries(MODEL.linkKinds.map((k) => [k.kind, k.colour]));
export const NODE_STYLE = Object.fromEntries(MODEL.entityTypes.map((t) => [t.type, t]));
const CONTAINMENT = new Set(MODEL.containment);
const FONT = 'system-ui, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif';

const STYLE = [
  { selector: 'node', style: {
    label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 130, 'font-size': 10,
    'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22, 'font-family': FONT,
    'background-color': (node) => NODE_STYLE[node.data('type')]?.colour || '#64748b',
    shape: (node) => NODE_STYLE[node.data('type')]?.shape || 'ellipse' } },
  { selector: 'node.group', style: { shape: 'round-rectangle', width: 34, height: 22,
    'background-color': '#fff', 'border-width': 2, 'border-style': 'dashed',
    'border-color': '#475569', label: 'data(label)' } },
  { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#1d2433' } },
  { selector: 'node:selected', style: { 'background-color': '#f59e0b' } },
  { selector: 'edge', style: {
    width: 2, 'curve-style': 'bezier', 'line-color': (edge) => LINK_COLOURS[edge.data('kind')]
      || '#94a3b8', 'target-arrow-shape': 'none', label: 'data(caption)', 'font-size': 8,
    'text-rotation': 'autorotate', color: '#475569', 'text-background-color': '#fff',
    'text-background-opacity': 0.8, 'font-family': FONT } },
  // Containment (the census hierarchy, a unit of a body) is not a sourced relationship.
  { selector: 'edge.containment', style: { 'line-style': 'dashed', 'line-color': '#94a3b8',
    width: 1.5, label: '' } },
  { selector: 'edge.to-group', style: { 'line-style': 'dotted', width: 1.5 } },
  { selector: 'edge:selected', style: { width: 5 } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: 'node.on-path', style: { 'background-color': '#d97706', 'border-width': 3,
    'border-color': '#92400e' } },
  { selector: 'edge.on-path', style: { 'line-color': '#d97706', width: 5, 'z-index': 10 } },
  { selector: '.faded', style: { opacity: 0.25 } },
];

export function nodeData(entity) {
  const main = nameOf(entity);
  const other = otherName(entity);
  return { id: entity.id, label: other ? `${main}\n${other}` : main, type: entity.__typename,
    territory: Boolean(entity.level), entity };
}

/** A twinning joins its two parties only: its programme is shown in the link's details. */
function endsOf(edge) {
  if (edge.kind !== 'TWINNING' || !edge.link?.parties) return [edge.from, edge.to];
  const twins = edge.link.parties.filter((p) => p.slot === 'party').map((p) => p.entity?.id);
  return twins.length === 2 ? twins : [edge.from, edge.to];
}

export function edgeData(edge) {
  const [source, target] = endsOf(edge);
  const id = edge.link?.id ? `${edge.link.id}|${[source, target].sort().join('|')}`
    : `${source}|${edge.kind}|${target}`;
  const role = edge.role || edge.link?.participationRole || edge.link?.eventRole
    || edge.link?.documentRole;
  const caption = role ? roleLabel(role) : kindLabel(edge.kind);
  return { id, source, target, kind: edge.kind, caption, edge };
}

/** The graph in `container`; `on.node(id)` and `on.edge(edge)` are called on taps. */
export function createGraph(container, on) {
  const cy = cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 3 });
  cy.on('tap', 'node', (event) => on.node(event.target.id()));
  cy.on('tap', 'edge', (event) => on.edge(event.target.data('edge')));
  const graph = {
    cy,
    has: (id) => cy.getElementById(id).nonempty(),
    entity: (id) => cy.getElementById(id).data('entity'),
    clear: () => cy.elements().remove(),
    /** Add entities not yet drawn, on a circle around `near` (an entity id) when drawn. */
    addEntities(entities, near) {
      const fresh = entities.filter((entity, index) => !graph.has(entity.id)
        && entities.findIndex((other) => other.id === entity.id) === index);
      const centre = near && graph.has(near) ? cy.getElementById(near).position() : { x: 0, y: 0 };
      const radius = Math.max(120, fresh.length * 14);
      cy.add(fresh.map((entity, index) => {
        const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1);
        return { group: 'nodes', data: nodeData(entity),
          position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) } };
      }));
    },
    addEdges(edges) {
      const fresh = edges.map(edgeData).filter((data, index, all) => !graph.has(data.id)
        && all.findIndex((other) => other.id === data.id) === index
        && data.source !== data.target && graph.has(data.source) && graph.has(data.target));
      cy.add(fresh.map((data) => ({ group: 'edges', data,
        classes: CONTAINMENT.has(data.kind) ? 'containment' : '' })));
    },
    /** A node standing for `count` neighbours of `owner` linked by `kind`, not drawn yet. */
    addGroup(owner, kind, members, label) {
      const id = `group:${owner}:${kind}`;
      if (graph.has(id)) return;
      const centre = cy.getElementById(owner).position();
      cy.add([{ group: 'nodes', classes: 'group', data: { id, label, type: 'group', owner,
        kind, members }, position: { x: centre.x + 60, y: centre.y + 60 } },
      { group: 'edges', classes: 'to-group', data: { id: `${id}|edge`, source: owner,
        target: id, kind, caption: '' } }]);
    },
    removeGroup: (id) => cy.getElementById(id).remove(),
    group: (id) => cy.getElementById(id).data(),
    markExpanded: (id) => cy.getElementById(id).data('expanded', true),
    isExpanded: (id) => Boolean(cy.getElementById(id).data('expanded')),
    select(id) { cy.elements().unselect(); cy.getElementById(id).select(); },
    /** The drawn links of a node: each {edge, other} (the neighbour's id). */
    linksOf(id) {
      return cy.getElementById(id).connectedEdges().filter((e) => e.data('edge'))
        .map((e) => ({ edge: e.data('edge'), other: e.source().id() === id ? e.target().id()
          : e.source().id() }));
    },
    hideKinds(kinds) {
      cy.edges().forEach((edge) => edge.toggleClass('hidden', kinds.includes(edge.data('kind'))));
      // By the class just set, not ':visible' (which waits for the style to be recomputed,
      // and left a node shown now and then on a loaded machine).
      cy.nodes().forEach((node) => node.toggleClass('hidden', !node.data('expanded')
        && node.connectedEdges().filter((edge) => !edge.hasClass('hidden')).empty()
        && node.connectedEdges().nonempty()));
    },
    highlight(nodeIds, edgeIds) {
      cy.elements().removeClass('on-path faded');
      if (!nodeIds.length) return;
      cy.elements().addClass('faded');
      for (const id of [...nodeIds, ...edgeIds]) cy.getElementById(id).removeClass('faded').addClass('on-path');
    },
    edgeIdFor: (edge) => edgeData(edge).id,
    /** Lay the graph out again (new nodes start where they were added), without overlaps. */
    layout() {
      cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 60000,
        idealEdgeLength: () => 110, nodeOverlap: 40, padding: 30, numIter: 2000,
        componentSpacing: 80, nodeDimensionsIncludeLabels: true }).run();
      cy.fit(undefined, 60);
      if (cy.zoom() > 1.4) {
        cy.zoom(1.4);
        cy.center();
      }
    },
  };
  return graph;
}
