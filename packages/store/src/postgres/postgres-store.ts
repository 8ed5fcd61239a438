// The Store for deployments with many API replicas: one PostgreSQL database, a pool per
// replica, the dataset version in a table that every write moves in its own transaction, and a
// NOTIFY on each write so every replica hears of it. Kept whole: it wires each Store method to
// the file that does the work.

import pg from 'pg';
import type { QuarterCount, Series, SeriesInput } from '../statistics.ts';
import type {
  RuleChange,
  RuleChangeListQuery,
  RuleChangeSlice,
  Story,
  TimelineInput,
} from '../timeline.ts';
import type {
  ApiToken,
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
  TokenScope,
  TokenStore,
} from '../types.ts';
import { validateTag } from '../validate.ts';
import { getArticleBySlug, getArticlesByIds } from './articles.ts';
import { VersionedCache } from './cache.ts';
import { PageCheckpoints } from './checkpoints.ts';
import { count, type ReadContext } from './counts.ts';
import { bump, DatasetChanges, version } from './dataset.ts';
import { type Db, PgDb, translate } from './db.ts';
import { resolveFilter } from './filter.ts';
import { listArticles } from './keyset.ts';
import { migrate } from './migrations.ts';
import { pageArticles } from './numbered.ts';
import { resolveMedia, updateOutlet } from './outlet-writes.ts';
import { relatedArticles } from './related.ts';
import {
  articlesPerQuarter,
  getSeriesBySlugs,
  listSeries,
  replaceStatistics,
  seriesForArticles,
} from './statistics.ts';
import { getMediaBySlugs, getTagsBySlugs, listMedia, listTags } from './tags-media.ts';
import {
  getRuleChangesBySlugs,
  getStoriesBySlugs,
  listRuleChanges,
  ruleChangesForArticles,
  storiesForArticles,
} from './timeline.ts';
import { replaceTimeline } from './timeline-writes.ts';
import { PostgresTokenStore } from './tokens.ts';
import { createArticle, updateArticle, upsertArticles } from './writer.ts';

export { SCHEMA_VERSION } from './migrations.ts';
export { PostgresTokenStore } from './tokens.ts';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Connections in this replica's pool (default 10). */
  poolSize?: number;
  /** Longest any statement may run before it is cancelled (default 5,000 ms). */
  statementTimeoutMs?: number;
  /**
   * Longest a statement of a write may run (default 120,000 ms): a bulk import writes thousands
   * of rows, each indexed for search, in one statement.
   */
  writeTimeoutMs?: number;
  /** How long to wait for a connection before giving up (default 3,000 ms). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity (default `jin`). */
  applicationName?: string;
  /** Matches one tier of relevance ranking holds (default 1,000; see list-query.ts). */
  rankWindow?: number;
  /**
   * Rows between two checkpoints of a date-ordered list (default 500; see checkpoints.ts): the
   * most a numbered page skips beyond its own rows.
   */
  pageCheckpointStep?: number;
}

const DEFAULT_RANK_WINDOW = 1000;

/** A dry run's outcome, carried out of the transaction it rolls back. */
class DryRun<T> {
  constructor(readonly value: T) {}
}

export class PostgresStore implements Store, TokenStore {
  readonly pool: pg.Pool;
  private readonly db: PgDb;
  private readonly rankWindow: number;
  /** What the list reads share (see counts.ts). */
  private readonly reads: ReadContext;
  private readonly tokens: PostgresTokenStore;
  /** Who hears of writes (see dataset.ts). */
  private readonly changes: DatasetChanges;
  private closed = false;

