// Coverage of a network or programme, or of twinnings abroad, by region, with drill-down to
// provinces; state in the URL.
import { bidi, el, entityLink, failure, graphql, nameOf, say } from '/static/api.js';
import { date, lang, number, t, tn, valueLabel } from '/static/i18n.js';
import { renderChart } from './chart.js';
import { download } from '/static/files.js';
import { coverageCsv } from './csv.js';
import { COVERAGE, MORE_SUBJECTS, SUBJECTS, TWINNING_COUNTRIES, TWINNING_COVERAGE }
  from './queries.js';
import { countriesText, countryName, levelsOf, renderTable, rows, twinnedLevels, twinningRows }
  from './table.js';

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

function writeState(push) {
  const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value));
  query.delete(state.by === 'REGION' ? 'by' : '');
  // A language given in the address stays there: a copied link opens in the same language.
  if (params.get('lang')) query.set('lang', params.get('lang'));
  window.history[push ? 'pushState' : 'replaceState'](null, '', `?${query}`);
}

function subjectName() {
  if (state.subject === TWINNINGS) {
    return state.country ? t('coverage.twinningsWith', { country: countryName(state.country) })
      : t('coverage.twinningsAbroad');
  }
  return nameOf(subjects.find((subject) => subject.id === state.subject));
}

async function coverage(groupBy) {
  const key = state.subject.startsWith('programme:') ? 'programme' : 'network';
  const data = await graphql(COVERAGE, { [key]: state.subject, groupBy });
  if (!data.coverage) throw new Unknown(t('coverage.unknownSubject', { id: state.subject }));
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
      .sort((a, b) => a.name.localeCompare(b.name, lang));
    $('country').replaceChildren(el('option', { value: '' }, t('coverage.allCountries')),
      ...twinCountries.map((country) => el('option', { value: country.countryCode },
        `${country.name} (${number(country.twinnings)})`)));
  }
  if (state.country && !twinCountries.some((country) => country.countryCode === state.country)) {
    throw new Unknown(t('coverage.unknownCountry', { country: state.country }));
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
  let scope = state.by === 'PROVINCE' ? t('coverage.allProvinces') : t('coverage.allRegions');
  if (drilled) {
    const region = (await fetchGroups('REGION')).groups
      .find((g) => g.territory?.id === state.region);
    if (!region) throw new Unknown(t('coverage.unknownRegion', { id: state.region }));
    groups = groups.filter((group) => group.territory?.region?.id === state.region);
    national = region;
    scope = t('coverage.provincesOf', { name: region.territory.name });
  }
  const canDrill = !drilled && state.by === 'REGION';
  const drill = canDrill ? (index) => drillInto(groups[index].territory.id) : null;
  $('scope').textContent = scope;
  $('up').hidden = !drilled;
  table = null;
  if (twinnings) {
    showTwinnings(groups, national, scope, drill);
    $('summary').textContent = '';
  } else {
    const levels = levelsOf(national, groups);
    table = rows(groups, national, levels);
    $('chart-caption').textContent = t('coverage.caption', { subject: subjectName(), scope });
    renderChart($('chart'), groups, levels, drill);
    renderTable($('table'), `${subjectName()} — ${scope}`, table, drill);
    renderSummary(found.memberCount);
    renderStated(found, drilled);
  }
  table.scope = scope;
  table.sources = twinnings ? [] : found.memberCount.statedBy;
  $('export').disabled = false;
  say(status, twinnings && !national.twinnings ? t('coverage.noTwinning') : '');
}

/** The whole (Morocco, or the region drilled into) first, then its regions or provinces. */
function showTwinnings(groups, whole, scope, drill) {
  const lead = whole.territory ? whole : { ...whole, territory: { name: t('coverage.morocco') } };
  const levels = twinnedLevels(whole, groups);
  const twinningsOf = (group) => tn('coverage.twinningCount', group.twinnings);
  const note = (group) => (group.countries.length
    ? `${twinningsOf(group)}: ${countriesText(group.countries, 3)}` : twinningsOf(group));
  table = twinningRows(groups, lead, levels);
  $('chart-caption').textContent = t('coverage.twinnedCaption', { subject: subjectName(),
    scope });
  renderChart($('chart'), groups, levels, drill, { lead, note,
    label: t('coverage.twinnedChartLabel') });
  renderTable($('table'), `${subjectName()} — ${scope}`, table, drill);
  renderTwinned(lead);
}

