// Coverage of a network or programme, or of twinnings abroad, by region, with drill-down to
// provinces; state in the URL.
import { el, failure, graphql, nameOf, say } from '/static/api.js';
import { renderChart } from './chart.js';
import { COVERAGE, MORE_SUBJECTS, SUBJECTS, TWINNING_COUNTRIES, TWINNING_COVERAGE }
  from './queries.js';
import { countriesText, countryName, download, levelsOf, renderTable, rows, toCsv, twinnedLevels,
  twinningRows } from './table.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const params = new URLSearchParams(window.location.search);
// The subject value of twinnings abroad: not an entity id, so it cannot clash with one.
const TWINNINGS = 'twinnings';
const state = { subject: params.get('subject') || '', region: params.get('region') || '',
  by: params.get('by') === 'PROVINCE' ? 'PROVINCE' : 'REGION',
  country: params.get('country') || '' };
let subjects = [];
let table = null;
let twinCountries = null;

class Unknown extends Error {}

const words = (text) => text.toLowerCase().replaceAll('_', ' ');

function writeState(push) {
  const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value));
  query.delete(state.by === 'REGION' ? 'by' : '');
  window.history[push ? 'pushState' : 'replaceState'](null, '', `?${query}`);
}

function subjectName() {
  if (state.subject === TWINNINGS) {
    const country = state.country ? ` with ${countryName(state.country)}` : '';
    return `Twinnings abroad${country}`;
  }
  return nameOf(subjects.find((subject) => subject.id === state.subject));
}

async function coverage(groupBy) {
  const key = state.subject.startsWith('programme:') ? 'programme' : 'network';
  const data = await graphql(COVERAGE, { [key]: state.subject, groupBy });
  if (!data.coverage) throw new Unknown(`No network or programme has the id “${state.subject}”.`);
  return data.coverage;
}

/** Twinnings abroad, each group flattened: its coverage, its twinnings and their countries. */
async function twinningCoverage(groupBy) {
  const data = await graphql(TWINNING_COVERAGE, { groupBy, country: state.country || null });
  const flat = (group) => ({ ...group.coverage, twinnings: group.twinnings,
    countries: group.countries });
  return { national: flat(data.twinningCoverage.national),
    groups: data.twinningCoverage.groups.map(flat) };
}

