// Soak: a real API process under mixed reads and authenticated writes for a fixed time. Reports
// requests, errors and how resident memory moved from just after warm-up to the end.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import { seedTimeline } from '@jin/content/timeline';
import { SqliteStore } from '@jin/store/sqlite';
import { SqliteTokenStore } from '@jin/store/tokens';
import { memoryOf, startSite } from '../shared/processes.ts';
import type { Context } from '../shared/section.ts';

const TOKEN = 'soak-token-secret';

export interface SoakResult {
  durationS: number;
  connections: number;
  requests: number;
  reads: number;
  writes: number;
  errors: number;
  errorSamples: string[];
  rssAfterWarmupMb: number;
  rssEndMb: number;
  rssGrowthPct: number;
  articlesAtEnd: number;
  articlesExpected: number;
}

const READS = [
  '{ articles(first: 20) { edges { node { title releasedOn media { name } tags { slug } } } pageInfo { endCursor } } }',
  '{ tag(slug: "statistics") { articlePage(page: 2, pageSize: 20) { totalCount items { article { title } } } } }',
  '{ search(query: "refugee", first: 10) { edges { node { title } snippet { text highlighted } } } }',
  '{ article(slug: "japan-accepts-190-refugees-in-2024") { title summaryBlocks { __typename } relatedArticles(first: 5) { title } } }',
  '{ tags { slug articleCount } mediaOutlets { slug articleCount } }',
];

export async function benchSoak({ settings }: Context): Promise<SoakResult> {
  const { soakS: durationS, soakWarmupS: warmupS } = settings;
  const connections = 8;
  const dir = mkdtempSync(join(tmpdir(), 'jin-soak-'));
  const db = join(dir, 'soak.sqlite');
  const store = new SqliteStore({ path: db });
  await seedStore(store, loadArchive());
  await seedTimeline(store);
  await new SqliteTokenStore(store).createToken({
    name: 'soak',
    tokenHash: createHash('sha256').update(TOKEN).digest('hex'),
    scopes: ['write'],
  });
  await store.close();

  const site = await startSite({ JIN_DB_PATH: db, JIN_RATE_LIMIT_RPS: '0' });
  const url = site.url;
  try {
    let reads = 0;
    let writes = 0;
    let errors = 0;
    const errorSamples: string[] = [];
    const fail = (what: string) => {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(what.slice(0, 300));
    };
    const post = async (query: string, variables: unknown, auth: boolean) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) fail(`${response.status} ${text}`);
      return text;
    };
    let serial = 0;
    /** Articles created and not deleted: all of them must be there at the end. */
    let kept = 0;
    const worker = async (id: number, until: number) => {
      while (Date.now() < until) {
        const roll = (serial++ * 7919 + id) % 10;
        if (roll < 2) {
          // Writes: create an article, update it, and delete every other one.
          const slug = `soak-${id}-${serial}`;
          const created = await post(
            'mutation($input: CreateArticleInput!) { createArticle(input: $input) { ... on ArticlePayload { article { id } } } }',
            {
              input: {
                slug,
                title: `Soak article ${slug}`,
                releasedOn: '2026-07-01',
                media: 'Kyodo News',
                summary: `Soak summary ${serial}.\n\n- a point`,
                tags: ['statistics', 'visa-rules'],
              },
            },
            true,
          );
          const articleId = /"id":"([^"]+)"/.exec(created)?.[1];
          if (!articleId) fail(`createArticle gave no id: ${created}`);
          else {
            kept++;
            await post(
              'mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename } }',
              { input: { id: articleId, title: `Soak article ${slug} (updated)` } },
              true,
            );
            if (serial % 2 === 0) {
              kept--;
              await post(
                'mutation($input: DeleteArticleInput!) { deleteArticle(input: $input) { __typename } }',
                { input: { id: articleId } },
                true,
              );
            }
          }
          writes++;
        } else if (roll < 4) {
          const query = READS[serial % READS.length] as string;
          const response = await fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, {
            headers: { 'apollo-require-preflight': 'true' },
          });
          const text = await response.text();
          if (response.status !== 200 || text.includes('"errors"'))
            fail(`GET ${response.status} ${text}`);
          reads++;
        } else {
          await post(READS[serial % READS.length] as string, {}, false);
          reads++;
        }
      }
    };

    const seeded = ((await (await fetch(`${url}/healthz`)).json()) as { articles: number })
      .articles;
    const warmUntil = Date.now() + warmupS * 1000;
    await Promise.all(Array.from({ length: connections }, (_, i) => worker(i, warmUntil)));
    const rssAfterWarmup = memoryOf(site.pid).rssMb;
    reads = 0;
    writes = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: connections }, (_, i) => worker(i, started + durationS * 1000)),
    );
    const rssEnd = memoryOf(site.pid).rssMb;
    const health = (await (await fetch(`${url}/healthz`)).json()) as { articles: number };
    if (health.articles !== seeded + kept) {
      fail(`${seeded} seeded + ${kept} kept, but ${health.articles} articles at the end`);
    }
    return {
      durationS,
      connections,
      requests: reads + writes,
      reads,
      writes,
      errors,
      errorSamples,
      rssAfterWarmupMb: Math.round(rssAfterWarmup),
      rssEndMb: Math.round(rssEnd),
      rssGrowthPct: Math.round(((rssEnd - rssAfterWarmup) / rssAfterWarmup) * 1000) / 10,
      articlesAtEnd: health.articles,
      articlesExpected: seeded + kept,
    };
  } finally {
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