  constructor(private readonly options: PostgresStoreOptions) {
    const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
    this.rankWindow = options.rankWindow ?? DEFAULT_RANK_WINDOW;
    if (!Number.isInteger(this.rankWindow) || this.rankWindow < 1) {
      throw new RangeError('rankWindow must be a positive integer');
    }
    this.pool = new pg.Pool({
      ...this.connection(),
      max: options.poolSize ?? 10,
      statement_timeout: statementTimeoutMs,
      // A server that stops answering without closing the connection is given up on too.
      query_timeout: statementTimeoutMs + 2000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server closed (a restart) is dropped from the pool; the next
    // query opens a new one. Without a listener the error would end the process.
    this.pool.on('error', () => {});
    this.db = new PgDb(this.pool, statementTimeoutMs);
    this.tokens = new PostgresTokenStore(this.db);
    this.reads = {
      db: this.db,
      window: this.rankWindow,
      cache: new VersionedCache(version),
      checkpoints: new PageCheckpoints(options.pageCheckpointStep),
    };
    this.changes = new DatasetChanges(this.connection(), () => this.datasetVersion());
  }

  /** What every connection of this store, pooled or listening, is opened with. */
  private connection(): pg.ClientConfig {
    return {
      connectionString: this.options.url,
      application_name: this.options.applicationName ?? 'jin',
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 3000,
      keepAlive: true,
    };
  }

  /** Applies the migrations this database lacks (see migrations.ts); returns how many. */
  async migrate(): Promise<number> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error, 0);
    }
    try {
      return await migrate(client);
    } catch (error) {
      throw translate(error, 0);
    } finally {
      client.release();
    }
  }

  // ---- reads -------------------------------------------------------------------------------

  async listArticles(query: ArticleListQuery): Promise<ArticleSlice> {
    return listArticles(this.reads, query);
  }

  async countArticles(filter?: ArticleFilter): Promise<number> {
    return count(this.reads, await resolveFilter(this.db, filter));
  }

  async pageArticles(query: ArticlePageQuery): Promise<ArticlePage> {
    return pageArticles(this.reads, query);
  }

  async getArticleById(id: number): Promise<Article | null> {
    return (await getArticlesByIds(this.db, [id]))[0] ?? null;
  }

  async getArticleBySlug(slug: string): Promise<Article | null> {
    return getArticleBySlug(this.db, slug);
  }

  async getArticlesByIds(ids: readonly number[]): Promise<(Article | null)[]> {
    return getArticlesByIds(this.db, ids);
  }

  async relatedArticles(ids: readonly number[], limit: number): Promise<Article[][]> {
    return relatedArticles(this.db, ids, limit);
  }

  async listTags(): Promise<Counted<Tag>[]> {
    return this.reads.cache.get(this.db, 'tags', () => listTags(this.db));
  }

  async getTagsBySlugs(slugs: readonly string[]): Promise<(Counted<Tag> | null)[]> {
    return getTagsBySlugs(this.db, slugs);
  }

  async listMedia(): Promise<Counted<Media>[]> {
    return this.reads.cache.get(this.db, 'media', () => listMedia(this.db));
  }

  async getMediaBySlugs(slugs: readonly string[]): Promise<(Counted<Media> | null)[]> {
    return getMediaBySlugs(this.db, slugs);
  }

  async datasetVersion(): Promise<string> {
    return version(this.db);
  }

  async ping(): Promise<void> {
    await this.db.query({ name: 'ping', text: 'SELECT 1' });
  }

  /**
   * Calls `listener` with the new version after every write to the database, from this replica
   * or any other (through LISTEN on a connection of its own, opened with the first listener).
   */
  onDatasetChange(listener: (version: string) => void): () => void {
    return this.changes.add(listener);
  }

  // ---- writes ------------------------------------------------------------------------------

  /**
   * Runs `work` in one write transaction; when it reports a change, the dataset version moves
   * and a NOTIFY goes out in the same transaction. A dry run is rolled back whole.
   */
  private async write<T>(
    work: (db: Db) => Promise<{ value: T; changed: boolean }>,
    dryRun = false,
  ): Promise<T> {
    let moved: string | null = null;
    try {
      const value = await this.db.transaction(
        async (db) => {
          const { value, changed } = await work(db);
          if (dryRun) throw new DryRun(value);
          if (changed) moved = await bump(db);
          return value;
        },
        { write: true, timeoutMs: this.options.writeTimeoutMs ?? 120_000 },
      );
      if (moved !== null) this.changes.tell(moved);
      return value;
    } catch (error) {
      if (error instanceof DryRun) return error.value as T;
      throw error;
    }
  }

  async upsertTag(input: Tag): Promise<Tag> {
    const tag = validateTag(input);
    return this.write(async (db) => {
      const updated = await db.query(
        'UPDATE tags SET name = $2, description = $3 WHERE slug = $1 RETURNING id',
        [tag.slug, tag.name, tag.description],
      );
      if (updated.length === 0) {
        await db.query('INSERT INTO tags (slug, name, description) VALUES ($1, $2, $3)', [
          tag.slug,
          tag.name,
          tag.description,
        ]);
      }
      return { value: tag, changed: true };
    });
  }

  async upsertMedia(input: MediaInput): Promise<Media> {
    return this.write(async (db) => {
      const { id: _, ...media } = await resolveMedia(db, input);
      return { value: media, changed: true };
    });
  }

  async updateMedia(slug: string, patch: MediaPatch): Promise<Media> {
    return this.write(async (db) => {
      const { media, changed } = await updateOutlet(db, slug, patch);
      return { value: media, changed };
    });
  }

  async upsertArticle(
    input: ArticleInput,
  ): Promise<{ article: Article; change: 'created' | 'updated' | 'unchanged' }> {
    const [result] = await this.write(async (db) => {
      const results = await upsertArticles(db, [input]);
      return { value: results, changed: results.some((r) => r.change !== 'unchanged') };
    });
    const { id, change } = result as { id: number; change: 'created' | 'updated' | 'unchanged' };
    return { article: (await this.getArticleById(id)) as Article, change };
  }

  async createArticle(draft: ArticleDraft): Promise<Article> {
    const { id } = await this.write(async (db) => {
      const result = await createArticle(db, draft);
      return { value: result, changed: result.change !== 'unchanged' };
    });
    return (await this.getArticleById(id)) as Article;
  }

  async updateArticle(id: number, patch: ArticlePatch): Promise<Article> {
    await this.write(async (db) => {
      const result = await updateArticle(db, id, patch);
      return { value: result, changed: result.change !== 'unchanged' };
    });
    return (await this.getArticleById(id)) as Article;
  }

  async deleteArticle(id: number): Promise<boolean> {
    if (!Number.isSafeInteger(id) || id < 1 || id >= 2 ** 31) return false;
    return this.write(async (db) => {
      const deleted = await db.query('DELETE FROM articles WHERE id = $1 RETURNING id', [id]);
      return { value: deleted.length > 0, changed: deleted.length > 0 };
    });
  }

  async importArticles(
    inputs: readonly ArticleInput[],
    options: { dryRun?: boolean } = {},
  ): Promise<ImportResult> {
    const results = await this.write(async (db) => {
      const results = await upsertArticles(db, inputs, options.dryRun ?? false);
      return { value: results, changed: results.some((r) => r.change !== 'unchanged') };
    }, options.dryRun ?? false);
    const tally = (c: string) => results.filter((r) => r.change === c).length;
    return { created: tally('created'), updated: tally('updated'), unchanged: tally('unchanged') };
  }

  // ---- timeline ----------------------------------------------------------------------------

  async listRuleChanges(query: RuleChangeListQuery): Promise<RuleChangeSlice> {
    return listRuleChanges(this.db, query);
  }

  async getRuleChangesBySlugs(slugs: readonly string[]): Promise<(RuleChange | null)[]> {
    return getRuleChangesBySlugs(this.db, slugs);
  }

  async ruleChangesForArticles(articleIds: readonly number[]): Promise<RuleChange[][]> {
    return ruleChangesForArticles(this.db, articleIds);
  }

  async storiesForArticles(articleIds: readonly number[]): Promise<Story[][]> {
    return storiesForArticles(this.db, articleIds);
  }

  async getStoriesBySlugs(slugs: readonly string[]): Promise<(Story | null)[]> {
    return getStoriesBySlugs(this.db, slugs);
  }

  async replaceTimeline(input: TimelineInput): Promise<{ ruleChanges: number; stories: number }> {
    return this.write(async (db) => {
      const { changed, ...counts } = await replaceTimeline(db, input);
      return { value: counts, changed };
    });
  }

  // ---- statistics --------------------------------------------------------------------------

  async listSeries(): Promise<Series[]> {
    return listSeries(this.db);
  }

  async getSeriesBySlugs(slugs: readonly string[]): Promise<(Series | null)[]> {
    return getSeriesBySlugs(this.db, slugs);
  }

  async seriesForArticles(articleIds: readonly number[]): Promise<Series[][]> {
    return seriesForArticles(this.db, articleIds);
  }

  async articlesPerQuarter(tagSlug: string): Promise<QuarterCount[]> {
    return articlesPerQuarter(this.db, tagSlug);
  }

  async replaceStatistics(
    input: readonly SeriesInput[],
  ): Promise<{ series: number; changed: boolean }> {
    return this.write(async (db) => {
      const result = await replaceStatistics(db, input);
      return { value: result, changed: result.changed };
    });
  }

  // ---- tokens ------------------------------------------------------------------------------

  createToken(token: { name: string; tokenHash: string; scopes: TokenScope[] }): Promise<ApiToken> {
    return this.tokens.createToken(token);
  }

  findActiveToken(tokenHash: string): Promise<ApiToken | null> {
    return this.tokens.findActiveToken(tokenHash);
  }

  listTokens(): Promise<ApiToken[]> {
    return this.tokens.listTokens();
  }

  revokeToken(name: string): Promise<boolean> {
    return this.tokens.revokeToken(name);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.changes.close();
    await this.pool.end();
  }
}

/**
 * Opens a store on `url`, bringing its schema up to date first (safe with several replicas
 * starting at once). Throws StoreUnavailableError when the database cannot be reached.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(options);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
