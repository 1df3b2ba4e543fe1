// Builds the web pages' third-party assets from node_modules into web/static/vendor/.
// Runs as npm's postinstall (so `npm ci` alone produces them); nothing is fetched at
// page load: GraphiQL (with its Monaco editor workers and the explorer plugin) is
// bundled by esbuild, Cytoscape.js is copied as the ES module it ships.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'web', 'static', 'vendor');
const modules = join(root, 'node_modules');

async function versionOf(name) {
  const manifest = JSON.parse(await readFile(join(modules, name, 'package.json'), 'utf8'));
  return manifest.version;
}

const common = {
  bundle: true, minify: true, legalComments: 'linked', logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' }, absWorkingDir: root,
};

async function buildGraphiql() {
  const out = join(vendor, 'graphiql');
  await esbuild.build({
    ...common, entryPoints: { graphiql: 'web/src/graphiql.js' }, format: 'esm', outdir: out,
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
  });
  // Monaco runs its language services in workers: one classic-script bundle each.
  await esbuild.build({
    ...common, format: 'iife', outdir: out,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
  });
}

async function copyCytoscape() {
  const out = join(vendor, 'cytoscape');
  await mkdir(out, { recursive: true });
  await copyFile(join(modules, 'cytoscape', 'dist', 'cytoscape.esm.min.mjs'),
    join(out, 'cytoscape.esm.min.mjs'));
  await copyFile(join(modules, 'cytoscape', 'LICENSE'), join(out, 'LICENSE'));
}

const started = Date.now();
await rm(vendor, { recursive: true, force: true });
await Promise.all([buildGraphiql(), copyCytoscape()]);
const built = {};
for (const name of ['graphiql', '@graphiql/plugin-explorer', 'react', 'react-dom', 'cytoscape']) {
  built[name] = await versionOf(name);
}
// The server looks for this file to know the assets are there.
await writeFile(join(vendor, 'built.json'), JSON.stringify(built, null, 2) + '\n');
console.log(`web assets built in web/static/vendor/ (${Date.now() - started} ms)`);
