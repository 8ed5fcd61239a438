// Reference: the least any server can do to answer a GraphQL POST on this schema and store, not a
// server anyone should run. node:http reads the body, a document compiled by graphql-jit is kept
// per query text, the operation runs without the schema's cost check (as ours runs after its
// check has passed), and JSON.stringify writes the answer. No security headers, CORS, rate limit,
// CSRF rule, limits, validation after the first compile or error formatting: what is left is the
// work every server shares, so no server on the same schema and store can be much faster.

import { createServer } from 'node:http';
import { loadArchive, seedStore } from '@jin/content';
import { seedTimeline } from '@jin/content/timeline';
import { createContext, schema } from '@jin/schema';
import { openSqliteStore } from '@jin/store/sqlite';
import { parse, validate } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { announce } from './ready.ts';

const store = openSqliteStore();
await seedStore(store, loadArchive());
await seedTimeline(store);

const compiled = new Map<string, CompiledQuery>();

/** The query's compiled operation, made and checked the first time its text is seen. */
function compiledFor(query: string): CompiledQuery {
  const kept = compiled.get(query);
  if (kept) return kept;
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(invalid.map((e) => e.message).join('; '));
  const made = compileQuery(schema, document);
  if (!isCompiledQuery(made)) throw new Error(JSON.stringify(made.errors));
  compiled.set(query, made);
  return made;
}

const server = createServer((req, res) => {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    text += chunk;
  });
  req.on('end', async () => {
    let status = 200;
    let body: string;
    try {
      const { query, variables } = JSON.parse(text) as { query: string; variables?: object };
      const context = createContext(store);
      context.limits = null;
      body = JSON.stringify(await compiledFor(query).query(undefined, context, variables ?? {}));
    } catch (error) {
      status = 400;
      body = JSON.stringify({ errors: [{ message: String(error) }] });
    }
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () =>
  announce(server, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  }),
);
