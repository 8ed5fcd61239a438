// Moves an archive between engines (SQLite file to PostgreSQL and back): everything an export
// holds (tags, outlets with their homepages, articles with their tags, attributions and flags),
// written to an empty target in one import, and the archive's timeline and statistics series
// loaded as the site loads them on start.

import { resolve } from 'node:path';
import { seedStatistics } from '@jin/content/statistics';
import { seedTimeline } from '@jin/content/timeline';
import { snapshotStore } from '@jin/content/write';
import type { Article, ArticleInput, Media, MediaInput, Store } from '@jin/store';
import type { Config } from './config.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** The configuration that opens the database named on the command line. */
export function storeConfigFor(
  name: string,
  config: Pick<Config, 'JIN_DATABASE_POOL_SIZE' | 'JIN_DATABASE_STATEMENT_TIMEOUT_MS'>,
) {
  const base = {
    JIN_DATABASE_POOL_SIZE: config.JIN_DATABASE_POOL_SIZE,
    // A bulk import is one long statement; the site's per-request timeout is not for it.
    JIN_DATABASE_STATEMENT_TIMEOUT_MS: Math.max(config.JIN_DATABASE_STATEMENT_TIMEOUT_MS, 600_000),
  };
  return POSTGRES_URL.test(name)
    ? { ...base, JIN_DB_PATH: ':memory:', JIN_DATABASE_URL: name }
    : { ...base, JIN_DB_PATH: resolve(name), JIN_DATABASE_URL: undefined };
}

const mediaInput = (media: Media): MediaInput => ({
  name: media.name,
  slug: media.slug,
  homepage: media.homepage,
});

export function articleInput(article: Article): ArticleInput {
  return {
    slug: article.slug,
    title: article.title,
    releasedOn: article.releasedOn,
    media: mediaInput(article.media),
    summary: article.summary,
    sourceUrl: article.sourceUrl,
    readVia: article.readVia ? mediaInput(article.readVia) : null,
    tags: article.tags.map((t) => t.slug),
    headlineVerified: article.headlineVerified,
    dateApproximate: article.dateApproximate,
  };
}

export interface CopyResult {
  articles: number;
  tags: number;
  media: number;
  ruleChanges: number;
  stories: number;
  /** Why the archive's timeline was not loaded (it cites an article the copy lacks). */
  timelineProblem?: string;
  series: number;
  /** Why the archive's statistics were not loaded (they cite an article the copy lacks). */
  statisticsProblem?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Copies source's archive into target, which must hold no articles. */
export async function copyArchive(source: Store, target: Store): Promise<CopyResult> {
  const already = await target.countArticles();
  if (already > 0) {
    throw new Error(
      `the target already holds ${already} articles; copy into an empty database, so that nothing is merged by accident`,
    );
  }
  const snapshot = await snapshotStore(source);
  for (const tag of snapshot.tags) await target.upsertTag(tag);
  for (const media of snapshot.media) await target.upsertMedia(mediaInput(media));
  await target.importArticles(snapshot.articles.map(articleInput));
  const copied = {
    articles: snapshot.articles.length,
    tags: snapshot.tags.length,
    media: snapshot.media.length,
  };
  const timeline = await seedTimeline(target).catch((error: unknown) => ({
    ruleChanges: 0,
    stories: 0,
    timelineProblem: messageOf(error),
  }));
  const statistics = await seedStatistics(target).then(
    ({ series }) => ({ series }),
    (error: unknown) => ({ series: 0, statisticsProblem: messageOf(error) }),
  );
  return { ...copied, ...timeline, ...statistics };
}
