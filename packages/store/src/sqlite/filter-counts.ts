// Counts of articles matching tag, outlet and date conditions, answered from columns held in
// memory for the current dataset version. In SQL, counting a union of large tags reads and
// de-duplicates every tagged row of them, so its cost grows with the tags; here it is one pass
// over a bitset per tag and, for dates and outlets, over the matching articles.

import type Database from 'better-sqlite3';
import type { ResolvedFilter } from './list-query.ts';

interface Columns {
  /** Per article (in the order read): its id, day of release (days since 1970) and outlet id. */
  ids: Int32Array;
  /** Position of each article id in the columns (-1: no such article). */
  index: Int32Array;
  days: Int32Array;
  media: Int32Array;
  /** One bit per article (in the same order) for each tag id. */
  tags: Map<number, Uint32Array>;
  words: number;
}

const DAY_MS = 86_400_000;
/** Rows read between two points where other work may run. */
const STEP_ROWS = 20_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class FilterCounts {
  private version: string | null = null;
  private columns: Columns | null = null;
  /** How many times the columns were read from the database (tests count rebuilds). */
  loads = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly currentVersion: () => string,
    private readonly stepRows = STEP_ROWS,
  ) {}

  /** The number of articles matching a filter that has no text query. */
  count(filter: ResolvedFilter): number {
    if (filter.ftsQuery !== null) throw new Error('text queries are counted in the search index');
    if (filter.empty) return 0;
    const { bits, perRow } = this.select(filter);
    if (bits && !perRow) {
      let total = 0;
      for (const word of bits) total += popcount(word);
      return total;
    }
    let total = 0;
    this.each(filter, () => {
      total++;
      return true;
    });
    return total;
  }

  /**
   * The search keys (see list-query.ts) of the articles matching the filter's tag, outlet and
   * date conditions, its text query aside; null when more than `limit` match.
   */
  searchKeys(filter: ResolvedFilter, limit: number): number[] | null {
    if (filter.empty) return [];
    const { ids, days } = this.load();
    const keys: number[] = [];
    const complete = this.each(filter, (i) => {
      keys.push((days[i] as number) * 4294967296 + (ids[i] as number));
      return keys.length <= limit;
    });
    return complete ? keys : null;
  }

  /**
   * How many of the articles named by `searchKeys` (comma-separated, as the search index keys
   * them) also meet the filter's tag, outlet and date conditions.
   */
  countAmong(filter: ResolvedFilter, searchKeys: string | null): number {
    if (filter.empty || !searchKeys) return 0;
    const { index } = this.load();
    const { bits, perRow, keep } = this.select(filter);
    let total = 0;
    for (const text of searchKeys.split(',')) {
      const i = index[Number(text) % 4294967296] ?? -1;
      if (i < 0) continue;
      if (bits && ((bits[i >>> 5] as number) & (1 << (i & 31))) === 0) continue;
      if (perRow && !keep(i)) continue;
      total++;
    }
    return total;
  }

  /** The tag bitset of a filter (null: every article) and the check of its other conditions. */
  private select(filter: ResolvedFilter) {
    const { days, media, tags, words } = this.load();
    let bits: Uint32Array | null = null;
    const none = new Uint32Array(words);
    if (filter.anyOfTagIds.length > 0) {
      bits = new Uint32Array(words);
      for (const id of filter.anyOfTagIds) {
        const tag = tags.get(id) ?? none;
        for (let w = 0; w < words; w++) bits[w] = (bits[w] as number) | (tag[w] as number);
      }
    }
    for (const id of filter.allOfTagIds) {
      const tag = tags.get(id) ?? none;
      if (bits === null) bits = tag.slice();
      else for (let w = 0; w < words; w++) bits[w] = (bits[w] as number) & (tag[w] as number);
    }
    const from = filter.releasedFrom ? dayOf(filter.releasedFrom) : -Infinity;
    const to = filter.releasedTo ? dayOf(filter.releasedTo) : Infinity;
    const outlets = filter.mediaIds.length > 0 ? new Set(filter.mediaIds) : null;
    const perRow = outlets !== null || from !== -Infinity || to !== Infinity;
    const keep = (i: number) => {
      const day = days[i] as number;
      return day >= from && day <= to && (outlets === null || outlets.has(media[i] as number));
    };
    return { bits, perRow, keep, n: days.length, words };
  }

  /** Calls `visit` with each matching article's position until it returns false; false then. */
  private each(filter: ResolvedFilter, visit: (i: number) => boolean): boolean {
    const { bits, perRow, keep, n, words } = this.select(filter);
    if (bits === null) {
      for (let i = 0; i < n; i++) if (keep(i) && !visit(i)) return false;
      return true;
    }
    for (let w = 0; w < words; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        const i = w * 32 + 31 - Math.clz32(low);
        if ((!perRow || keep(i)) && !visit(i)) return false;
        word ^= low;
      }
    }
    return true;
  }

  /**
   * Reads the columns for the current version in steps, letting other work run between them,
   * so the first count after a write does not hold the process for the whole read.
   */
  async ready(): Promise<void> {
    if (this.columns && this.currentVersion() === this.version) return;
    // One read at a time, shared by every caller that asks meanwhile.
    this.reading ??= this.readInSteps().finally(() => {
      this.reading = null;
    });
    await this.reading;
  }

  private reading: Promise<void> | null = null;

  private async readInSteps(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = this.currentVersion();
      if (this.columns && version === this.version) return;
      const steps = this.steps();
      let step = steps.next();
      while (!step.done) {
        await new Promise((resolve) => setImmediate(resolve));
        step = steps.next();
      }
      // A write between the steps would mix two versions: read again.
      if (this.currentVersion() === version) {
        this.keep(version, step.value);
        return;
      }
    }
  }

  /** The columns for the current version, read at once if `ready()` has not read them. */
  private load(): Columns {
    const version = this.currentVersion();
    if (this.columns && version === this.version) return this.columns;
    const steps = this.steps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return this.keep(version, step.value);
  }

  private keep(version: string, columns: Columns): Columns {
    this.loads++;
    this.version = version;
    this.columns = columns;
    return columns;
  }

  /** The columns, read in steps of about STEP_ROWS rows; each `yield` ends a step. */
  private *steps(): Generator<void, Columns> {
    // Per group of outlets, from the (outlet, date, id) index, which holds all three columns,
    // as one text value each: reading rows one by one, or the table itself, costs far more.
    const outlets = this.db
      .prepare('SELECT id, article_count FROM media ORDER BY id')
      .raw()
      .all() as [number, number][];
    const byOutlets = this.db
      .prepare(
        `SELECT group_concat(id), group_concat(unixepoch(released_on) / 86400),
           group_concat(media_id) FROM articles WHERE media_id IN (SELECT value FROM json_each(?))`,
      )
      .raw();
    const articleIds: number[] = [];
    const dayList: number[] = [];
    const mediaList: number[] = [];
    const append = (into: number[], list: string | null) => {
      if (list) for (const value of list.split(',')) into.push(Number(value));
    };
    let batch: number[] = [];
    let rows = 0;
    for (const [outlet, count] of [...outlets, [-1, Infinity] as [number, number]]) {
      if (outlet >= 0) batch.push(outlet);
      rows += count;
      if (rows < this.stepRows || batch.length === 0) continue;
      const [ids, days, media] = byOutlets.get(JSON.stringify(batch)) as (string | null)[];
      append(articleIds, ids ?? null);
      append(dayList, days ?? null);
      append(mediaList, media ?? null);
      batch = [];
      rows = 0;
      yield;
    }
    const n = articleIds.length;
    const words = Math.ceil(n / 32);
    const index = new Int32Array(articleIds.reduce((a, b) => Math.max(a, b), 0) + 1).fill(-1);
    articleIds.forEach((id, i) => {
      index[id] = i;
    });
    const tags = new Map<number, Uint32Array>();
    const tagIds = this.db.prepare('SELECT id FROM tags ORDER BY id').pluck().all() as number[];
    const ofTag = this.db
      .prepare('SELECT group_concat(article_id) FROM article_tags WHERE tag_id = ?')
      .pluck();
    rows = 0;
    for (const tagId of tagIds) {
      const list = ofTag.get(tagId) as string | null;
      if (!list) continue;
      const set = new Uint32Array(words);
      let count = 0;
      for (const text of list.split(',')) {
        const i = index[Number(text)] ?? -1;
        if (i >= 0) set[i >>> 5] = (set[i >>> 5] as number) | (1 << (i & 31));
        count++;
      }
      tags.set(tagId, set);
      rows += count;
      if (rows >= this.stepRows) {
        rows = 0;
        yield;
      }
    }
    return {
      ids: Int32Array.from(articleIds),
      index,
      days: Int32Array.from(dayList),
      media: Int32Array.from(mediaList),
      tags,
      words,
    };
  }
}
