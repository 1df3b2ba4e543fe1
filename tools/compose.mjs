#!/usr/bin/env node
// Composes subgraph SDLs into a supergraph with Apollo's own composer
// (@apollo/composition composeServices, the code @apollo/gateway runs), and
// reports the result as JSON.
//
// usage:  node tools/compose.mjs NAME=FILE.graphql [NAME=FILE.graphql ...] [--supergraph]
//   e.g.  node tools/compose.mjs registry=schema.graphql partner=/tmp/partner.graphql
// stdout: {"composed": bool, "errors": [{"code", "message"}], "hints": [{"code", "message"}]}
//         plus "supergraphSdl" when composed and --supergraph is given.
// Exit status: 0 when the subgraphs compose, 1 when composition fails (errors on
// stdout), 2 on a usage or set-up problem (message on stderr).

import { readFileSync, writeSync } from 'node:fs';

function fail(message) {
  writeSync(2, `compose: ${message}\n`);  // synchronous, so process.exit() cannot cut it
  process.exit(2);
}

async function load(name) {
  try {
    return await import(name);
  } catch (err) {
    if (err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND')) {
      fail(`${name} is not installed: run \`npm ci\` in the repository root.`);
    }
    throw err;
  }
}

const args = process.argv.slice(2);
const wantSupergraph = args.includes('--supergraph');
const specs = args.filter((arg) => arg !== '--supergraph');
if (specs.length === 0) fail('usage: node tools/compose.mjs NAME=FILE.graphql ... [--supergraph]');

const { composeServices } = await load('@apollo/composition');
const { parse } = await load('graphql');

const services = specs.map((spec) => {
  const at = spec.indexOf('=');
  if (at <= 0) fail(`expected NAME=FILE, got ${JSON.stringify(spec)}`);
  const name = spec.slice(0, at);
  const file = spec.slice(at + 1);
  let sdl;
  try {
    sdl = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${file}: ${err.message}`);
  }
  let typeDefs;
  try {
    typeDefs = parse(sdl);
  } catch (err) {
    fail(`${file} is not valid GraphQL: ${err.message}`);
  }
  return { name, typeDefs, url: `http://${name}.invalid/graphql` };
});

const result = composeServices(services);
const report = (items) => (items ?? []).map((item) => ({
  code: item.extensions?.code ?? item.definition?.code ?? null,
  message: item.message,
}));
const output = {
  composed: !result.errors,
  errors: report(result.errors),
  hints: report(result.hints),
};
if (wantSupergraph && result.supergraphSdl) output.supergraphSdl = result.supergraphSdl;
// No process.exit() here: it would cut a large report short on a full pipe.
process.exitCode = result.errors ? 1 : 0;
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
