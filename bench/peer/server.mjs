#!/usr/bin/env node
// The benchmark's peer: the Neo4j GraphQL Library (@neo4j/graphql) over the registry's
// Neo4j graph, served by @apollo/server's standalone HTTP server.
//
// usage:  node bench/peer/server.mjs BOLT_URI [PORT]
//   (or NEO4J_URI and PEER_PORT in the environment; PORT 0 or absent picks a free one)
// stdout: one line, "peer ready at http://127.0.0.1:PORT/graphql", once it serves.
// stderr: logs and errors. It exits when its stdin closes (the benchmark went away),
// on SIGTERM/SIGINT, and with status 1 when it cannot start.
// PEER_TRACE=true adds `extensions.roundTrips` to each answer: the Cypher statements the
// library ran for it (one session per statement, counted on a wrapper of the driver).

import { readFileSync, writeSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

function fail(message) {
  writeSync(2, `peer: ${message}\n`);
  process.exit(1);
}

const uri = process.argv[2] || process.env.NEO4J_URI;
const port = Number(process.argv[3] || process.env.PEER_PORT || 0);
const trace = process.env.PEER_TRACE === 'true';
if (!uri) fail('usage: node bench/peer/server.mjs BOLT_URI [PORT]');

const typeDefs = readFileSync(new URL('./typeDefs.graphql', import.meta.url), 'utf8');
const auth = process.env.NEO4J_PASSWORD
  ? neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD)
  : undefined;
const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true });

// A driver whose sessions are counted for one request: the library opens one session per
// Cypher statement it runs. (Apollo Server shallow-copies the context per operation, so
// the count lives in an object the copies share.)
function counted(counter) {
  return new Proxy(driver, {
    get(target, name) {
      if (name === 'session') {
        return (...args) => {
          counter.statements += 1;
          return target.session(...args);
        };
      }
      const value = Reflect.get(target, name);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const roundTrips = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind === 'single') {
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, roundTrips: contextValue.counter.statements };
        }
      },
    };
  },
};

let server;
try {
  await driver.verifyConnectivity();
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  server = new ApolloServer({ schema, plugins: trace ? [roundTrips] : [] });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port },
    context: async () => {
      if (!trace) return {};
      const counter = { statements: 0 };
      return { counter, executionContext: counted(counter) };
    },
  });
  process.stdout.write(`peer ready at ${url.replace('localhost', '127.0.0.1')}graphql\n`);
} catch (error) {
  fail(`cannot start: ${error.stack || error}`);
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    await driver.close();
    process.exit(0);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
