// An entity's links as CSV (one row per link, numbers and dates as stated) and as JSON.
import { csvCell } from '/static/files.js';
import { kindLabel, roleLabel } from '/static/i18n.js';
import { others, ownSlots, roleOf } from './links.js';

const HEADER = ['entity_id', 'link_id', 'kind', 'kind_label', 'part', 'role', 'role_label',
  'other_ids', 'other_names', 'since', 'until', 'status', 'retired', 'source_ids',
  'source_titles', 'source_urls'];

const nameOf = (entity) => entity?.label || entity?.name || entity?.title || entity?.id || '';

function row(entity, link) {
  const parties = others(link, entity.id);
  const role = roleOf(link);
  return [entity.id, link.id, link.kind, kindLabel(link.kind), ownSlots(link, entity.id)
    .join(' | '), role, role && roleLabel(role), parties.map((p) => p.entity?.id).join(' | '),
  parties.map((p) => nameOf(p.entity)).join(' | '), link.since, link.until, link.status,
  link.retired ? 'true' : 'false', link.sources.map((s) => s.id).join(' | '),
  link.sources.map((s) => s.title).join(' | '), link.sources.map((s) => s.url || '').join(' | ')];
}

/** The links as CSV text: a header row, then one row per link. */
export function linksCsv(entity, separator = ',') {
  const lines = [HEADER, ...(entity.links || []).map((link) => row(entity, link))];
  return `${lines.map((cells) => cells.map((cell) => csvCell(cell, separator)).join(separator))
    .join('\r\n')}\r\n`;
}

/** The entity's links as JSON, as the API gave them, with where and when they came from. */
export function linksJson(entity, address) {
  return `${JSON.stringify({ entity: { id: entity.id, type: entity.__typename, name: nameOf(entity) },
    source: address, exported: new Date().toISOString(), links: entity.links || [] }, null, 2)}\n`;
}
