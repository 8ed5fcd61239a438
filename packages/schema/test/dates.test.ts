import { loadArchive, seedStore } from '@jin/content';
import type { Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, schema } from '../src/index.ts';
import { execute } from './execute.ts';

let store: Store;
const archive = loadArchive();

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
});

describe('dates on the wire', () => {
  it('writes dates as YYYY-MM-DD and instants as ISO 8601 in UTC with milliseconds', async () => {
    const sample = archive.articles[0];
    const stored = await store.getArticleBySlug(sample?.slug as string);
    const r = (await execute({
      schema,
      document: parse(
        'query($slug: String!) { article(slug: $slug) { releasedOn createdAt updatedAt } }',
      ),
      variableValues: { slug: sample?.slug },
      contextValue: createContext(store),
    })) as { data: { article: Record<string, string> } };
    expect(r.data.article).toEqual({
      releasedOn: sample?.releasedOn,
      createdAt: stored?.createdAt,
      updatedAt: stored?.updatedAt,
    });
    expect(r.data.article.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses a date literal that is no real day, saying how dates are written', () => {
    const errors = validate(
      schema,
      parse('{ articles(filter: { releasedFrom: "2024-02-30" }) { totalCount } }'),
    );
    expect(errors[0]?.message).toMatch(/Expected a date written YYYY-MM-DD, got "2024-02-30"/);
  });
});
