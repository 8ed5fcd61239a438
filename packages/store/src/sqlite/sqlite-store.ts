// The embedded default Store: better-sqlite3 with WAL, foreign keys, FTS5 and cached statements.

import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { InvalidQueryError, StoreBusyError } from '../errors.ts';
import { toFtsQuery } from '../fts-query.ts';
import { checkFilter, MAX_PAGE_SIZE } from '../limits.ts';
import type {
  Article,
  ArticleFilter,
  ArticleHit,
  ArticleInput,
  ArticleKey,
  ArticleListQuery,
  ArticleOrder,
  ArticlePage,
  ArticlePageQuery,
  ArticleSlice,
  Counted,
  ImportResult,
  Media,
  MediaInput,
  MediaPatch,
  SnippetPart,
  Store,
  Tag,
} from '../types.ts';
import { isIsoDate } from '../validate.ts';
import { FilterCounts } from './filter-counts.ts';
import {
  ARTICLE_COLUMNS,
  afterOp,
  type Bound,
  countSql,
  FTS_ID,
  listSql,
  MEDIA_JOINS,
  matchKeysSql,
  type ResolvedFilter,
  tierSql,
} from './list-query.ts';
import { migrate } from './migrations.ts';
import { loadRanker, type Ranker, rankSql, VersionedCounts } from './ranking.ts';
import { Writer } from './writer.ts';

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
  /** See FTS_KEYS_MAX and FTS_IDS_MAX (tests lower them to compare the ways of reading). */
  ftsKeysMax?: number;
  ftsIdsMax?: number;
}

const DEFAULT_RANK_WINDOW = 1000;
const DEFAULT_WRITE_WAIT_MS = 2000;
/**
 * A text query with tag or outlet conditions: with at most FTS_KEYS_MAX articles allowed by
 * those conditions the search index is read at each of their keys (each read costs about as
 * much as reading the word's whole list once, so only for a few); with at most FTS_IDS_MAX each
 * match is looked up among them; with more, most matches pass, and each match's tags are
 * checked instead, as a page then fills quickly.
 */
const FTS_KEYS_MAX = 50;
const FTS_IDS_MAX = 30_000;
/**
 * How long a read waits on a lock. In WAL mode readers are not blocked by a writer; this covers
 * the short moments (opening the log, a checkpoint) when SQLite itself asks a reader to wait.
 */
const READ_BUSY_MS = 200;

const isBusy = (error: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * A numbered page of every article that would skip at least this many rows finds its month
 * first (see `fromMonth`). Summing 14 years of months costs about what walking this many index
 * entries costs.
 */
const MONTHS_FROM = 2000;

export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  released_on: string;
  summary: string;
  source_url: string | null;
  headline_verified: number;
  date_approximate: number;
  created_at: string;
  updated_at: string;
  media_slug: string;
  media_name: string;
  media_homepage: string | null;
  via_slug: string | null;
  via_name: string | null;
  via_homepage: string | null;
  rank?: number;
  /** For relevance lists: the tier the row was ranked in. */
  tier?: number;
}

interface TagRow {
  slug: string;
  name: string;
  description: string;
  article_count: number;
}
interface MediaRow {
  slug: string;
  name: string;
  homepage: string | null;
  article_count: number;
}

const json = (values: readonly unknown[]) => JSON.stringify(values);

/** Splits an FTS5 snippet marked with \u0002 … \u0003 into plain and highlighted parts. */
export function parseSnippet(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters by design
  for (const [i, chunk] of raw.split(/[\u0002\u0003]/).entries()) {
    if (chunk) parts.push({ text: chunk.replace(/\s+/g, ' '), highlighted: i % 2 === 1 });
  }
  return parts;
}

