// Writes an archive folder in the same format `loadArchive` reads, so exports can be reviewed
// and merged like any other change to the archive.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Media, Tag } from '@jin/store';
import { stringify } from 'yaml';

export interface ArchiveSnapshot {
  tags: Tag[];
  media: Media[];
  articles: Article[];
}

export function articleFile(article: Article): string {
  const front: Record<string, unknown> = {
    title: article.title,
    releasedOn: article.releasedOn,
    media: article.media.name,
  };
  if (article.readVia) front.readVia = article.readVia.name;
  if (article.sourceUrl) front.sourceUrl = article.sourceUrl;
  front.tags = article.tags.map((t) => t.slug);
  if (!article.headlineVerified) front.headlineVerified = false;
  if (article.dateApproximate) front.dateApproximate = true;
  const yaml = stringify(front, {
    lineWidth: 0,
    collectionStyle: 'any',
    flowCollectionPadding: false,
  }).replace(/^tags:\n((?: {2}- .*\n)+)/m, (_m, items: string) => {
    const slugs = items
      .trim()
      .split('\n')
      .map((l) => l.replace(/^\s*- /, ''));
    return `tags: [${slugs.join(', ')}]\n`;
  });
  return `---\n${yaml}---\n${article.summary}\n`;
}

/** Replaces the archive in `dir` with the snapshot: tags.yaml, media.yaml and articles/*.md. */
export function writeArchive(dir: string, snapshot: ArchiveSnapshot): number {
  const articleDir = join(dir, 'articles');
  mkdirSync(articleDir, { recursive: true });
  for (const name of readdirSync(articleDir)) {
    if (name.endsWith('.md')) rmSync(join(articleDir, name));
  }
  writeFileSync(
    join(dir, 'tags.yaml'),
    stringify(
      snapshot.tags.map(({ slug, name, description }) => ({ slug, name, description })),
      { lineWidth: 0 },
    ),
  );
  writeFileSync(
    join(dir, 'media.yaml'),
    stringify(
      snapshot.media.map(({ slug, name, homepage }) =>
        homepage ? { slug, name, homepage } : { slug, name },
      ),
      { lineWidth: 0 },
    ),
  );
  for (const article of snapshot.articles) {
    writeFileSync(join(articleDir, `${article.slug}.md`), articleFile(article));
  }
  return snapshot.articles.length;
}

/** Reads everything out of a store, oldest article first. */
export async function snapshotStore(store: import('@jin/store').Store): Promise<ArchiveSnapshot> {
  const articles: Article[] = [];
  let after: import('@jin/store').ArticleKey | undefined;
  for (;;) {
    const slice = await store.listArticles({ order: 'oldest', first: 100, after });
    articles.push(...slice.hits.map((h) => h.article));
    if (!slice.hasNextPage) break;
    after = slice.hits.at(-1)?.key;
  }
  const tags = (await store.listTags()).map((t) => t.item);
  const media = (await store.listMedia()).map((m) => m.item);
  return { tags, media, articles };
}
