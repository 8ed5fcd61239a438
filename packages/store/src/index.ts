export * from './errors.ts';
export { queryWords, toFtsQuery } from './fts-query.ts';
export * from './limits.ts';
export * from './statistics.ts';
export * from './summary.ts';
export * from './timeline.ts';
export * from './types.ts';
export { isIsoDate, mediaKey, SLUG_PATTERN, slugify, validateArticle } from './validate.ts';
