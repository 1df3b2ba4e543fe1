// The interactive graph, drawn by Cytoscape.js (bundled with the registry, no CDN).
import cytoscape from '/static/vendor/cytoscape/cytoscape.esm.min.mjs';
import { nameOf, otherName } from '/static/api.js';

// Colours of the kinds of link, as the registry declares them (domain/model.py).
export const LINK_COLOURS = Object.fromEntries(
  (await fetch('/model.json').then((answer) => answer.json())).linkKinds
    .map((kind) => [kind.kind, kind.colour]));
const NODE_SHAPES = {
  Region: 'round-hexagon', Province: 'round-hexagon', Commune: 'ellipse', Country: 'star',
  ForeignMunicipality: 'ellipse', Organisation: 'round-rectangle', Network: 'diamond',
  Programme: 'round-tag', Person: 'ellipse', Post: 'round-triangle', Event: 'round-pentagon',
  Document: 'rectangle', Source: 'rectangle',
};

const STYLE = [
  { selector: 'node', style: {
    label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 130, 'font-size': 10,
    'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22,
    'background-color': '#64748b', shape: (node) => NODE_SHAPES[node.data('type')] || 'ellipse',
    'font-family': 'system-ui, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif' } },
  { selector: 'node[?territory]', style: { 'background-color': '#0f766e' } },
  { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#1d2433' } },
  { selector: 'node:selected', style: { 'background-color': '#f59e0b' } },
  { selector: 'edge', style: {
    width: 2, 'curve-style': 'bezier', 'line-color': (edge) => LINK_COLOURS[edge.data('kind')]
      || '#94a3b8', 'target-arrow-shape': 'none', label: 'data(caption)', 'font-size': 8,
    'text-rotation': 'autorotate', color: '#475569', 'text-background-color': '#fff',
    'text-background-opacity': 0.8 } },
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

function edgeData(edge) {
  const id = edge.link?.id ? `${edge.link.id}|${edge.from}|${edge.to}` : `${edge.from}|${edge.kind}|${edge.to}`;
  const caption = (edge.role || edge.kind).toLowerCase().replaceAll('_', ' ');
  return { id, source: edge.from, target: edge.to, kind: edge.kind, caption, edge };
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
    /** Add entities not yet drawn, placed around `near` (an entity id) when it is drawn. */
    addEntities(entities, near) {
      const fresh = entities.filter((entity) => !graph.has(entity.id));
      const centre = near && graph.has(near) ? cy.getElementById(near).position() : { x: 0, y: 0 };
      cy.add(fresh.map((entity, index) => {
        const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1);
        return { group: 'nodes', data: nodeData(entity),
          position: { x: centre.x + 120 * Math.cos(angle), y: centre.y + 120 * Math.sin(angle) } };
      }));
    },
    addEdges(edges) {
      const fresh = edges.map(edgeData).filter((data) => !graph.has(data.id)
        && graph.has(data.source) && graph.has(data.target));
      cy.add(fresh.map((data) => ({ group: 'edges', data })));
    },
    markExpanded: (id) => cy.getElementById(id).data('expanded', true),
    isExpanded: (id) => Boolean(cy.getElementById(id).data('expanded')),
    select(id) { cy.elements().unselect(); cy.getElementById(id).select(); },
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
    /** Lay the graph out again; new nodes start where addEntities put them. */
    layout() {
      cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 40000,
        idealEdgeLength: () => 110, nodeOverlap: 20, padding: 30, numIter: 1500 }).run();
      cy.fit(undefined, 60);
      if (cy.zoom() > 1.4) {
        cy.zoom(1.4);
        cy.center();
      }
    },
  };
  return graph;
}