/** The country filter: the countries of the national figures, by name, with their twinnings. */
async function fillCountries() {
  if (!twinCountries) {
    const data = await graphql(TWINNING_COUNTRIES);
    twinCountries = data.twinningCoverage.national.countries
      .map((country) => ({ ...country, name: countryName(country.countryCode) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    $('country').replaceChildren(el('option', { value: '' }, 'All countries'),
      ...twinCountries.map((country) => el('option', { value: country.countryCode },
        `${country.name} (${country.twinnings})`)));
  }
  if (state.country && !twinCountries.some((country) => country.countryCode === state.country)) {
    throw new Unknown(`No twinning abroad is recorded with the country “${state.country}” (from `
      + 'the link you opened). Choose one from the list.');
  }
  $('country').value = state.country;
}

async function load() {
  const twinnings = state.subject === TWINNINGS;
  $('country-filter').hidden = !twinnings;
  if (twinnings) await fillCountries();
  const fetchGroups = twinnings ? twinningCoverage : coverage;
  const drilled = Boolean(state.region);
  const found = await fetchGroups(drilled ? 'PROVINCE' : state.by);
  let { groups, national } = found;
  let scope = state.by === 'PROVINCE' ? 'All provinces and prefectures' : 'All regions';
  if (drilled) {
    const region = (await fetchGroups('REGION')).groups
      .find((g) => g.territory?.id === state.region);
    if (!region) throw new Unknown(`No region has the id “${state.region}” in this view.`);
    groups = groups.filter((group) => group.territory?.region?.id === state.region);
    national = region;
    scope = `Provinces and prefectures of ${region.territory.name}`;
  }
  const canDrill = !drilled && state.by === 'REGION';
  const drill = canDrill ? (index) => drillInto(groups[index].territory.id) : null;
  $('scope').textContent = scope;
  $('up').hidden = !drilled;
  if (twinnings) {
    showTwinnings(groups, national, scope, drill);
  } else {
    const levels = levelsOf(national, groups);
    table = rows(groups, national, levels);
    $('chart-caption').textContent = `${subjectName()}: members against totals (${scope})`;
    renderChart($('chart'), groups, levels, drill);
    renderTable($('table'), `${subjectName()} — ${scope}`, table, drill);
    renderStated(found.statedCounts, drilled ? [] : [...found.membersAbroad, ...found.otherMembers]);
  }
  $('export').disabled = false;
  say(status, twinnings && !national.twinnings ? 'No twinning abroad is recorded here.' : '');
}

/** The whole (Morocco, or the region drilled into) first, then its regions or provinces. */
function showTwinnings(groups, whole, scope, drill) {
  const lead = whole.territory ? whole : { ...whole, territory: { name: 'Morocco' } };
  const levels = twinnedLevels(whole, groups);
  const twinningsOf = (group) => `${group.twinnings} `
    + `${group.twinnings === 1 ? 'twinning' : 'twinnings'}`;
  const note = (group) => (group.countries.length
    ? `${twinningsOf(group)}: ${countriesText(group.countries, 3)}` : twinningsOf(group));
  table = twinningRows(groups, lead, levels);
  $('chart-caption').textContent = `${subjectName()}: collectivities twinned against totals `
    + `(${scope})`;
  renderChart($('chart'), groups, levels, drill, { lead, note, label: 'Collectivities twinned '
    + 'abroad against totals, population covered, twinnings and the countries of the twins, by '
    + 'territory; the same numbers are in the table.' });
  renderTable($('table'), `${subjectName()} — ${scope}`, table, drill);
  renderTwinned(lead);
}

function renderTwinned(whole) {
  const members = whole.members || [];
  if (!members.length) return $('stated').replaceChildren();
  const title = `Collectivities twinned abroad in ${whole.territory.name} (${members.length})`;
  $('stated').replaceChildren(el('h2', {}, title),
    el('ul', { class: 'twinned' }, ...members.map((member) => el('li', { dir: 'auto' },
      el('a', { href: `/explore?focus=${encodeURIComponent(member.id)}` }, nameOf(member))))));
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

/** Every network and programme: the first pages, then the next ones of each until empty. */
async function allSubjects() {
  const data = await graphql(SUBJECTS);
  await Promise.all(Object.entries(MORE_SUBJECTS).map(async ([key, query]) => {
    let page = data[key];
    while (page.length) {
      page = (await graphql(query, { offset: data[key].length }))[key];
      data[key] = [...data[key], ...page];
    }
  }));
  return data;
}

function fillSubjects(data) {
  subjects = [...data.networks, ...data.programmes];
  const option = (item) => el('option', { value: item.id, dir: 'auto' }, nameOf(item));
  $('subject').replaceChildren(
    el('optgroup', { label: 'Networks' }, ...data.networks.map(option)),
    el('optgroup', { label: 'Programmes' }, ...data.programmes.map(option)),
    el('optgroup', { label: 'Twinnings' }, el('option', { value: TWINNINGS }, 'Twinnings abroad')));
}

function wire() {
  $('subject').addEventListener('change', (event) => {
    Object.assign(state, { subject: event.target.value, region: '', country: '' });
    writeState(true);
    run();
  });
  $('group-by').addEventListener('change', (event) => {
    Object.assign(state, { by: event.target.value, region: '' });
    writeState(true);
    run();
  });
  $('country').addEventListener('change', (event) => {
    state.country = event.target.value;
    writeState(true);
    run();
  });
  $('up').addEventListener('click', () => drillInto(''));
  $('export').addEventListener('click', () => {
    const slug = [state.subject, state.country, state.region || state.by].filter(Boolean).join('-')
      .replace(/[^A-Za-z0-9]+/g, '-');
    download(`coverage-${slug}.csv`, toCsv(table));
  });
  window.addEventListener('popstate', () => window.location.reload());
}

async function start() {
  wire();
  try {
    fillSubjects(await allSubjects());
    const twinnings = state.subject === TWINNINGS;
    if (!twinnings) state.country = '';
    if (!subjects.length && !twinnings) {
      return say(status, 'No network or programme is recorded yet.');
    }
    if (!state.subject) state.subject = subjects[0].id;
    if (!twinnings && !subjects.some((subject) => subject.id === state.subject)) {
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
