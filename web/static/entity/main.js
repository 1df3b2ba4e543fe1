// The page of one entity: names, place, facts, links by kind with sources, history, exports.
import { el, failure, graphql, nameOf, otherName, say } from '/static/api.js';
import { t } from '/static/i18n.js';
import { download } from '/static/files.js';
import { linksCsv, linksJson } from './export.js';
import { children, factRows, hierarchy, renderHistory, renderNames, table } from './facts.js';
import { renderLinks } from './links.js';
import { ENTITY } from './queries.js';
import { renderMentions } from './mentions.js';
import { sourceList } from './sources.js';

const $ = (id) => document.getElementById(id);
const main = document.querySelector('main.entity');
const id = main.dataset.entityId;
const slug = id.replace(/[^A-Za-z0-9]+/g, '-');

function heading(entity) {
  const other = otherName(entity);
  $('entity-name').replaceChildren(nameOf(entity), ...(other ? [' ', el('small',
    { dir: 'auto' }, other)] : []));
  $('entity-kind').textContent = factRows(entity)[0][1];
  $('entity-hierarchy').replaceChildren(...hierarchy(entity));
  $('open-explorer').href = `/explore?focus=${encodeURIComponent(entity.id)}`;
}

function render(entity, changes) {
  heading(entity);
  renderNames($('entity-names'), entity);
  $('entity-facts').replaceChildren(table(factRows(entity).slice(1)), children(entity) || '');
  renderLinks($('entity-links'), entity.links || [], entity.id);
  $('entity-sources').replaceChildren(sourceList(entity.sources));
  renderHistory($('entity-history'), changes);
  renderMentions($('mentions-section'), $('entity-mentions'), entity);
  $('export-csv').addEventListener('click', () => download(`links-${slug}.csv`,
    linksCsv(entity), 'text/csv;charset=utf-8'));
  $('export-json').addEventListener('click', () => download(`links-${slug}.json`,
    linksJson(entity, window.location.href), 'application/json'));
}

async function start() {
  try {
    const data = await graphql(ENTITY, { id });
    if (!data.node) {
      say($('status'), t('entity.unknown', { id }), 'error');
      return;
    }
    render(data.node, data.changes);
    say($('status'), '');
    $('entity').hidden = false;
  } catch (error) {
    say($('status'), failure(error), 'error');
  } finally {
    document.body.dataset.ready = 'true';
  }
}

start();