/** Whether two list positions are the same. */
function sameKey(a: ArticleKey, b: ArticleKey): boolean {
  if (a.kind === 'date' && b.kind === 'date') return a.id === b.id && a.releasedOn === b.releasedOn;
  if (a.kind === 'rank' && b.kind === 'rank') {
    return a.id === b.id && a.tier === b.tier && a.rank === b.rank;
  }
  return false;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writer: Writer;
  private readonly rankWindow: number;
  private readonly writeWaitMs: number;
  private readonly ftsKeysMax: number;
  private readonly ftsIdsMax: number;
  /** Which function ranks search results (see ranking.ts). */
  readonly ranker: Ranker;
  /** Counts over the search index, kept for the current dataset version. */
  private readonly textCounts: VersionedCounts;
  /** Counts of every other filter, from columns kept for the current dataset version. */
  readonly filterCounts: FilterCounts;

  constructor(options: SqliteStoreOptions) {
    this.rankWindow = options.rankWindow ?? DEFAULT_RANK_WINDOW;
    this.writeWaitMs = options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS;
    this.ftsKeysMax = options.ftsKeysMax ?? FTS_KEYS_MAX;
    this.ftsIdsMax = options.ftsIdsMax ?? FTS_IDS_MAX;
    if (!Number.isInteger(this.rankWindow) || this.rankWindow < 1) {
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
    this.writer = new Writer(this.db, (sql) => this.stmt(sql));
    this.ranker = options.plainBm25 ? 'bm25' : loadRanker(this.db);
    this.textCounts = new VersionedCounts(() => this.version());
    this.filterCounts = new FilterCounts(this.db, () => this.version());
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

  private toArticles(rows: ArticleRow[]): Article[] {
    if (rows.length === 0) return [];
    const tagRows = this.stmt(
      `SELECT at.article_id, t.slug, t.name, t.description FROM article_tags at
       JOIN tags t ON t.id = at.tag_id
       WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY at.article_id, at.position`,
    ).all(json(rows.map((r) => r.id))) as (Tag & { article_id: number })[];
    const tagsOf = new Map<number, Tag[]>();
    for (const { article_id, slug, name, description } of tagRows) {
      const list = tagsOf.get(article_id) ?? [];
      if (list.length === 0) tagsOf.set(article_id, list);
      list.push({ slug, name, description });
    }
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      releasedOn: r.released_on,
      media: { slug: r.media_slug, name: r.media_name, homepage: r.media_homepage },
      summary: r.summary,
      sourceUrl: r.source_url,
      readVia:
        r.via_slug === null
          ? null
          : { slug: r.via_slug, name: r.via_name as string, homepage: r.via_homepage },
      tags: tagsOf.get(r.id) ?? [],
      headlineVerified: r.headline_verified === 1,
      dateApproximate: r.date_approximate === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  private resolveFilter(filter: ArticleFilter | undefined): ResolvedFilter {
    const resolved: ResolvedFilter = {
      empty: false,
      anyOfTagIds: [],
      allOfTagIds: [],
      mediaIds: [],
      releasedFrom: filter?.releasedFrom,
      releasedTo: filter?.releasedTo,
      ftsQuery: null,
    };
    if (!filter) return resolved;
    checkFilter(filter);
    for (const [name, value] of [
      ['releasedFrom', filter.releasedFrom],
      ['releasedTo', filter.releasedTo],
    ] as const) {
      if (value !== undefined && !isIsoDate(value)) {
        throw new InvalidQueryError(`${name} must be a real date written YYYY-MM-DD`);
      }
    }
    if (filter.releasedFrom && filter.releasedTo && filter.releasedFrom > filter.releasedTo) {
      throw new InvalidQueryError('releasedFrom must not be later than releasedTo');
    }
    // Rarest first: the first tag of an `allOf` drives the read, the others are checked per row.
    const tagIds = (slugs: readonly string[]) =>
      this.stmt(
        'SELECT id FROM tags WHERE slug IN (SELECT value FROM json_each(?)) ORDER BY article_count, id',
      )
        .pluck()
        .all(json(slugs)) as number[];
    const anyOf = [...new Set(filter.tags?.anyOf ?? [])];
    if (anyOf.length > 0) {
      resolved.anyOfTagIds = tagIds(anyOf);
      if (resolved.anyOfTagIds.length === 0) resolved.empty = true;
    }
    const allOf = [...new Set(filter.tags?.allOf ?? [])];
    if (allOf.length > 0) {
      resolved.allOfTagIds = tagIds(allOf);
      if (resolved.allOfTagIds.length < allOf.length) resolved.empty = true;
    }
    const media = [...new Set(filter.media ?? [])];
    if (media.length > 0) {
      resolved.mediaIds = this.stmt(
        'SELECT id FROM media WHERE slug IN (SELECT value FROM json_each(?))',
      )
        .pluck()
        .all(json(media)) as number[];
      if (resolved.mediaIds.length === 0) resolved.empty = true;
    }
    if (filter.query !== undefined && filter.query.trim() !== '') {
      resolved.ftsQuery = toFtsQuery(filter.query);
      if (resolved.ftsQuery === null) resolved.empty = true;
      else if (
        this.stmt('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1').get(
          resolved.ftsQuery,
        ) === undefined
      ) {
        // Nothing has these words whole: complete the last one (`immig` finds "immigration").
        resolved.ftsQuery = toFtsQuery(filter.query, true);
      }
    }
    const narrowed =
      resolved.anyOfTagIds.length + resolved.allOfTagIds.length + resolved.mediaIds.length > 0;
    if (resolved.ftsQuery !== null && narrowed && !resolved.empty) {
      // A common word among fewer tagged articles: look each match up among those articles
      // (or, when very few, read the index at each of them) rather than check its tags.
      const keys = this.filterCounts.searchKeys(resolved, this.ftsIdsMax);
      if (keys?.length === 0) resolved.empty = true;
      else if (keys && keys.length <= this.ftsKeysMax) resolved.ftsKeys = keys;
      else if (keys) resolved.ftsIds = keys.map((key) => key % 4294967296);
    }
    return resolved;
  }

  /** Reads the counts' columns ahead (in steps: see FilterCounts.ready) when a filter uses them. */
  private async columnsFor(filter: ArticleFilter | undefined): Promise<void> {
    if (!filter) return;
    const narrowed =
      (filter.tags?.anyOf?.length ?? 0) +
        (filter.tags?.allOf?.length ?? 0) +
        (filter.media?.length ?? 0) >
      0;
    const dated = filter.releasedFrom !== undefined || filter.releasedTo !== undefined;
    if (narrowed || (dated && !filter.query?.trim())) await this.filterCounts.ready();
  }

  private effectiveOrder(order: ArticleOrder | undefined, filter: ResolvedFilter): ArticleOrder {
    if (order === 'relevance') return filter.ftsQuery === null ? 'newest' : 'relevance';
    return order ?? 'newest';
  }

  private keyOf(row: ArticleRow, order: ArticleOrder): ArticleKey {
    return order === 'relevance'
      ? { kind: 'rank', tier: row.tier ?? 0, rank: row.rank ?? 0, id: row.id }
      : { kind: 'date', releasedOn: row.released_on, id: row.id };
  }

  private checkKey(key: ArticleKey | undefined, order: ArticleOrder, name: string): void {
    if (key && (key.kind === 'rank') !== (order === 'relevance')) {
      throw new InvalidQueryError(`${name} is a cursor from a list in a different order`);
    }
    if (key?.kind === 'rank' && !(Number.isSafeInteger(key.tier) && key.tier >= 0)) {
      throw new InvalidQueryError(`${name} is not a valid position in a ranked list`);
    }
  }

  private run(
    filter: ResolvedFilter,
    order: ArticleOrder,
    forward: boolean,
    bounds: Bound[],
    limit: number,
  ): ArticleRow[] {
    if (filter.empty) return [];
    if (order === 'relevance') return this.ranked(filter, forward, bounds, limit);
    const { sql, params } = listSql(filter, order, forward, bounds, limit);
    return this.stmt(sql).all(...params) as ArticleRow[];
  }

  /** One tier of a relevance list (see `tierSql`), its rows marked with the tier. */
  private tier(
    filter: ResolvedFilter,
    tier: number,
    bounds: Bound[],
    forward: boolean,
    limit: number,
    offset = 0,
  ): ArticleRow[] {
    const rank = rankSql(this.ranker, filter.ftsQuery ?? '', (phrase) =>
      this.textCounts.get(
        `df ${phrase}`,
        () =>
          this.stmt('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?')
            .pluck()
            .get(phrase) as number,
      ),
    );
    const { sql, params } = tierSql(
      filter,
      rank,
      this.rankWindow,
      tier,
      bounds,
      forward,
      limit,
      offset,
    );
    const rows = this.stmt(sql).all(...params) as ArticleRow[];
    for (const row of rows) row.tier = tier;
    return rows;
  }

  /**
   * Up to `limit` rows of a relevance list within `bounds`, walking the tiers from the bound
   * where reading starts. Each bound's rank applies in its own tier; tiers between the bounds
   * are read whole.
   */
  private ranked(
    filter: ResolvedFilter,
    forward: boolean,
    bounds: Bound[],
    limit: number,
  ): ArticleRow[] {
    const tierOf = (b: Bound) => (b.key.kind === 'rank' ? b.key.tier : 0);
    const lower = bounds.filter((b) => b.op.startsWith('>')).map(tierOf);
    const upper = bounds.filter((b) => b.op.startsWith('<')).map(tierOf);
    const rows: ArticleRow[] = [];
    if (forward) {
      const last = upper.length ? Math.min(...upper) : Number.POSITIVE_INFINITY;
      for (let t = lower.length ? Math.max(...lower) : 0; t <= last; t++) {
        const here = bounds.filter((b) => tierOf(b) === t);
        const want = limit - rows.length;
        const got = this.tier(filter, t, here, true, want);
        rows.push(...got);
        // A tier read whole that is short of the window is the last one.
        if (rows.length >= limit || (here.length === 0 && got.length < this.rankWindow)) break;
      }
    } else {
      const first = lower.length ? Math.max(...lower) : 0;
      // (A cursor names its tier; one past the last tier is never read.)
      const lastTier = () => Math.max(0, Math.ceil(this.count(filter) / this.rankWindow) - 1);
      const top = upper.length ? Math.min(...upper) : Number.POSITIVE_INFINITY;
      const start = top === 0 ? 0 : Math.min(top, lastTier());
      for (let t = start; t >= first && rows.length < limit; t--) {
        const here = bounds.filter((b) => tierOf(b) === t);
        rows.push(...this.tier(filter, t, here, false, limit - rows.length));
      }
    }
    return rows;
  }

  /** Rows `offset` to `offset + limit` of a relevance list, first to last. */
  private rankedAt(filter: ResolvedFilter, offset: number, limit: number): ArticleRow[] {
    const rows: ArticleRow[] = [];
    let t = Math.floor(offset / this.rankWindow);
    let skip = offset - t * this.rankWindow;
    while (rows.length < limit) {
      const got = this.tier(filter, t, [], true, limit - rows.length, skip);
      rows.push(...got);
      if (got.length === 0) break;
      t++;
      skip = 0;
    }
    return rows;
  }

  private hits(rows: ArticleRow[], order: ArticleOrder, filter: ResolvedFilter): ArticleHit[] {
    const articles = this.toArticles(rows);
    // Snippets are made for the rows of this page only, whichever order found them, in one
    // pass over the matches between the page's lowest and highest search key. (Looking each
    // row up by itself would rebuild the doclist of the query's prefix term once per row.)
    let snippets: Map<number, string> | undefined;
    if (filter.ftsQuery !== null && rows.length > 0) {
      const found = this.stmt(
        `WITH page AS (SELECT search_key FROM articles
           WHERE id IN (SELECT value FROM json_each(?)))
         SELECT ${FTS_ID} AS id,
           snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet
         FROM articles_fts WHERE articles_fts MATCH ?
         AND rowid BETWEEN (SELECT min(search_key) FROM page) AND (SELECT max(search_key) FROM page)
         AND +rowid IN (SELECT search_key FROM page)`,
      ).all(json(rows.map((r) => r.id)), filter.ftsQuery) as {
        id: number;
        snippet: string;
      }[];
      snippets = new Map(found.map((s) => [s.id, s.snippet]));
    }
    return rows.map((row, i) => {
      const raw = snippets?.get(row.id);
      return {
        article: articles[i] as Article,
        key: this.keyOf(row, order),
        snippet: raw === undefined ? null : parseSnippet(raw),
      };
    });
  }

  async listArticles(query: ArticleListQuery): Promise<ArticleSlice> {
    await this.columnsFor(query.filter);
    const filter = this.resolveFilter(query.filter);
    const order = this.effectiveOrder(query.order, filter);
    this.checkKey(query.after, order, 'after');
    this.checkKey(query.before, order, 'before');
    for (const [name, n] of [
      ['first', query.first],
      ['last', query.last],
    ] as const) {
      if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE)) {
        throw new InvalidQueryError(`${name} must be an integer from 0 to ${MAX_PAGE_SIZE}`);
      }
    }
    const backward = query.last !== undefined && query.first === undefined;
    // The cursor reading starts from is read too (inclusive), so that finding it answers
    // whether anything lies on its other side without a second query.
    const start = backward ? query.before : query.after;
    const bounds: Bound[] = [];
    if (query.after) bounds.push({ key: query.after, op: afterOp(order, true, !backward) });
    if (query.before) bounds.push({ key: query.before, op: afterOp(order, false, backward) });
    const size = (backward ? query.last : query.first) ?? 20;

    let rows = this.run(filter, order, !backward, bounds, size + (start ? 2 : 1));
    const startFound =
      start !== undefined && rows[0] !== undefined && sameKey(this.keyOf(rows[0], order), start);
    if (startFound) rows.shift();
    else if (start) rows = rows.slice(0, size + 1);
    const more = rows.length > size;
    rows = rows.slice(0, size);
    if (backward) rows.reverse();

    // Whether anything lies beyond the cursor on the other side (the cursor's own row counts).
    const beyond = (key: ArticleKey | undefined, forward: boolean) =>
      key !== undefined &&
      this.run(filter, order, forward, [{ key, op: afterOp(order, forward, true) }], 1).length > 0;
    const behindStart = startFound || beyond(start, backward);

    const hasNextPage = backward ? behindStart : more;
    let hasPreviousPage = backward ? more : behindStart;
    if (!backward && query.last !== undefined && rows.length > query.last) {
      rows = rows.slice(rows.length - query.last);
      hasPreviousPage = true;
    }
    return { hits: this.hits(rows, order, filter), hasNextPage, hasPreviousPage };
  }

  async countArticles(filter?: ArticleFilter): Promise<number> {
    await this.columnsFor(filter);
    return this.count(this.resolveFilter(filter));
  }

  private count(filter: ResolvedFilter): number {
    if (filter.empty) return 0;
    // Precomputed counts answer the common cases without touching the articles.
    if (isEverything(filter)) {
      return this.stmt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'article_count'")
        .pluck()
        .get() as number;
    }
    const onlyTags =
      filter.mediaIds.length === 0 &&
      !filter.releasedFrom &&
      !filter.releasedTo &&
      filter.ftsQuery === null;
    const single =
      filter.allOfTagIds.length === 1 && filter.anyOfTagIds.length === 0
        ? filter.allOfTagIds[0]
        : filter.anyOfTagIds.length === 1 && filter.allOfTagIds.length === 0
          ? filter.anyOfTagIds[0]
          : undefined;
    if (onlyTags && single !== undefined) {
      return this.stmt('SELECT article_count FROM tags WHERE id = ?').pluck().get(single) as number;
    }
    if (
      filter.mediaIds.length === 1 &&
      filter.anyOfTagIds.length + filter.allOfTagIds.length === 0 &&
      !filter.releasedFrom &&
      !filter.releasedTo &&
      filter.ftsQuery === null
    ) {
      return this.stmt('SELECT article_count FROM media WHERE id = ?')
        .pluck()
        .get(filter.mediaIds[0]) as number;
    }
    if (filter.ftsQuery === null) return this.filterCounts.count(filter);
    // A text query counts its matches in the search index, in time that grows with them; with
    // tag or outlet conditions, its matches are checked against those in memory.
    const narrowed =
      filter.anyOfTagIds.length + filter.allOfTagIds.length + filter.mediaIds.length > 0;
    const { sql, params } = narrowed ? matchKeysSql(filter) : countSql(filter);
    if (narrowed) {
      return this.textCounts.get(
        createHash('sha256')
          .update(JSON.stringify([sql, params, filter.anyOfTagIds, filter.allOfTagIds]))
          .update(JSON.stringify(filter.mediaIds))
          .digest('base64'),
        () =>
          this.filterCounts.countAmong(
            { ...filter, ftsQuery: null },
            this.stmt(sql)
              .pluck()
              .get(...params) as string | null,
          ),
      );
    }
    return this.textCounts.get(
      createHash('sha256')
        .update(JSON.stringify([sql, params]))
        .digest('base64'),
      () =>
        this.stmt(sql)
          .pluck()
          .get(...params) as number,
    );
  }

  /**
   * Where to read every article from to reach row `skip` of the list (in `order`, read in this
   * direction): the start of the month holding that row, and how many rows of that month come
   * before it. One statement sums the months' counts, so the cost grows with the number of
   * months, not with `skip`.
   */
  private fromMonth(
    all: ResolvedFilter,
    order: 'newest' | 'oldest',
    forward: boolean,
    skip: number,
  ): { filter: ResolvedFilter; skip: number } {
    const dir = (order === 'newest') === forward ? 'DESC' : 'ASC';
    const found = this.stmt(
      `SELECT month, ? - (through - article_count) FROM (
         SELECT month, article_count,
           sum(article_count) OVER (ORDER BY month ${dir} ROWS UNBOUNDED PRECEDING) AS through
         FROM article_months)
       WHERE through > ? LIMIT 1`,
    )
      .raw()
      .get(skip, skip) as [string, number] | undefined;
    if (!found) return { filter: all, skip };
    const [month, within] = found;
    return {
      filter:
        dir === 'DESC'
          ? { ...all, releasedTo: lastDayOf(month) }
          : { ...all, releasedFrom: `${month}-01` },
      skip: within,
    };
  }

  async pageArticles(query: ArticlePageQuery): Promise<ArticlePage> {
    const { page, pageSize } = query;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidQueryError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    }
    if (!Number.isInteger(page) || page < 1) {
      throw new InvalidQueryError('page must be an integer of at least 1');
    }
    await this.columnsFor(query.filter);
    const filter = this.resolveFilter(query.filter);
    const order = this.effectiveOrder(query.order, filter);
    const totalCount = this.count(filter);
    const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
    const offset = (page - 1) * pageSize;
    let rows: ArticleRow[] = [];
    if (offset < totalCount && !filter.empty) {
      const take = Math.min(pageSize, totalCount - offset);
      if (order === 'relevance') rows = this.rankedAt(filter, offset, take);
      else {
        // A late page is read from the other end, so it costs what an early page costs.
        const late = offset > totalCount / 2;
        const skip = late ? totalCount - offset - take : offset;
        // Over every article, whole months before the page are skipped by their counts.
        const from =
          skip >= MONTHS_FROM && isEverything(filter)
            ? this.fromMonth(filter, order, !late, skip)
            : { filter, skip };
        const { sql, params } = listSql(from.filter, order, !late, [], take, from.skip);
        rows = this.stmt(sql).all(...params) as ArticleRow[];
        if (late) rows.reverse();
      }
    }
    return { hits: this.hits(rows, order, filter), page, pageSize, pageCount, totalCount };
  }

  async getArticleById(id: number): Promise<Article | null> {
    return (await this.getArticlesByIds([id]))[0] ?? null;
  }

  async getArticleBySlug(slug: string): Promise<Article | null> {
    const row = this.stmt(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a ${MEDIA_JOINS} WHERE a.slug = ?`,
    ).get(slug) as ArticleRow | undefined;
    return row ? (this.toArticles([row])[0] ?? null) : null;
  }

  async getArticlesByIds(ids: readonly number[]): Promise<(Article | null)[]> {
    const rows = this.stmt(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a ${MEDIA_JOINS}
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    ).all(json(ids.filter((id) => Number.isSafeInteger(id)))) as ArticleRow[];
    const byId = new Map(this.toArticles(rows).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async relatedArticles(ids: readonly number[], limit: number): Promise<Article[][]> {
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
      throw new InvalidQueryError(`limit must be an integer from 0 to ${MAX_PAGE_SIZE}`);
    }
    const tagsOf = this.stmt('SELECT tag_id FROM article_tags WHERE article_id = ?').pluck();
    const relatedIds = ids.map((id) => {
      const tagIds = tagsOf.all(id) as number[];
      if (tagIds.length === 0 || limit === 0) return [];
      // Candidates are each tag's most recent articles, so the cost stays flat as tags grow.
      const perTag = `SELECT article_id, released_on FROM (SELECT article_id, released_on
        FROM article_tags WHERE tag_id = ? AND article_id <> ?
        ORDER BY released_on DESC, article_id DESC LIMIT 200)`;
      const sql = `SELECT article_id FROM (${tagIds.map(() => perTag).join(' UNION ALL ')})
        GROUP BY article_id ORDER BY count(*) DESC, max(released_on) DESC, article_id DESC LIMIT ?`;
      return this.stmt(sql)
        .pluck()
        .all(...tagIds.flatMap((t) => [t, id]), limit) as number[];
    });
    const articles = await this.getArticlesByIds([...new Set(relatedIds.flat())]);
    const byId = new Map(articles.filter((a) => a !== null).map((a) => [a.id, a]));
    return relatedIds.map((list) => list.map((id) => byId.get(id) as Article));
  }

  async listTags(): Promise<Counted<Tag>[]> {
    const rows = this.stmt(
      'SELECT slug, name, description, article_count FROM tags ORDER BY name',
    ).all() as TagRow[];
    return rows.map(countedTag);
  }

  async getTagsBySlugs(slugs: readonly string[]): Promise<(Counted<Tag> | null)[]> {
    const rows = this.stmt(
      `SELECT slug, name, description, article_count FROM tags
       WHERE slug IN (SELECT value FROM json_each(?))`,
    ).all(json(slugs)) as TagRow[];
    const bySlug = new Map(rows.map((r) => [r.slug, countedTag(r)]));
    return slugs.map((s) => bySlug.get(s) ?? null);
  }

  async listMedia(): Promise<Counted<Media>[]> {
    const rows = this.stmt(
      'SELECT slug, name, homepage, article_count FROM media ORDER BY name COLLATE NOCASE',
    ).all() as MediaRow[];
    return rows.map(countedMedia);
  }

  async getMediaBySlugs(slugs: readonly string[]): Promise<(Counted<Media> | null)[]> {
    const rows = this.stmt(
      `SELECT slug, name, homepage, article_count FROM media
       WHERE slug IN (SELECT value FROM json_each(?))`,
    ).all(json(slugs)) as MediaRow[];
    const bySlug = new Map(rows.map((r) => [r.slug, countedMedia(r)]));
    return slugs.map((s) => bySlug.get(s) ?? null);
  }

  async datasetVersion(): Promise<string> {
    return this.version();
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
    this.db.pragma('busy_timeout = 0');
    try {
      return { busy: false, value: work() };
    } catch (error) {
      if (isBusy(error)) return { busy: true };
      throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${READ_BUSY_MS}`);
    }
  }

  /** Runs a write, retrying on timers while another writer holds the lock, up to the budget. */
  private async write<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + this.writeWaitMs;
    for (let attempt = 0; ; attempt++) {
      const result = this.tryWrite(work);
      if (!result.busy) return result.value;
      const wait = Math.min(5 * 2 ** attempt, 100, deadline - Date.now());
      if (wait <= 0) {
        throw new StoreBusyError(
          `The database is busy with another write; nothing was written. Retry in a moment.`,
        );
      }
      await sleep(wait);
    }
  }

  async upsertTag(tag: Tag): Promise<Tag> {
    return this.write(() => this.writer.upsertTag(tag));
  }

  async upsertMedia(media: MediaInput): Promise<Media> {
    return this.write(() =>
      this.db
        .transaction(() => {
          const result = this.writer.resolveMedia(media);
          this.writer.bump();
          return result;
        })
        .immediate(),
    );
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Whether a filter keeps every article. */
function isEverything(filter: ResolvedFilter): boolean {
  return (
    !filter.empty &&
    filter.anyOfTagIds.length === 0 &&
    filter.allOfTagIds.length === 0 &&
    filter.mediaIds.length === 0 &&
    !filter.releasedFrom &&
    !filter.releasedTo &&
    filter.ftsQuery === null
  );
}

/** The last day of a 'YYYY-MM' month, as 'YYYY-MM-DD'. */
function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(0);
  day.setUTCFullYear(year, m, 0); // day 0 of the next month
  return `${month}-${String(day.getUTCDate()).padStart(2, '0')}`;
}

const countedTag = (r: TagRow): Counted<Tag> => ({
  item: { slug: r.slug, name: r.name, description: r.description },
  articleCount: r.article_count,
});
const countedMedia = (r: MediaRow): Counted<Media> => ({
  item: { slug: r.slug, name: r.name, homepage: r.homepage },
  articleCount: r.article_count,
});

export function openSqliteStore(path = ':memory:'): SqliteStore {
  return new SqliteStore({ path });
}
