import { loadArchive, seedStore } from '@jin/content';
import {
  type ApiToken,
  InvalidInputError,
  InvalidQueryError,
  NotFoundError,
  type Store,
  StoreBusyError,
  StoreUnavailableError,
} from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, DEFAULT_LIMITS, schema } from '../src/index.ts';
import { execute } from './execute.ts';

let store: Store;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, loadArchive());
});

const writer: ApiToken = {
  name: 'desk',
  scopes: ['write'],
  createdAt: '2026-01-01T00:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
};

/** The seeded store, with one method throwing `error`. */
function failing(method: keyof Store, error: unknown): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === method) return () => Promise.reject(error);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function run(source: string, on: Store) {
  const result = await execute({
    schema,
    document: parse(source),
    contextValue: createContext(on, DEFAULT_LIMITS, writer),
  });
  return result as typeof result & { data: Record<string, any> | null };
}

const CREATE = `mutation { createArticle(input: { title: "T", releasedOn: "2026-01-01",
  media: "x", summary: "S", tags: ["visa-rules"] }) {
  __typename ... on InvalidInputError { fields { field } } } }`;

describe('store errors on every field', () => {
  it('answers a store read refused for its arguments with BAD_USER_INPUT', async () => {
    const r = await run(
      '{ articles(first: 1) { totalCount } }',
      failing('listArticles', new InvalidQueryError('first is too large')),
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe('first is too large');
  });

  it('codes errors of nested fields and of fields loaded in batches', async () => {
    const r = await run(
      '{ articles(first: 2) { nodes { slug tags { articleCount } } } }',
      failing('getTagsBySlugs', new NotFoundError('no such tag')),
    );
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('NOT_FOUND');
  });

  it('answers a busy store with STORE_BUSY, its retry time and HTTP 503', async () => {
    const r = await run(CREATE, failing('createArticle', new StoreBusyError('busy', 3)));
    expect(r.data?.createArticle).toBeNull();
    const extensions = r.errors?.[0]?.extensions as Record<string, any>;
    expect(extensions.code).toBe('STORE_BUSY');
    expect(extensions.retryAfter).toBe(3);
    expect(extensions.http.status).toBe(503);
    expect(extensions.http.headers.get('retry-after')).toBe('3');
  });

  it('answers an unreachable database with STORE_UNAVAILABLE and HTTP 503, hiding its message', async () => {
    const r = await run(
      '{ articles(first: 2) { totalCount } }',
      failing('listArticles', new StoreUnavailableError('connect ECONNREFUSED 10.0.0.5:5432')),
    );
    const extensions = r.errors?.[0]?.extensions as Record<string, any>;
    expect(extensions.code).toBe('STORE_UNAVAILABLE');
    expect(extensions.http.status).toBe(503);
    expect(Number(extensions.http.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.errors?.[0]?.message).not.toContain('10.0.0.5');
  });

  it('leaves a mutation’s expected errors to its result union', async () => {
    const r = await run(
      CREATE,
      failing('createArticle', new InvalidInputError([{ field: 'title', message: 'bad' }])),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createArticle).toEqual({
      __typename: 'InvalidInputError',
      fields: [{ field: 'title' }],
    });
  });

  it('passes any other error on unchanged, for the server to mask', async () => {
    const boom = new Error('disk on fire');
    const r = await run('{ tags { slug } }', failing('listTags', boom));
    expect(r.errors?.[0]?.originalError).toBe(boom);
    expect(r.errors?.[0]?.extensions?.code).toBeUndefined();
  });
});
