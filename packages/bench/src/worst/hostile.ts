// Each hostile class of request, sent to an API server in this process while the event loop's
// longest delay and the latency of /healthz are recorded.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '@jin/api/config';
import { buildServer } from '@jin/api/server';
import { SqliteStore } from '@jin/store/sqlite';
import { COMMON, tags } from './reads.ts';

export interface HostileClass {
  name: string;
  requests: number;
  statuses: Record<string, number>;
  loopMaxMs: number;
  healthzMedianMs: number;
  healthzMaxMs: number;
}

const fragments = (n: number) =>
  `query { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`).join(' ')} fragment F${n} on Query { __typename }`;
export const aliased = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Documents of each hostile class; the refused ones cost only their checks. */
function hostileDocuments(size: number): [string, string][] {
  const deep = Math.max(1, Math.floor((size * 0.9) / 100));
  const filteredPage = `articlePage(page: 1, pageSize: 1, filter: { tags: { anyOf: ${JSON.stringify(COMMON)} }, releasedFrom: "2013-01-01", releasedTo: "2013-12-31" }) { totalCount items { article { title } } }`;
  const taggedSearch = `search(query: "refugee visa", first: 20, filter: { tags: { allOf: ${JSON.stringify(tags(1, 3))} } }) { totalCount nodes { title } }`;
  return [
    ['fragment fan-out, 40 levels', fragments(40)],
    [
      'nested inline fragments, 300 deep',
      `{ ${'... on Query { '.repeat(300)}__typename${' }'.repeat(300)} }`,
    ],
    [
      'aliases times fragments',
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: articles(first: 1) { nodes { ...A0 } }`).join(' ')} } ${Array.from({ length: 20 }, (_, i) => `fragment A${i} on Article { slug ...A${i + 1} ... on Article { ...A${i + 1} } }`).join(' ')} fragment A20 on Article { title }`,
    ],
    ['30 filtered numbered pages', aliased(30, filteredPage)],
    ['12 filtered numbered pages (within the cost)', aliased(12, filteredPage)],
    ['2 tagged searches', aliased(2, taggedSearch)],
    ['1 tagged search (within the cost)', aliased(1, taggedSearch)],
    [
      '100 articles with 20 related each',
      '{ articles(first: 100) { nodes { relatedArticles(first: 20) { slug } } } }',
    ],
    [
      '4 numbered pages 90% deep',
      aliased(4, `articlePage(page: ${deep}, pageSize: 100) { items { article { slug } } }`),
    ],
  ];
}

export async function hostile(
  path: string,
  size: number,
  perClass: number,
): Promise<HostileClass[]> {
  const store = new SqliteStore({ path });
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JIN_DB_PATH: path,
    JIN_RATE_LIMIT_RPS: '0',
    JIN_WEB_DIST: '/nonexistent',
  });
  const app = await buildServer(config, store, { logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const results: HostileClass[] = [];
  try {
    for (const [name, query] of hostileDocuments(size)) {
      const statuses: Record<string, number> = {};
      const health: number[] = [];
      const loop = monitorEventLoopDelay({ resolution: 5 });
      let running = true;
      const poll = (async () => {
        while (running) {
          const start = performance.now();
          await (await fetch(`${address}/healthz`)).arrayBuffer();
          health.push(performance.now() - start);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      loop.enable();
      let sent = 0;
      const worker = async () => {
        while (sent < perClass) {
          sent++;
          const response = await fetch(`${address}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          });
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      loop.disable();
      running = false;
      await poll;
      health.sort((a, b) => a - b);
      results.push({
        name,
        requests: perClass,
        statuses,
        loopMaxMs: loop.max / 1e6,
        healthzMedianMs: health[Math.floor(health.length / 2)] ?? Number.NaN,
        healthzMaxMs: health.at(-1) ?? Number.NaN,
      });
    }
  } finally {
    await app.close();
    await store.close();
  }
  return results;
}
