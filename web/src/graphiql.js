// GraphiQL for the registry, bundled by tools/build_web.mjs: the explorer plugin and a
// panel of ready example operations. The page passes its settings in #graphiql-config.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

const h = React.createElement;
const here = new URL('.', import.meta.url);

globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(new URL(`${name}.worker.js`, here));
  },
};

function ExamplesIcon() {
  return h('svg', { viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': true },
    h('path', { d: 'M4 5h16M4 10h16M4 15h10M4 20h7', stroke: 'currentColor', strokeWidth: 1.8,
      fill: 'none', strokeLinecap: 'round' }));
}

function openExample(actions, editors, example) {
  actions.addTab();
  // addTab resets the editors to the new tab's (empty) values; fill them afterwards.
  setTimeout(() => {
    editors.query?.setValue(example.query);
    editors.variables?.setValue(example.variables || '');
  }, 0);
}

function examplesPlugin(examples, strings) {
  const say = (key, fallback) => strings[key] || fallback;
  const audiences = [...new Set(examples.map((example) => example.audience))];
  function Examples() {
    const actions = useGraphiQLActions();
    const query = useGraphiQL((state) => state.queryEditor);
    const variables = useGraphiQL((state) => state.variableEditor);
    return h('div', { className: 'registry-examples', dir: document.documentElement.dir },
      h('div', { className: 'graphiql-doc-explorer-title' }, say('graphiql.examples', 'Examples')),
      h('p', null, say('graphiql.intro', 'Ready questions; each opens in a new tab.')),
      ...audiences.map((audience) => h('section', { key: audience },
        h('h3', null, say(`graphiql.audience.${audience}`, audience)),
        h('ul', null, ...examples.filter((example) => example.audience === audience)
          .map((example) => h('li', { key: example.name },
            h('button', {
              type: 'button', className: 'registry-example', 'data-example': example.name,
              title: example.description,
              onClick: () => openExample(actions, { query, variables }, example),
            }, say(`graphiql.example.${example.name}`, example.title))))))));
  }
  return { title: say('graphiql.examples', 'Examples'), icon: ExamplesIcon, content: Examples };
}

/** Whether GraphiQL already stored this reader's tabs (it namespaces its keys `graphiql:`). */
function firstVisitDone() {
  try {
    return localStorage.getItem('graphiql:tabState') !== null;
  } catch {
    return false;
  }
}

function start() {
  const config = JSON.parse(document.getElementById('graphiql-config').textContent);
  const fetcher = async (params, options) => {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json',
        ...(options?.headers || {}) },
      body: JSON.stringify(params),
    });
    return response.json();
  };
  const examples = examplesPlugin(config.examples, config.strings || {});
  const first = config.examples[0];
  const props = {
    fetcher, plugins: [examples, explorerPlugin()], visiblePlugin: examples,
    defaultQuery: first ? first.query : '{ __typename }',
    defaultTabs: first ? [{ query: first.query, variables: first.variables }] : undefined,
  };
  // GraphiQL fills the first tab's variables editor from `initialVariables` only, never from
  // `defaultTabs` (its provider reads `props.initialVariables ?? storage`): on a first visit,
  // with no tabs stored, the default example ran without its variables and failed. Given
  // only then, so that a returning reader's own tabs are kept.
  if (first && !firstVisitDone()) {
    Object.assign(props, { initialQuery: first.query, initialVariables: first.variables || '' });
  }
  createRoot(document.getElementById('graphiql')).render(h(GraphiQL, props));
}

start();
