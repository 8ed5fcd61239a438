// The dataset version of a PostgreSQL store: read from its table, moved by every write in the
// write's own transaction with a NOTIFY, and told to this replica's listeners whether the write
// was this replica's or another's.

import type pg from 'pg';
import { StoreUnavailableError } from '../errors.ts';
import type { Db } from './db.ts';
import { CHANNEL, DatasetListener } from './listener.ts';

export async function version(db: Db): Promise<string> {
  const [row] = await db.query<{ v: string }>({
    name: 'dataset-version',
    text: "SELECT dataset_id || '.' || version AS v FROM dataset",
  });
  if (!row) throw new StoreUnavailableError('The database has no dataset row: was it migrated?');
  return row.v;
}

/** Moves the version on, and tells every replica, when the transaction commits. */
export async function bump(db: Db): Promise<string> {
  const [row] = await db.query<{ v: string }>(
    `UPDATE dataset SET version = version + 1 RETURNING dataset_id || '.' || version AS v`,
  );
  const moved = (row as { v: string }).v;
  await db.query('SELECT pg_notify($1, $2)', [CHANNEL, moved]);
  return moved;
}

/** `<dataset id>.<number>`: the number grows with every write to one dataset. */
function versionParts(version: string): [string, number] {
  const dot = version.lastIndexOf('.');
  return [version.slice(0, dot), Number(version.slice(dot + 1))];
}

/** This replica's listeners, and the LISTEN connection that hears every replica's writes. */
export class DatasetChanges {
  private readonly listeners = new Set<(version: string) => void>();
  private listener: DatasetListener | null = null;
  /** The newest version told to listeners, so none hears an older one after a newer. */
  private told: string | null = null;
  private closed = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly current: () => Promise<string>,
  ) {}

  add(listener: (version: string) => void): () => void {
    this.listeners.add(listener);
    if (!this.listener && !this.closed) {
      this.listener = new DatasetListener(
        this.connection,
        (version) => this.tell(version),
        () => {
          // Writes made while the listening connection was away sent nothing it heard.
          this.current().then(
            (version) => this.tell(version),
            () => {},
          );
        },
      );
      this.listener.start();
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  tell(version: string): void {
    if (this.told !== null) {
      const [id, n] = versionParts(version);
      const [toldId, toldN] = versionParts(this.told);
      if (id === toldId && n <= toldN) return;
    }
    this.told = version;
    for (const listener of this.listeners) {
      try {
        listener(version);
      } catch {
        // One listener's failure must not keep the others from hearing.
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.close();
  }
}
