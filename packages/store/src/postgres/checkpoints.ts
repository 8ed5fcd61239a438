// Checkpoints of date-ordered lists: where a deep numbered page starts reading.
//
// A numbered page lies `skip` rows from the end of its list it is read from (the nearer one, see
// numbered.ts). Read with OFFSET alone, it walks all `skip` index entries: at 100,000 articles
// the page 90% deep walked 10,000. A checkpoint is the (released_on, id) key of row step,
// 2·step, 3·step, … of a list counted from one end; a page reads from the checkpoint at or
// before it with a keyset bound (as cursor pages do) and skips fewer than `step` rows, so it
// costs its own rows and fewer than `step` more, however deep it lies.
//
// Checkpoints hold for one dataset version, as counts do (cache.ts): every use names the version
// its page's count was read under (the one read of the version row a page makes anyway), and
// checkpoints found under another are dropped, so a write by this replica or any other makes
// them be found again. They are found only as deep as pages go, from the last one found:
//
// - What a first read after a write costs: the count again (one count(*) of the list, as before
//   checkpoints), then a walk from the end to the checkpoint before the page, `skip` index
//   entries in one statement that notes every step-th key (see `stepKeys`: about what the OFFSET
//   read cost before checkpoints, plus one index descent per checkpoint), then the page from its
//   checkpoint. At 100,000 articles the page 90% deep walks 10,000 entries in 20 steps; the
//   deepest page there is (the middle) walks 50,000 in 100.
// - A deeper page later walks on from the last checkpoint found, not from the end; a page no
//   deeper than those already found walks nothing, and reads fewer than `step` rows beyond its
//   own.
//
// Kept: the checkpoints of the CHECKPOINT_LISTS lists read most recently, at each end at most
// one per `step` rows up to the list's middle (100 keys at 100,000 articles, 1,000 at a million).

import { LRUCache } from 'lru-cache';
import type { ArticleKey } from '../types.ts';
import type { Db } from './db.ts';
import type { PgFilter } from './filter.ts';
import { stepKeys } from './list-query.ts';

/** Rows between two checkpoints (PostgresStoreOptions.pageCheckpointStep). */
export const DEFAULT_CHECKPOINT_STEP = 500;

/** Lists whose checkpoints are kept, the most recently read (each has two ends). */
export const CHECKPOINT_LISTS = 100;

/** The checkpoints of one list from one end, as far as they have been found. */
interface Found {
  /** keys[i] is the key of row (i + 1)·step from this end. */
  keys: ArticleKey[];
  /** Whether the list ended before the next checkpoint. */
  ended: boolean;
  /** The walk finding more of them; a second page waits for it rather than walk again. */
  walking: Promise<void>;
}

/** Where a page starts reading: `row` rows from its end, at `key` (none: the end itself). */
export interface Start {
  row: number;
  key?: ArticleKey;
}

export class PageCheckpoints {
  /** Every list's checkpoints here hold for `version`: a use under another drops them all. */
  private readonly found: LRUCache<string, Found>;
  private version: string | null = null;

  constructor(
    readonly step = DEFAULT_CHECKPOINT_STEP,
    lists = CHECKPOINT_LISTS,
  ) {
    if (!Number.isSafeInteger(step) || step < 1) {
      throw new RangeError('pageCheckpointStep must be a positive integer');
    }
    this.found = new LRUCache({ max: lists * 2 });
  }

  /**
   * The checkpoint nearest at or before row `skip` of `filter`'s date-ordered list read in `dir`
   * (row 0 is the first row read), for the dataset `version`; found first if need be.
   */
  async before(
    db: Db,
    filter: PgFilter,
    dir: 'ASC' | 'DESC',
    version: string,
    skip: number,
  ): Promise<Start> {
    const want = Math.floor(skip / this.step);
    if (want === 0) return { row: 0 };
    if (version !== this.version) {
      this.found.clear();
      this.version = version;
    }
    const name = JSON.stringify([
      dir,
      filter.anyOfTagIds,
      filter.allOfTagIds,
      filter.mediaIds,
      filter.releasedFrom ?? null,
      filter.releasedTo ?? null,
      filter.tsquery,
    ]);
    let found = this.found.get(name);
    if (!found) {
      found = { keys: [], ended: false, walking: Promise.resolve() };
      this.found.set(name, found);
    }
    if (found.keys.length < want && !found.ended) {
      const list = found;
      const walk = list.walking.then(() => this.walk(db, filter, dir, list, want));
      list.walking = walk.catch(() => {});
      await walk;
    }
    const have = Math.min(want, found.keys.length);
    return have === 0 ? { row: 0 } : { row: have * this.step, key: found.keys[have - 1] };
  }

  /** Finds the list's checkpoints up to the `want`th, walking on from the last one found. */
  private async walk(
    db: Db,
    filter: PgFilter,
    dir: 'ASC' | 'DESC',
    found: Found,
    want: number,
  ): Promise<void> {
    const more = want - found.keys.length;
    if (more <= 0 || found.ended) return;
    const rows = await stepKeys(db, filter, dir, found.keys.at(-1), this.step, more);
    for (const row of rows)
      found.keys.push({ kind: 'date', releasedOn: row.released_on, id: row.id });
    if (rows.length < more) found.ended = true;
  }
}
