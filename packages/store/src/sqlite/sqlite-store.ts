// The embedded default Store: better-sqlite3 with WAL, foreign keys, FTS5 and cached statements.
// Kept whole: it only wires each Store method to the file that does the work, one short method each.

import Database from 'better-sqlite3';
import type { QuarterCount, Series, SeriesInput } from '../statistics.ts';
import type {
  RuleChange,
  RuleChangeListQuery,
  RuleChangeSlice,
  Story,
  TimelineInput,
} from '../timeline.ts';
import type {
  Article,
  ArticleDraft,
  ArticleFilter,
  ArticleInput,
  ArticleListQuery,
  ArticlePage,
  ArticlePageQuery,
  ArticlePatch,
  ArticleSlice,
  Counted,
  ImportResult,
  Media,
  MediaInput,
  MediaPatch,
  Store,
  Tag,
} from '../types.ts';
import { getArticleBySlug, getArticlesByIds } from './articles.ts';
import { READ_BUSY_MS, tryWrite, writeWithin } from './busy.ts';
import { countArticles } from './counts.ts';
import { FTS_IDS_MAX, FTS_KEYS_MAX } from './filter.ts';
import { FilterCounts } from './filter-counts.ts';
import { listArticles } from './keyset.ts';
import { migrate } from './migrations.ts';
import { pageArticles } from './numbered.ts';
import { loadRanker, type Ranker, VersionedValues } from './ranking.ts';
import type { ReadContext } from './read-context.ts';
import { relatedArticles } from './related.ts';
import { getRuleChangesBySlugs, listRuleChanges, ruleChangesForArticles } from './rule-changes.ts';
import {
  articlesPerQuarter,
  getSeriesBySlugs,
  listSeries,
  replaceStatistics,
  seriesForArticles,
} from './statistics.ts';
import { getStoriesBySlugs, storiesForArticles } from './stories.ts';
import { getMediaBySlugs, getTagsBySlugs, listMedia, listTags } from './tags-media.ts';
import { replaceTimeline } from './timeline-writes.ts';
import { Writer } from './writer.ts';

export type { ArticleRow } from './rows.ts';
export { parseSnippet } from './snippets.ts';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  readonly?: boolean;
  /**
   * How many matches, newest first, one tier of relevance ranking holds (default 1,000): search
   * ranks by BM25 within a tier, so its cost stays flat however many articles match.
   */
  rankWindow?: number;
  /**
   * Rank with FTS5's own bm25(), counting document frequencies in every query, even where the
   * ranking extension is built (see ranking.ts); for comparison.
   */
  plainBm25?: boolean;
  /**
   * How long a write waits for another writer to let go before it fails with StoreBusyError
   * (default 2,000 ms). The wait never blocks the process: each try is immediate, and the
   * tries are spaced by timers.
   */
  writeWaitMs?: number;
  /**
   * See FTS_KEYS_MAX and FTS_IDS_MAX in filter.ts (tests lower them to compare the ways of
   * reading).
   */
  ftsKeysMax?: number;
  ftsIdsMax?: number;
}

