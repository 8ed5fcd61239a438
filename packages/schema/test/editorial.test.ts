import { loadArchive, seedStore } from '@jin/content';
import type { ApiToken, Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { parse } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { createContext, DEFAULT_LIMITS, schema } from '../src/index.ts';
import { counting } from './counting.ts';
import { execute } from './execute.ts';

const archive = loadArchive();
let store: Store;

beforeEach(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
});

const token = (...scopes: ApiToken['scopes']): ApiToken => ({
  name: 'desk',
  scopes,
  createdAt: '2026-01-01T00:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
});

async function run(source: string, variables: Record<string, unknown>, viewer: ApiToken | null) {
  const result = await execute({
    schema,
    document: parse(source),
    variableValues: variables,
    contextValue: createContext(store, DEFAULT_LIMITS, viewer),
  });
  return result as typeof result & { data: Record<string, any> | null };
}

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) {
  __typename
  ... on ArticlePayload { article { id slug title media { slug name } tags { slug } sourceUrl } }
  ... on InvalidInputError { message fields { field message } }
} }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) {
  __typename
  ... on ArticlePayload { article { id slug title releasedOn tags { slug } sourceUrl updatedAt } }
  ... on NotFoundError { message }
  ... on InvalidInputError { fields { field message } }
} }`;
const DELETE = `mutation($input: DeleteArticleInput!) { deleteArticle(input: $input) {
  __typename ... on DeleteArticlePayload { deletedId } ... on NotFoundError { message } } }`;

const newArticle = {
  title: 'Japan revises caregiver visa rules',
  releasedOn: '2026-02-01',
  media: 'KYODO NEWS',
  summary: 'A paragraph.\n\n- a point',
  sourceUrl: 'https://example.org/a',
  tags: ['nursing-care', 'visa-rules'],
};

describe('editorial mutations', () => {
  it('refuses anonymous writes with UNAUTHENTICATED and writes nothing', async () => {
    const version = await store.datasetVersion();
    const r = await run(CREATE, { input: newArticle }, null);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    expect(await store.countArticles()).toBe(archive.articles.length);
    expect(await store.datasetVersion()).toBe(version);
  });

  it('refuses a token without the needed scope with FORBIDDEN', async () => {
    const r = await run(
      `mutation { upsertTag(input: { slug: "x", name: "X", description: "X." }) { __typename } }`,
      {},
      token('write'),
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await store.getTagsBySlugs(['x']))[0]).toBeNull();
    const admin = await run(
      `mutation { upsertTag(input: { slug: "x", name: "X", description: "X." }) { ... on TagPayload { tag { slug articleCount } } } }`,
      {},
      token('admin'),
    );
    expect(admin.data?.upsertTag.tag).toEqual({ slug: 'x', articleCount: 0 });
  });

  it('renames an outlet with an admin token, and answers clashes and unknown slugs as typed errors', async () => {
    const UPDATE = `mutation($input: UpdateMediaInput!) { updateMedia(input: $input) {
      __typename
      ... on MediaPayload { media { slug name homepage articleCount } }
      ... on InvalidInputError { fields { field message } }
      ... on NotFoundError { message } } }`;
    const forbidden = await run(
      UPDATE,
      { input: { slug: 'kyodo-news', name: 'K' } },
      token('write'),
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const version = await store.datasetVersion();
    const count = (await store.getMediaBySlugs(['kyodo-news']))[0]?.articleCount;
    const ok = await run(
      UPDATE,
      {
        input: {
          slug: 'kyodo-news',
          name: 'Kyodo News (English)',
          homepage: 'https://english.kyodonews.net/',
        },
      },
      token('admin'),
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateMedia.media).toEqual({
      slug: 'kyodo-news',
      name: 'Kyodo News (English)',
      homepage: 'https://english.kyodonews.net/',
      articleCount: count,
    });
    expect(await store.datasetVersion()).not.toBe(version);

    const clash = await run(
      UPDATE,
      { input: { slug: 'kyodo-news', name: 'nhk world japan' } },
      token('admin'),
    );
    expect(clash.data?.updateMedia.__typename).toBe('InvalidInputError');
    expect(clash.data?.updateMedia.fields[0].field).toBe('name');
    const missing = await run(UPDATE, { input: { slug: 'nope', homepage: null } }, token('admin'));
    expect(missing.data?.updateMedia.__typename).toBe('NotFoundError');
    expect((await store.getMediaBySlugs(['kyodo-news']))[0]?.item.name).toBe(
      'Kyodo News (English)',
    );
  });

  it('creates an article, normalising the outlet and making a slug', async () => {
    const version = await store.datasetVersion();
    const r = await run(CREATE, { input: newArticle }, token('write'));
    expect(r.errors).toBeUndefined();
    const article = r.data?.createArticle.article;
    expect(r.data?.createArticle.__typename).toBe('ArticlePayload');
    expect(article.slug).toBe('japan-revises-caregiver-visa-rules');
    expect(article.media).toEqual({ slug: 'kyodo-news', name: 'Kyodo News' });
    expect(article.tags.map((t: any) => t.slug)).toEqual(['nursing-care', 'visa-rules']);
    expect(await store.datasetVersion()).not.toBe(version);
    const again = await run(CREATE, { input: newArticle }, token('write'));
    expect(again.data?.createArticle.article.slug).toBe('japan-revises-caregiver-visa-rules-2');
  });

  it('returns every invalid field as a typed error and writes nothing', async () => {
    const version = await store.datasetVersion();
    const r = await run(
      CREATE,
      { input: { ...newArticle, title: ' ', sourceUrl: 'javascript:alert(1)', tags: ['nope'] } },
      token('write'),
    );
    expect(r.data?.createArticle.__typename).toBe('InvalidInputError');
    const fields = r.data?.createArticle.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'sourceUrl']));
    const unknownTag = await run(
      CREATE,
      { input: { ...newArticle, tags: ['nope'] } },
      token('write'),
    );
    expect(unknownTag.data?.createArticle.fields).toEqual([
      { field: 'tags.0', message: 'unknown tag "nope"' },
    ]);
    const taken = await run(
      CREATE,
      { input: { ...newArticle, slug: archive.articles[0]?.slug } },
      token('write'),
    );
    expect(taken.data?.createArticle.fields[0].field).toBe('slug');
    expect(await store.countArticles()).toBe(archive.articles.length);
    expect(await store.datasetVersion()).toBe(version);
  });

  it('updates only the given fields and deletes by id', async () => {
    const created = await run(CREATE, { input: newArticle }, token('write'));
    const id = created.data?.createArticle.article.id;
    const updated = await run(
      UPDATE,
      { input: { id, title: 'Changed', sourceUrl: null } },
      token('write'),
    );
    expect(updated.data?.updateArticle.article).toMatchObject({
      id,
      title: 'Changed',
      releasedOn: '2026-02-01',
      sourceUrl: null,
      tags: [{ slug: 'nursing-care' }, { slug: 'visa-rules' }],
    });
    const bad = await run(UPDATE, { input: { id, tags: [] } }, token('write'));
    expect(bad.data?.updateArticle.fields[0].field).toBe('tags');
    const deleted = await run(DELETE, { input: { id } }, token('write'));
    expect(deleted.data?.deleteArticle.deletedId).toBe(id);
    const gone = await run(DELETE, { input: { id } }, token('write'));
    expect(gone.data?.deleteArticle.__typename).toBe('NotFoundError');
    const missing = await run(UPDATE, { input: { id, title: 'x' } }, token('write'));
    expect(missing.data?.updateArticle.__typename).toBe('NotFoundError');
    const wrongType = await run(DELETE, { input: { id: 'not-an-id' } }, token('write'));
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('checks and writes in one store call, so nothing can come between them', async () => {
    const base = store;
    const counted = counting(base);
    const calls = counted.calls;
    store = counted.store;
    const ONE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) {
      ... on ArticlePayload { article { id slug } } } }`;
    const created = await run(ONE, { input: newArticle }, token('write'));
    expect(calls).toEqual(['createArticle']);
    calls.length = 0;
    const id = created.data?.createArticle.article.id;
    await run(
      `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) {
        ... on ArticlePayload { article { slug } } } }`,
      { input: { id, title: 'Changed', media: 'nhk-world-japan' } },
      token('write'),
    );
    expect(calls).toEqual(['updateArticle']);
  });
});