function renderTwinned(whole) {
  const members = whole.members || [];
  if (!members.length) return $('stated').replaceChildren();
  const title = t('coverage.twinnedIn', { name: whole.territory.name,
    n: number(members.length) });
  $('stated').replaceChildren(el('h2', {}, title),
    el('ul', { class: 'twinned' }, ...members.map((member) => el('li', {},
      entityLink(member)))));
}

function sourceLinks(sources) {
  return sources.flatMap((source, index) => [index ? ', ' : '', source.url
    ? el('a', { href: source.url, target: '_blank', rel: 'noopener' }, bidi(source.title))
    : el('cite', {}, bidi(source.title))]);
}

/** The first line: members recorded by name against the number the sources state. */
function renderSummary(count) {
  const values = { recorded: number(count.recorded), stated: number(count.stated) };
  if (count.stated === null || count.stated === undefined) {
    $('summary').replaceChildren(tn('coverage.summaryUnstated', count.recorded, values));
    return;
  }
  const when = count.statedOn ? ` (${t('link.asOf', { date: date(count.statedOn) })})` : '';
  $('summary').replaceChildren(t('coverage.summaryStated', values), when,
    count.statedBy.length ? ` — ${t('coverage.statedBy')} ` : '', ...sourceLinks(count.statedBy));
}

function entityList(title, entities) {
  if (!entities.length) return [];
  return [el('h2', {}, title), el('ul', {}, ...entities.map((entity) => el('li', {},
    entityLink(entity))))];
}

/** Members abroad and other members, the programme's funders apart, and the stated counts. */
function renderStated(found, drilled) {
  const parts = drilled ? [] : [
    ...entityList(t('coverage.otherMembers'), [...found.membersAbroad, ...found.otherMembers]),
    ...entityList(t('coverage.funders'), found.funders)];
  const counts = found.statedCounts;
  if (!counts.length) return $('stated').replaceChildren(...parts);
  $('stated').replaceChildren(...parts, el('h2', {}, t('coverage.whatSourcesState')),
    el('ul', {}, ...counts.map((count) => el('li', {},
      `${valueLabel(count.measure)}, ${valueLabel(count.category)}: ${number(count.value)}`,
      count.asOf ? ` (${t('link.asOf', { date: date(count.asOf) })})` : '', ' — ',
      ...sourceLinks(count.sources)))));
}

function drillInto(regionId) {
  state.region = regionId;
  writeState(true);
  run();
}

function run() {
  $('group-by').value = state.region ? 'PROVINCE' : state.by;
  $('export').disabled = true;
  say(status, t('common.loading'));
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
    el('optgroup', { label: t('coverage.networks') }, ...data.networks.map(option)),
    el('optgroup', { label: t('coverage.programmes') }, ...data.programmes.map(option)),
    el('optgroup', { label: t('coverage.twinnings') }, el('option', { value: TWINNINGS },
      t('coverage.twinningsAbroad'))));
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
  // Semicolons (and decimal commas) by default on French pages, as French spreadsheets read
  // CSV; the reader's choice is remembered.
  const kept = localStorage.getItem('registry.csvSemicolon');
  $('semicolon').checked = kept === null ? lang === 'fr' : kept === 'true';
  $('semicolon').addEventListener('change', (event) => localStorage.setItem(
    'registry.csvSemicolon', String(event.target.checked)));
  $('export').addEventListener('click', () => {
    const slug = [state.subject, state.country, state.region || state.by].filter(Boolean).join('-')
      .replace(/[^A-Za-z0-9]+/g, '-');
    const about = { subject: `${subjectName()} (${state.subject})`, scope: table.scope,
      date: new Date().toISOString().slice(0, 10), address: window.location.href,
      sources: table.sources.map((source) => [source.title, source.url].filter(Boolean)
        .join(', ')) };
    download(`coverage-${slug}.csv`, coverageCsv(table, about, $('semicolon').checked ? ';' : ','));
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
      return say(status, t('coverage.nothing'));
    }
    if (!state.subject) state.subject = subjects[0].id;
    if (!twinnings && !subjects.some((subject) => subject.id === state.subject)) {
      throw new Unknown(t('coverage.unknownSubject', { id: state.subject }));
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
