#!/usr/bin/env node
// A federation gateway over running subgraphs: @apollo/gateway with
// IntrospectAndCompose (it asks each subgraph for `_service { sdl }` and composes
// them) served by @apollo/server's standalone HTTP server.
//
// usage:  node tools/gateway.mjs [--host HOST] [--port PORT] NAME=URL [NAME=URL ...]
//   e.g.  node tools/gateway.mjs --port 4000 \
//           registry=http://127.0.0.1:8000/graphql partner=http://127.0.0.1:4001/graphql
// The subgraphs may also come from SUBGRAPHS="NAME=URL,NAME=URL", the port from
// PORT (default 4000; 0 picks a free one), the host from HOST (default 127.0.0.1).
// The caller's Authorization header is forwarded to the subgraphs (for mutations).
// stdout: one line, "gateway ready at URL", once it serves the composed supergraph.
// stderr: logs; on failure the gateway's own error (composition errors included).
// Exit status: 1 when the gateway cannot start (e.g. the subgraphs do not
// compose, or one is unreachable), 2 on a usage or set-up problem.

import { writeSync } from 'node:fs';

function fail(message, status = 2) {
  // A synchronous write: process.exit() must not cut a long composition error short.
  writeSync(2, `gateway: ${message}\n`);
  process.exit(status);
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

function parseArgs(argv) {
  const options = { host: process.env.HOST || '127.0.0.1', port: process.env.PORT || '4000' };
  const specs = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--host' || argv[i] === '--port') {
      if (i + 1 >= argv.length) fail(`${argv[i]} needs a value`);
      options[argv[i].slice(2)] = argv[i + 1];
      i += 1;
    } else {
      specs.push(argv[i]);
    }
  }
  if (specs.length === 0 && process.env.SUBGRAPHS) specs.push(...process.env.SUBGRAPHS.split(','));
  if (specs.length === 0) fail('usage: node tools/gateway.mjs [--host H] [--port P] NAME=URL ...');
  const subgraphs = specs.map((spec) => {
    const at = spec.indexOf('=');
    if (at <= 0) fail(`expected NAME=URL, got ${JSON.stringify(spec)}`);
    return { name: spec.slice(0, at), url: spec.slice(at + 1) };
  });
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad port ${options.port}`);
  return { host: options.host, port, subgraphs };
}

const { host, port, subgraphs } = parseArgs(process.argv.slice(2));
const { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } = await load(
  '@apollo/gateway');
const { ApolloServer } = await load('@apollo/server');
const { startStandaloneServer } = await load('@apollo/server/standalone');

// Logs go to stderr: stdout carries only the ready line.
const log = (level) => (message) => process.stderr.write(`gateway ${level}: ${message}\n`);
const logger = { debug() {}, info: log('info'), warn: log('warn'), error: log('error') };

// The caller's Authorization header goes on to every subgraph (the registry's
// mutations need its bearer token); nothing else is forwarded.
class ForwardAuthorization extends RemoteGraphQLDataSource {
  willSendRequest({ request, context }) {
    if (context?.authorization) request.http.headers.set('authorization', context.authorization);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({ subgraphs }),
  buildService: ({ url }) => new ForwardAuthorization({ url }),
  logger,
});
const server = new ApolloServer({ gateway, logger, includeStacktraceInErrorResponses: false });

try {
  const { url } = await startStandaloneServer(server, {
    listen: { host, port },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  process.stdout.write(`gateway ready at ${url}\n`);
} catch (err) {
  fail(err && err.message ? err.message : String(err), 1);
}