const DEFAULT_RANK_WINDOW = 1000;
const DEFAULT_WRITE_WAIT_MS = 2000;
/** Search snippets kept (a few hundred bytes each): a thousand searches' first pages. */
const SNIPPETS_KEPT = 20_000;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writer: Writer;
  private readonly writeWaitMs: number;
  /** Which function ranks search results (see ranking.ts). */
  readonly ranker: Ranker;
  /** Counts of every other filter, from columns kept for the current dataset version. */
  readonly filterCounts: FilterCounts;
  /** What the reads share (see read-context.ts). */
  private readonly reads: ReadContext;
  private readonly listeners = new Set<(version: string) => void>();
  /** The version the listeners last heard. */
  private told: string | null = null;

  constructor(options: SqliteStoreOptions) {
    const rankWindow = options.rankWindow ?? DEFAULT_RANK_WINDOW;
    this.writeWaitMs = options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS;
    if (!Number.isInteger(rankWindow) || rankWindow < 1) {
      throw new RangeError('rankWindow must be a positive integer');
    }
    this.db = new Database(options.path, { readonly: options.readonly ?? false });
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`busy_timeout = ${READ_BUSY_MS}`);
    if (options.path !== ':memory:' && !options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // FULL: a commit survives power loss, not only a crash of this process.
      this.db.pragma('synchronous = FULL');
    }
    if (!options.readonly) migrate(this.db);
    this.ranker = options.plainBm25 ? 'bm25' : loadRanker(this.db);
    this.filterCounts = new FilterCounts(this.db, () => this.version());
    this.reads = {
      // Each read calls the store's own `stmt`, so that watching or wrapping it sees them all.
      stmt: (sql) => this.stmt(sql),
      ranker: this.ranker,
      rankWindow,
      textCounts: new VersionedValues(() => this.version()),
      snippets: new VersionedValues(() => this.version(), SNIPPETS_KEPT),
      tags: new VersionedValues(() => this.version(), 1),
      filterCounts: this.filterCounts,
      ftsKeysMax: options.ftsKeysMax ?? FTS_KEYS_MAX,
      ftsIdsMax: options.ftsIdsMax ?? FTS_IDS_MAX,
    };
    this.writer = new Writer(
      this.db,
      (sql) => this.stmt(sql),
      (id) => getArticlesByIds(this.reads, [id])[0] ?? null,
    );
  }

  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // ---- reads -------------------------------------------------------------------------------

  async listArticles(query: ArticleListQuery): Promise<ArticleSlice> {
    return listArticles(this.reads, query);
  }

  async countArticles(filter?: ArticleFilter): Promise<number> {
    return countArticles(this.reads, filter);
  }

  async pageArticles(query: ArticlePageQuery): Promise<ArticlePage> {
    return pageArticles(this.reads, query);
  }

  async getArticleById(id: number): Promise<Article | null> {
    return (await this.getArticlesByIds([id]))[0] ?? null;
  }

  async getArticleBySlug(slug: string): Promise<Article | null> {
    return getArticleBySlug(this.reads, slug);
  }

  async getArticlesByIds(ids: readonly number[]): Promise<(Article | null)[]> {
    return getArticlesByIds(this.reads, ids);
  }

  async relatedArticles(ids: readonly number[], limit: number): Promise<Article[][]> {
    return relatedArticles(this.reads, ids, limit);
  }

  async listTags(): Promise<Counted<Tag>[]> {
    return listTags(this.reads);
  }

  async getTagsBySlugs(slugs: readonly string[]): Promise<(Counted<Tag> | null)[]> {
    return getTagsBySlugs(this.reads, slugs);
  }

  async listMedia(): Promise<Counted<Media>[]> {
    return listMedia(this.reads);
  }

  async getMediaBySlugs(slugs: readonly string[]): Promise<(Counted<Media> | null)[]> {
    return getMediaBySlugs(this.reads, slugs);
  }

  async datasetVersion(): Promise<string> {
    return this.version();
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  /** Only this process writes the file it has open, so its own writes are all there is to hear. */
  onDatasetChange(listener: (version: string) => void): () => void {
    if (this.listeners.size === 0) this.told = this.version();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tells the listeners when the last write moved the version. */
  private tell(): void {
    if (this.listeners.size === 0 || !this.db.open) return;
    const version = this.version();
    if (version === this.told) return;
    this.told = version;
    for (const listener of this.listeners) {
      try {
        listener(version);
      } catch {
        // One listener's failure must not keep the others from hearing.
      }
    }
  }

  private version(): string {
    return this.stmt(
      `SELECT (SELECT value FROM meta WHERE key = 'dataset_id') || '.' ||
              (SELECT value FROM meta WHERE key = 'dataset_version')`,
    )
      .pluck()
      .get() as string;
  }

  // ---- writes ------------------------------------------------------------------------------

  /**
   * Runs `work` (one immediate transaction) without waiting on another writer's lock: it
   * returns `{ busy: true }` at once when the database is locked.
   */
  tryWrite<T>(work: () => T): { busy: true } | { busy: false; value: T } {
    return tryWrite(this.db, work);
  }

  /** Runs a write, retrying on timers while another writer holds the lock, up to the budget. */
  private async write<T>(work: () => T): Promise<T> {
    try {
      return await writeWithin((w) => this.tryWrite(w), this.writeWaitMs, work);
    } finally {
      this.tell();
    }
  }

  async upsertTag(tag: Tag): Promise<Tag> {
    return this.write(() => this.writer.upsertTag(tag));
  }

  async upsertMedia(media: MediaInput): Promise<Media> {
    return this.write(() => this.writer.upsertMedia(media));
  }

  async updateMedia(slug: string, patch: MediaPatch): Promise<Media> {
    return this.write(() => this.writer.updateMedia(slug, patch));
  }

  async upsertArticle(
    input: ArticleInput,
  ): Promise<{ article: Article; change: 'created' | 'updated' | 'unchanged' }> {
    const [result] = await this.write(() => this.writer.upsertArticles([input]));
    const { id, change } = result as {
      id: number;
      change: 'created' | 'updated' | 'unchanged';
    };
    return { article: (await this.getArticleById(id)) as Article, change };
  }

  async createArticle(draft: ArticleDraft): Promise<Article> {
    const id = await this.write(() => this.writer.createArticle(draft));
    return (await this.getArticleById(id)) as Article;
  }

  async updateArticle(id: number, patch: ArticlePatch): Promise<Article> {
    await this.write(() => this.writer.updateArticle(id, patch));
    return (await this.getArticleById(id)) as Article;
  }

  async deleteArticle(id: number): Promise<boolean> {
    return this.write(() => this.writer.deleteArticle(id));
  }

  async importArticles(
    inputs: readonly ArticleInput[],
    options: { dryRun?: boolean } = {},
  ): Promise<ImportResult> {
    const results = await this.write(() =>
      this.writer.upsertArticles(inputs, options.dryRun ?? false),
    );
    const count = (c: string) => results.filter((r) => r.change === c).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
  }

  // ---- timeline ----------------------------------------------------------------------------

  async listRuleChanges(query: RuleChangeListQuery): Promise<RuleChangeSlice> {
    return listRuleChanges((sql) => this.stmt(sql), query);
  }

  async getRuleChangesBySlugs(slugs: readonly string[]): Promise<(RuleChange | null)[]> {
    return getRuleChangesBySlugs((sql) => this.stmt(sql), slugs);
  }

  async ruleChangesForArticles(articleIds: readonly number[]): Promise<RuleChange[][]> {
    return ruleChangesForArticles((sql) => this.stmt(sql), articleIds);
  }

  async storiesForArticles(articleIds: readonly number[]): Promise<Story[][]> {
    return storiesForArticles((sql) => this.stmt(sql), articleIds);
  }

  async getStoriesBySlugs(slugs: readonly string[]): Promise<(Story | null)[]> {
    return getStoriesBySlugs((sql) => this.stmt(sql), slugs);
  }

  async replaceTimeline(input: TimelineInput): Promise<{ ruleChanges: number; stories: number }> {
    const replace = this.db.transaction(() => {
      const { changed, ...counts } = replaceTimeline((sql) => this.stmt(sql), input);
      if (changed) this.writer.bump();
      return counts;
    });
    return this.write(() => replace.immediate());
  }

  // ---- statistics --------------------------------------------------------------------------

  async listSeries(): Promise<Series[]> {
    return listSeries((sql) => this.stmt(sql));
  }

  async getSeriesBySlugs(slugs: readonly string[]): Promise<(Series | null)[]> {
    return getSeriesBySlugs((sql) => this.stmt(sql), slugs);
  }

  async seriesForArticles(articleIds: readonly number[]): Promise<Series[][]> {
    return seriesForArticles((sql) => this.stmt(sql), articleIds);
  }

  async articlesPerQuarter(tagSlug: string): Promise<QuarterCount[]> {
    return articlesPerQuarter((sql) => this.stmt(sql), tagSlug);
  }

  async replaceStatistics(
    input: readonly SeriesInput[],
  ): Promise<{ series: number; changed: boolean }> {
    const replace = this.db.transaction(() => {
      const result = replaceStatistics((sql) => this.stmt(sql), input);
      if (result.changed) this.writer.bump();
      return result;
    });
    return this.write(() => replace.immediate());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(path = ':memory:'): SqliteStore {
  return new SqliteStore({ path });
}
