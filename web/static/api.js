// The public GraphQL API, as the pages use it, and small DOM helpers they share.

export class ApiDown extends Error {}
export class ApiError extends Error {}

const DOWN = 'The registry API cannot be reached: check that the server is running, then reload.';

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
  if (error instanceof ApiError) return `The registry API refused the request: ${error.message}`;
  return `Something went wrong in this page: ${error.message}`;
}

/** The name to show for any entity: its label, else French, else Arabic, else its id. */
export function nameOf(entity) {
  if (!entity) return '';
  return entity.label || entity.name || entity.title || entity.nameFr || entity.nameEn
    || entity.nameAr || entity.id;
}

/** Arabic name shown beside the main one when they differ. */
export function otherName(entity) {
  const main = nameOf(entity);
  return entity?.nameAr && entity.nameAr !== main ? entity.nameAr : '';
}

/** A readable kind: the GraphQL type, and a territory's type (URBAN, PROVINCE...). */
export function kindOf(entity) {
  const type = entity?.__typename || '';
  const detail = entity?.type || entity?.kind;
  return detail && detail !== type.toUpperCase() ? `${type} · ${detail.toLowerCase()}` : type;
}
