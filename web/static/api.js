// The public GraphQL API, as the pages use it, and small DOM helpers they share.
import { lang, t, typeLabel, valueLabel } from '/static/i18n.js';

export class ApiDown extends Error {}
export class ApiError extends Error {}

const DOWN = t('api.down');

/** POST an operation to /graphql; resolves to its data, rejects with ApiDown or ApiError. */
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiDown(DOWN);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiDown(`${DOWN} (HTTP ${response.status})`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body.data) throw new ApiDown(`${DOWN} (HTTP ${response.status})`);
  return body.data;
}

/** An element with attributes (on* are listeners) and children (strings or nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** Show a message in a status region; kind 'error' styles it as an error. */
export function say(region, message, kind = 'info') {
  region.textContent = message || '';
  region.classList.toggle('error', kind === 'error');
}

/** The message for a failed call, whatever failed. */
export function failure(error) {
  if (error instanceof ApiDown) return error.message;
  if (error instanceof ApiError) return t('api.refused', { message: error.message });
  return t('api.broken', { message: error.message });
}

/** The entity's usual name: its label, else French, else Arabic, else its id. */
function latinName(entity) {
  return entity.label || entity.name || entity.title || entity.nameFr || entity.nameEn
    || entity.nameAr || entity.id;
}

/** The name to show for any entity: the Arabic one first on Arabic pages. */
export function nameOf(entity) {
  if (!entity) return '';
  return (lang === 'ar' && entity.nameAr) || latinName(entity);
}

/** The other script's name, shown beside the main one when they differ. */
export function otherName(entity) {
  if (!entity) return '';
  const main = nameOf(entity);
  const other = lang === 'ar' ? latinName(entity) : entity.nameAr;
  return other && other !== main ? other : '';
}

/** A readable kind: the entity's type, and a territory's type (urban, province...). */
export function kindOf(entity) {
  const type = entity?.__typename || '';
  const detail = entity?.type || entity?.kind;
  const shown = typeLabel(type);
  return detail && detail !== type.toUpperCase() ? `${shown} · ${valueLabel(detail)}` : shown;
}

/** Text in another direction, isolated so that it does not scramble what surrounds it. */
export function bidi(text) {
  return el('bdi', {}, text);
}

/** The address of an entity's page (ids keep their colons: a readable address to cite). */
export const entityHref = (id) => `/entity/${encodeURIComponent(id).replaceAll('%3A', ':')}`;

/** A link to an entity's page. */
export function entityLink(entity, text = nameOf(entity)) {
  return el('a', { href: entityHref(entity.id), dir: 'auto' }, text);
}
