// The API as its documentation promises it, against one real server process: the API guide's
// examples (packages/site/src/api-guide) run as a developer would run them, each curl command in
// bash with each answer checked for its shape, and the README showing exactly the guide; and
// GraphQL over HTTP conformance, by the graphql-http package's server audits: every MUST passes,
// and the audits that do not pass are exactly those the README's table lists, with a reason.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { ERROR_CODES } from '@jin/schema';
import { SERVER_PATHS } from '@jin/site';
import { API_EXAMPLES, API_GUIDE, type ApiExample } from '@jin/site/api-guide';
import { curlCommand } from '@jin/site/api-guide/curl';
import { withGuide } from '@jin/site/api-guide/markdown';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './processes.ts';

const run = promisify(execFile);
let api: ApiProcess;

beforeAll(async () => {
  api = await startApi({ JIN_DB_PATH: ':memory:' });
});
afterAll(async () => {
  api.child.kill();
  await api.exited;
});

interface Answer {
  stdout: string;
  status?: number;
  headers: Record<string, string>;
  body: any;
}

async function runExample(example: ApiExample): Promise<Answer> {
  const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${curlCommand(example)}`], {
    env: { ...process.env, API: `${api.url}${SERVER_PATHS.graphql}` },
  });
  if (example.show === 'revalidate') return { stdout, headers: {}, body: null };
  if (example.show === 'body') return { stdout, headers: {}, body: JSON.parse(stdout) };
  const [head = '', ...rest] = stdout.split('\r\n\r\n');
  const [statusLine = '', ...fields] = head.split('\r\n');
  const headers = Object.fromEntries(
    fields.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
    }),
  );
  return {
    stdout,
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: JSON.parse(rest.join('\r\n\r\n')),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const slugsOf = (answer: Answer) =>
  answer.body.data.articles.nodes.map((node: { slug: string }) => node.slug);

/** What each example's answer must look like, by the example's id. */
const checks: Record<string, (answer: Answer, earlier: Map<string, Answer>) => void> = {
  'first-page': ({ body }) => {
    const { articles } = body.data;
    expect(articles.nodes).toHaveLength(3);
    expect(articles.totalCount).toBeGreaterThan(3);
    expect(articles.pageInfo).toEqual({ hasNextPage: true, endCursor: expect.any(String) });
    for (const node of articles.nodes) {
      expect(node).toEqual({
        slug: expect.any(String),
        title: expect.any(String),
        releasedOn: expect.stringMatching(DATE),
      });
    }
  },
  'next-page': (answer, earlier) => {
    const { articles } = answer.body.data;
    expect(articles.nodes).toHaveLength(3);
    expect(articles.pageInfo.hasPreviousPage).toBe(true);
    const first = slugsOf(earlier.get('first-page') as Answer);
    // The page after the first three, not the first three again.
    expect(slugsOf(answer).some((slug: string) => first.includes(slug))).toBe(false);
  },
  'numbered-page': ({ body }) => {
    const page = body.data.articlePage;
    expect(page.page).toBe(2);
    expect(page.items).toHaveLength(5);
    expect(page.pageCount).toBe(Math.ceil(page.totalCount / 5));
  },
  filter: ({ body }) => {
    const { articles } = body.data;
    expect(articles.nodes.length).toBeGreaterThan(0);
    expect(articles.totalCount).toBeGreaterThanOrEqual(articles.nodes.length);
    for (const node of articles.nodes) {
      expect(node.tags.map((tag: { slug: string }) => tag.slug)).toContain('labor-migration');
      expect(node.releasedOn >= '2024-01-01').toBe(true);
    }
  },
  search: ({ body }) => {
    const { edges, totalCount } = body.data.search;
    expect(edges).toHaveLength(3);
    expect(totalCount).toBeGreaterThanOrEqual(3);
    for (const edge of edges) {
      const highlighted = edge.snippet.filter((part: { highlighted: boolean }) => part.highlighted);
      expect(highlighted.length).toBeGreaterThan(0);
      for (const part of highlighted) expect(part.text).toMatch(/refugee/i);
    }
  },
  'bad-input': ({ status, body }) => {
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors[0]).toMatchObject({
      path: ['articles'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  'validation-error': ({ status, body }) => {
    expect(status).toBe(400);
    expect(body).not.toHaveProperty('data');
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/titel/);
  },
  cost: ({ body }) => {
    expect(body.data.articles.nodes).toHaveLength(10);
    const { cost } = body.extensions;
    expect(cost.depth).toBe(4);
    expect(cost.complexity).toBeGreaterThan(10);
    expect(cost.complexity).toBeLessThanOrEqual(cost.limits.complexity);
    expect(cost.limits).toEqual({
      complexity: expect.any(Number),
      depth: expect.any(Number),
      breadth: expect.any(Number),
    });
  },
  'too-costly': ({ status, body }) => {
    expect(status).toBe(400);
    expect(body).not.toHaveProperty('data');
    const { extensions } = body.errors[0];
    expect(extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(extensions.value).toBeGreaterThan(extensions.max);
  },
  'rate-limit': ({ status, headers, body }) => {
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
    const limit = Number(headers['ratelimit-limit']);
    expect(limit).toBeGreaterThan(0);
    // This request spent one (the bucket refills between the examples, so no more is sure).
    expect(Number(headers['ratelimit-remaining'])).toBeLessThan(limit);
    expect(Number(headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(headers['ratelimit-policy']).toMatch(new RegExp(`^${limit};w=\\d+$`));
  },
  etag: ({ stdout }) => {
    expect(stdout).toBe('304\n');
  },
};

describe('the API guide', () => {
  it('has a check for every example, and every id once', () => {
    const ids = API_EXAMPLES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(checks).sort()).toEqual([...ids].sort());
  });

  it('runs every example against the real server, with the answers it describes', async () => {
    const answers = new Map<string, Answer>();
    for (const example of API_EXAMPLES) {
      const answer = await runExample(example);
      answers.set(example.id, answer);
      try {
        checks[example.id]?.(answer, answers);
      } catch (error) {
        throw new Error(`example ${example.id}: ${(error as Error).message}\n${answer.stdout}`);
      }
    }
    expect(answers.size).toBe(API_EXAMPLES.length);
  });

  it('lists every error code the schema gives', () => {
    const table = API_GUIDE.flatMap((section) => section.table?.rows ?? []).map(([code]) => code);
    for (const code of ERROR_CODES) expect(table).toContain(code);
  });

  it('is what the README shows (pnpm --filter @jin/site readme writes it)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(withGuide(readme)).toBe(readme);
  });
});

interface Row {
  id: string;
  requirement: string;
  result: string;
  reason: string;
}

/** The README's table under "GraphQL over HTTP": audit, requirement, result, reason. */
function readmeTable(): Row[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### GraphQL over HTTP'));
  return [...section.matchAll(/^\| `(\w{4})` \| (.+?) \| (\w+) \| (.*) \|$/gm)].map((m) => ({
    id: m[1] ?? '',
    requirement: m[2] ?? '',
    result: m[3] ?? '',
    reason: m[4] ?? '',
  }));
}

describe('GraphQL over HTTP audits', () => {
  it('passes every MUST, and fails only where the README says why', async () => {
    const results = [];
    for (const audit of serverAudits({ url: `${api.url}${SERVER_PATHS.graphql}` })) {
      const result = await audit.fn();
      results.push({ id: audit.id, name: audit.name, status: result.status });
    }
    expect(results.length).toBeGreaterThan(50);
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
    expect(failedMusts).toEqual([]);
    const notPassed = results
      .filter((r) => r.status !== 'ok')
      .map((r) => ({ id: r.id, requirement: r.name, result: r.status }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const table = readmeTable();
    const listed = table.map(({ id, requirement, result }) => ({ id, requirement, result }));
    expect(listed.sort(byId)).toEqual(notPassed.sort(byId));
    for (const row of table) expect(row.reason.length, row.id).toBeGreaterThan(10);
  });
});
