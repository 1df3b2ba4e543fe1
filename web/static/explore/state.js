// The explorer's state in the URL's query string, so that a view can be shared.
//   q: search text; focus: the entity in the middle; open: other expanded entities;
//   hide: link types hidden; from, to: the two ends of a connection; link: link shown.

const LISTS = ['open', 'hide'];
const KEYS = ['q', 'focus', 'open', 'hide', 'from', 'to', 'link'];

/** The state read from the current URL. */
export function readState(location = window.location) {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of KEYS) {
    const value = params.get(key) || '';
    state[key] = LISTS.includes(key) ? value.split(',').filter(Boolean) : value;
  }
  return state;
}

/** Write the state to the URL (replacing the entry unless `push`), without reloading. */
export function writeState(state, push = false) {
  const params = new URLSearchParams();
  // A language given in the address stays there: a copied link opens in the same language.
  const lang = new URLSearchParams(window.location.search).get('lang');
  if (lang) params.set('lang', lang);
  for (const key of KEYS) {
    const value = LISTS.includes(key) ? (state[key] || []).join(',') : state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  window.history[push ? 'pushState' : 'replaceState'](null, '', url);
}
