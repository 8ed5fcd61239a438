// Domain types and the engine-neutral Store contract. Nothing here names a database engine.

import type { StatisticsStore } from './statistics.ts';
import type { TimelineStore } from './timeline.ts';

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Tag {
  slug: string;
  name: string;
  description: string;
}

export interface Media {
  slug: string;
  name: string;
  homepage: string | null;
}

export interface Counted<T> {
  item: T;
  articleCount: number;
}

export interface Article {
  id: number;
  slug: string;
  title: string;
  releasedOn: IsoDate;
  media: Media;
  /** The summary as written: paragraphs separated by blank lines, `- ` and `1. ` list lines. */
  summary: string;
  sourceUrl: string | null;
  /** The outlet whose site `sourceUrl` is on, when that is not the original outlet (a syndicated or reprinted copy). */
  readVia: Media | null;
  /** Tags in the order the editor gave them. */
  tags: Tag[];
  headlineVerified: boolean;
  dateApproximate: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleInput {
  slug: string;
  title: string;
  releasedOn: IsoDate;
  /** The outlet: matched to an existing one by slug or normalised name, created otherwise. */
  media: MediaInput;
  summary: string;
  sourceUrl?: string | null | undefined;
  readVia?: MediaInput | null | undefined;
  tags: string[];
  headlineVerified?: boolean | undefined;
  dateApproximate?: boolean | undefined;
}

/** A new article as an editor gives it. */
export interface ArticleDraft extends Omit<ArticleInput, 'slug' | 'media' | 'readVia'> {
  /** Made from the title when left out; a given slug must not be another article's. */
  slug?: string | undefined;
  /** An existing outlet's slug, or an outlet name (matched as in ArticleInput, or created). */
  media: string;
}

/** Changes to an article: fields left out keep their values; `sourceUrl: null` clears it. */
export interface ArticlePatch {
  title?: string | undefined;
  releasedOn?: IsoDate | undefined;
  /** As in ArticleDraft. */
  media?: string | undefined;
  summary?: string | undefined;
  sourceUrl?: string | null | undefined;
  tags?: string[] | undefined;
  headlineVerified?: boolean | undefined;
  dateApproximate?: boolean | undefined;
}

export interface MediaInput {
  name: string;
  slug?: string | undefined;
  homepage?: string | null | undefined;
}

export interface MediaPatch {
  name?: string | undefined;
  homepage?: string | null | undefined;
}

export interface ArticleFilter {
  tags?: { anyOf?: string[] | undefined; allOf?: string[] | undefined } | undefined;
  media?: string[] | undefined;
  releasedFrom?: IsoDate | undefined;
  releasedTo?: IsoDate | undefined;
  /** Free text, always searched literally. */
  query?: string | undefined;
}

export type ArticleOrder = 'newest' | 'oldest' | 'relevance';

/** A position in an ordered list; opaque outside the store and the layer that encodes it. */
export type ArticleKey =
  | { kind: 'date'; releasedOn: IsoDate; id: number }
  /** `tier`: relevance is ranked in tiers of matches, newest first (see the SQLite store). */
  | { kind: 'rank'; tier: number; rank: number; id: number };

export interface ArticleListQuery {
  filter?: ArticleFilter | undefined;
  order?: ArticleOrder | undefined;
  first?: number | undefined;
  after?: ArticleKey | undefined;
  last?: number | undefined;
  before?: ArticleKey | undefined;
}

export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

export interface ArticleHit {
  article: Article;
  key: ArticleKey;
  /** Present when the list was filtered by a text query. */
  snippet: SnippetPart[] | null;
}

export interface ArticleSlice {
  hits: ArticleHit[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface ArticlePageQuery {
  filter?: ArticleFilter | undefined;
  order?: ArticleOrder | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface ArticlePage {
  hits: ArticleHit[];
  page: number;
  pageSize: number;
  pageCount: number;
  totalCount: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface Store extends TimelineStore, StatisticsStore {
  listArticles(query: ArticleListQuery): Promise<ArticleSlice>;
  countArticles(filter?: ArticleFilter): Promise<number>;
  pageArticles(query: ArticlePageQuery): Promise<ArticlePage>;
  getArticleById(id: number): Promise<Article | null>;
  getArticleBySlug(slug: string): Promise<Article | null>;
  /** Same length and order as `ids`; null where no article has that id. */
  getArticlesByIds(ids: readonly number[]): Promise<(Article | null)[]>;
  /** For each id, up to `limit` other articles sharing the most tags, newest first on ties. */
  relatedArticles(ids: readonly number[], limit: number): Promise<Article[][]>;

  listTags(): Promise<Counted<Tag>[]>;
  getTagsBySlugs(slugs: readonly string[]): Promise<(Counted<Tag> | null)[]>;
  listMedia(): Promise<Counted<Media>[]>;
  getMediaBySlugs(slugs: readonly string[]): Promise<(Counted<Media> | null)[]>;

  /** Changes on every write; use it to validate caches. */
  datasetVersion(): Promise<string>;
  /**
   * Calls `listener` with the new dataset version after each write that changed it: every write
   * to the database, whichever process made it, where the engine can hear them (PostgreSQL);
   * this process's own writes otherwise (SQLite). Returns a function that stops the calls.
   */
  onDatasetChange(listener: (version: string) => void): () => void;
  /** Resolves when the database answers a trivial query; throws when it cannot. */
  ping(): Promise<void>;

  upsertTag(tag: Tag): Promise<Tag>;
  upsertMedia(media: MediaInput): Promise<Media>;
  /**
   * Renames an outlet or changes its homepage (null clears it); its articles follow. Throws
   * NotFoundError for an unknown slug, InvalidInputError when the new name is invalid or is
   * another outlet's name.
   */
  updateMedia(slug: string, patch: MediaPatch): Promise<Media>;
  upsertArticle(
    input: ArticleInput,
  ): Promise<{ article: Article; change: 'created' | 'updated' | 'unchanged' }>;
  /**
   * Adds an editor's article, checking its slug and writing it in one transaction. Throws
   * InvalidInputError naming every invalid field, or only `slug` when that slug is taken.
   */
  createArticle(draft: ArticleDraft): Promise<Article>;
  /**
   * Lays the patch over the stored article and writes it in one transaction. Throws
   * NotFoundError when no article has the id, InvalidInputError naming every invalid field.
   */
  updateArticle(id: number, patch: ArticlePatch): Promise<Article>;
  deleteArticle(id: number): Promise<boolean>;
  /** All or nothing: one invalid record and nothing is written. */
  importArticles(
    inputs: readonly ArticleInput[],
    options?: { dryRun?: boolean },
  ): Promise<ImportResult>;

  close(): Promise<void>;
}

export type TokenScope = 'write' | 'admin';

export interface ApiToken {
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Editors' API tokens. The store sees only hashes; the caller hashes what the client sends. */
export interface TokenStore {
  createToken(token: { name: string; tokenHash: string; scopes: TokenScope[] }): Promise<ApiToken>;
  /** The active (not revoked) token with this hash; marks it used. */
  findActiveToken(tokenHash: string): Promise<ApiToken | null>;
  listTokens(): Promise<ApiToken[]>;
  /** True when an active token of that name was revoked. */
  revokeToken(name: string): Promise<boolean>;
}
