#!/usr/bin/env node
// Lints Cypher statements with Neo4j's own parser (@neo4j-cypher/language-support).
//
// stdin:  a JSON array of {"name": string, "query": string}
// stdout: a JSON array of {"name": string, "errors": [{"message", "line", "column"}]},
//         one entry per input statement, in input order. Only errors (severity 1) are
//         kept; "parameter is not defined" errors are dropped, since statements are
//         linted without their parameters. Line and column are 1-based.
// Exit status: 0 when the statements were linted (whatever they hold), 2 on a usage
// or set-up problem (message on stderr).
//
// All statements are linted in this one process: loading the parser dominates.

const PACKAGE = '@neo4j-cypher/language-support';
const ERROR = 1; // DiagnosticSeverity.Error

function fail(message) {
  process.stderr.write(`cypher_lint: ${message}\n`);
  process.exit(2);
}

let support;
try {
  support = await import(PACKAGE);
} catch (err) {
  if (err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND')) {
    fail(`${PACKAGE} is not installed: run \`npm ci\` in the repository root.`);
  }
  throw err;
}
const { lintCypherQuery, isNotParamError, testData } = support;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function parseInput(text) {
  let statements;
  try {
    statements = JSON.parse(text);
  } catch (err) {
    fail(`stdin is not JSON: ${err.message}`);
  }
  if (!Array.isArray(statements)) fail('stdin must be a JSON array of {name, query}');
  for (const [i, s] of statements.entries()) {
    if (!s || typeof s.name !== 'string' || typeof s.query !== 'string') {
      fail(`item ${i} must be an object with string "name" and "query"`);
    }
  }
  return statements;
}

// 1-based line and column of a character offset.
function position(query, offset) {
  const before = query.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const options = {
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  defaultLanguage: 'CYPHER 5',
};

const results = parseInput(await readStdin()).map(({ name, query }) => {
  const { diagnostics = [] } = lintCypherQuery(query, options) ?? {};
  const errors = diagnostics
    .filter((d) => d.severity === ERROR)
    .filter(isNotParamError)
    .map((d) => ({ message: d.message, ...position(query, d.offsets?.start ?? 0) }));
  return { name, errors };
});

process.stdout.write(JSON.stringify(results) + '\n');
