import { loadArchive, seedStore } from '@jin/content';
import type { Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { type GraphQLScalarType, parse, validate } from 'graphql';
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

describe('the Date scalar on the way out', () => {
  const dateType = schema.getType('Date') as GraphQLScalarType;

  it('gives a real day back as written, the first time and again', () => {
    expect(dateType.serialize('2024-02-29')).toBe('2024-02-29');
    expect(dateType.serialize('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses what is not a real day, however often real days were given', () => {
    for (let day = 1; day <= 28; day++) {
      expect(dateType.serialize(`2026-02-${String(day).padStart(2, '0')}`)).toHaveLength(10);
    }
    expect(() => dateType.serialize('2026-02-30')).toThrow();
    expect(() => dateType.serialize('2026-02-30')).toThrow();
    expect(() => dateType.serialize('2026-2-3')).toThrow();
    expect(() => dateType.serialize(20260203)).toThrow();
  });
});
