import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_FILTER_MEDIA,
  MAX_FILTER_TAGS,
  readFilters,
  toArticleFilter,
  writeFilters,
} from './article-filters.ts';

const read = (search: string) => readFilters(new URLSearchParams(search));

describe('readFilters', () => {
  it('reads comma-separated and repeated tags, dropping junk and duplicates', () => {
    expect(read('tags=statistics,visa-rules&tags=statistics&tags=<b>').tags).toEqual([
      'statistics',
      'visa-rules',
    ]);
  });

  it('keeps at most as many tags and outlets as the API takes in one filter', () => {
    const tags = Array.from({ length: 9 }, (_, i) => `tag-${i}`).join(',');
    expect(read(`tags=${tags}`).tags).toEqual(['tag-0', 'tag-1', 'tag-2', 'tag-3', 'tag-4']);
    // The same numbers as the store's argument rules, which the API enforces.
    const limits = readFileSync(
      join(process.cwd(), '..', '..', 'packages', 'store', 'src', 'limits.ts'),
      'utf8',
    );
    expect(limits).toContain(`export const MAX_FILTER_TAGS = ${MAX_FILTER_TAGS};`);
    expect(limits).toContain(`export const MAX_FILTER_MEDIA = ${MAX_FILTER_MEDIA};`);
  });

  it('keeps valid dates only and puts a backwards range the right way round', () => {
    expect(read('from=2024-02-30&to=2024-03-01')).toMatchObject({ from: null, to: '2024-03-01' });
    expect(read('from=2025-01-01&to=2024-01-01')).toMatchObject({
      from: '2024-01-01',
      to: '2025-01-01',
    });
  });
});

describe('toArticleFilter', () => {
  it('is undefined when nothing is filtered', () => {
    expect(toArticleFilter(read('q=visa'))).toBeUndefined();
  });

  it('maps tags to anyOf, or allOf when asked, plus media and dates', () => {
    expect(toArticleFilter(read('tags=a,b&media=nhk&from=2024-01-01'))).toEqual({
      tags: { anyOf: ['a', 'b'] },
      media: ['nhk'],
      releasedFrom: '2024-01-01',
    });
    expect(toArticleFilter(read('tags=a,b&match=all'))?.tags).toEqual({ allOf: ['a', 'b'] });
  });
});

describe('writeFilters', () => {
  it('keeps other parameters, resets the page and round-trips', () => {
    const state = read('tags=a,b&match=all&to=2024-12-31');
    const params = writeFilters(state, new URLSearchParams('q=visa&page=3'));
    expect(params.toString()).toBe('q=visa&tags=a&tags=b&match=all&to=2024-12-31');
    expect(readFilters(params)).toEqual(state);
  });
});
