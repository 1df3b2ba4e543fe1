// Coverage of a network or programme by region, with drill-down to provinces; state in the URL.
import { el, failure, graphql, nameOf, say } from '/static/api.js';
import { renderChart } from './chart.js';
import { COVERAGE, SUBJECTS } from './queries.js';
import { download, levelsOf, renderTable, rows, toCsv } from './table.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const params = new URLSearchParams(window.location.search);
const state = { subject: params.get('subject') || '', region: params.get('region') || '',
  by: params.get('by') === 'PROVINCE' ? 'PROVINCE' : 'REGION' };
let subjects = [];
let table = null;

class Unknown extends Error {}

const words = (text) => text.toLowerCase().replaceAll('_', ' ');

function writeState(push) {
  const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value));
  query.delete(state.by === 'REGION' ? 'by' : '');
  window.history[push ? 'pushState' : 'replaceState'](null, '', `?${query}`);
}

function subjectName() {
  return nameOf(subjects.find((subject) => subject.id === state.subject));
}

async function coverage(groupBy) {
  const key = state.subject.startsWith('programme:') ? 'programme' : 'network';
  const data = await graphql(COVERAGE, { [key]: state.subject, groupBy });
  if (!data.coverage) throw new Unknown(`No network or programme has the id “${state.subject}”.`);
  return data.coverage;
}

async function load() {
  const drilled = Boolean(state.region);
  const found = await coverage(drilled ? 'PROVINCE' : state.by);
  let { groups, national } = found;
  let scope = state.by === 'PROVINCE' ? 'All provinces and prefectures' : 'All regions';
  if (drilled) {
    const region = (await coverage('REGION')).groups.find((g) => g.territory?.id === state.region);
    if (!region) throw new Unknown(`No region has the id “${state.region}” in this view.`);
    groups = groups.filter((group) => group.territory?.region?.id === state.region);
    national = region;
    scope = `Provinces and prefectures of ${region.territory.name}`;
  }
  const levels = levelsOf(national, groups);
  const canDrill = !drilled && state.by === 'REGION';
  const drill = canDrill ? (index) => drillInto(groups[index].territory.id) : null;
  table = rows(groups, national, levels);
  $('scope').textContent = scope;
  $('up').hidden = !drilled;
  $('chart-caption').textContent = `${subjectName()}: members against totals (${scope})`;
  renderChart($('chart'), groups, levels, drill);
  renderTable($('table'), `${subjectName()} — ${scope}`, table, drill);
  renderStated(found.statedCounts, drilled ? [] : [...found.membersAbroad, ...found.otherMembers]);
  $('export').disabled = false;
  say(status, '');
}

function renderStated(counts, others) {
  const parts = [];
  if (others.length) {
    parts.push(el('h2', {}, 'Other members (not Moroccan collectivities)'),
      el('ul', {}, ...others.map((member) => el('li', { dir: 'auto' },
        el('a', { href: `/explore?focus=${encodeURIComponent(member.id)}` }, nameOf(member))))));
  }
  if (!counts.length) return $('stated').replaceChildren(...parts);
  $('stated').replaceChildren(...parts, el('h2', {}, 'What the sources state'),
    el('ul', {}, ...counts.map((count) => el('li', { dir: 'auto' },
      `${words(count.measure)}, ${words(count.category)}: ${count.value}`,
      count.asOf ? ` (as of ${count.asOf})` : '', ' — ',
      ...count.sources.map((source) => (source.url
        ? el('a', { href: source.url, target: '_blank', rel: 'noopener' }, source.title)
        : el('cite', {}, source.title)))))));
}

function drillInto(regionId) {
  state.region = regionId;
  writeState(true);
  run();
}

function run() {
  $('group-by').value = state.region ? 'PROVINCE' : state.by;
  $('export').disabled = true;
  say(status, 'Loading…');
  load().catch((error) => say(status, error instanceof Unknown ? error.message : failure(error),
    'error'));
}

function fillSubjects(data) {
  subjects = [...data.networks, ...data.programmes];
  const option = (item) => el('option', { value: item.id, dir: 'auto' }, nameOf(item));
  $('subject').replaceChildren(
    el('optgroup', { label: 'Networks' }, ...data.networks.map(option)),
    el('optgroup', { label: 'Programmes' }, ...data.programmes.map(option)));
}

function wire() {
  $('subject').addEventListener('change', (event) => {
    Object.assign(state, { subject: event.target.value, region: '' });
    writeState(true);
    run();
  });
  $('group-by').addEventListener('change', (event) => {
    Object.assign(state, { by: event.target.value, region: '' });
    writeState(true);
    run();
  });
  $('up').addEventListener('click', () => drillInto(''));
  $('export').addEventListener('click', () => {
    const slug = [state.subject, state.region || state.by].join('-').replace(/[^A-Za-z0-9]+/g, '-');
    download(`coverage-${slug}.csv`, toCsv(table));
  });
  window.addEventListener('popstate', () => window.location.reload());
}

async function start() {
  wire();
  try {
    fillSubjects(await graphql(SUBJECTS));
    if (!subjects.length) return say(status, 'No network or programme is recorded yet.');
    if (!state.subject) state.subject = subjects[0].id;
    if (!subjects.some((subject) => subject.id === state.subject)) {
      throw new Unknown(`No network or programme has the id “${state.subject}” (from the link `
        + 'you opened). Choose one from the list.');
    }
    $('subject').value = state.subject;
    writeState(false);
    await load();
  } catch (error) {
    say(status, error instanceof Unknown ? error.message : failure(error), 'error');
  } finally {
    document.body.dataset.ready = 'true';
  }
}

start();
