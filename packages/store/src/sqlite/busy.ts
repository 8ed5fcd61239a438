// Waiting on SQLite's locks: readers wait briefly inside SQLite, writers never block the process.

import type Database from 'better-sqlite3';
import { StoreBusyError } from '../errors.ts';

/**
 * How long a read waits on a lock. In WAL mode readers are not blocked by a writer; this covers
 * the short moments (opening the log, a checkpoint) when SQLite itself asks a reader to wait.
 */
export const READ_BUSY_MS = 200;

const isBusy = (error: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (one immediate transaction) without waiting on another writer's lock: it
 * returns `{ busy: true }` at once when the database is locked.
 */
export function tryWrite<T>(
  db: Database.Database,
  work: () => T,
): { busy: true } | { busy: false; value: T } {
  db.pragma('busy_timeout = 0');
  try {
    return { busy: false, value: work() };
  } catch (error) {
    if (isBusy(error)) return { busy: true };
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${READ_BUSY_MS}`);
  }
}

/** Runs a write, retrying on timers while another writer holds the lock, up to `waitMs`. */
export async function writeWithin<T>(
  attempt: (work: () => T) => { busy: true } | { busy: false; value: T },
  waitMs: number,
  work: () => T,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let n = 0; ; n++) {
    const result = attempt(work);
    if (!result.busy) return result.value;
    const wait = Math.min(5 * 2 ** n, 100, deadline - Date.now());
    if (wait <= 0) {
      throw new StoreBusyError(
        `The database is busy with another write; nothing was written. Retry in a moment.`,
      );
    }
    await sleep(wait);
  }
}
