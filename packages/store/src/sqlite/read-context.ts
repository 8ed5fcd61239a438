// What the read paths of the SQLite store share: its cached statements, how it ranks, and the
// counts it keeps for the current dataset version.

import type Database from 'better-sqlite3';
import type { Tag } from '../types.ts';
import type { FilterCounts } from './filter-counts.ts';
import type { Ranker, VersionedCounts, VersionedValues } from './ranking.ts';

export interface ReadContext {
  /** A statement prepared once per store (see SqliteStore.stmt). */
  stmt(sql: string): Database.Statement;
  /** Which function ranks search results (see ranking.ts). */
  readonly ranker: Ranker;
  /** How many matches one tier of relevance ranking holds (see `tierSql`). */
  readonly rankWindow: number;
  /** Counts over the search index, kept for the current dataset version. */
  readonly textCounts: VersionedCounts;
  /**
   * Search snippets by text query and article (see snippets.ts), kept for the current dataset
   * version: the most costly part of a search page, and the same each time it is asked for.
   */
  readonly snippets: VersionedValues<string>;
  /**
   * Every tag by row id, kept for the current dataset version (one entry): articles name their
   * tags by id, so a list reads (article, tag) pairs and not each tag's text again.
   */
  readonly tags: VersionedValues<ReadonlyMap<number, Tag>>;
  /** Counts of every other filter, from columns kept for the current dataset version. */
  readonly filterCounts: FilterCounts;
  /** See FTS_KEYS_MAX and FTS_IDS_MAX in filter.ts. */
  readonly ftsKeysMax: number;
  readonly ftsIdsMax: number;
}

/** A list of values as one JSON parameter, read back in SQL with json_each(). */
export const json = (values: readonly unknown[]) => JSON.stringify(values);
